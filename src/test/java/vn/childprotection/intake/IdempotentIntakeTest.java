package vn.childprotection.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import vn.childprotection.ContractedApiTest;

/**
 * The hotline's software sends a report again when its call timed out: with the same Idempotency-Key the report is
 * filed once, whatever the number of tries.
 */
class IdempotentIntakeTest extends ContractedApiTest {

    private Reply send(String user, Map<String, Object> report, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, PASSWORD);
        if (key != null) {
            headers.set("Idempotency-Key", key);
        }
        return exchange(HttpMethod.POST, "/api/reports", new HttpEntity<>(json.valueToTree(report).toString(), headers));
    }

    private long reportsAbout(Map<String, Object> report) {
        @SuppressWarnings("unchecked")
        String name = (String) ((Map<String, Object>) report.get("child")).get("fullName");
        return jdbc.sql("select count(*) from report r join case_file c on c.id = r.case_id where c.child_full_name = ?")
                .param(name).query(Long.class).single();
    }

    @Test
    void aRetriedReportWithTheSameKeyGetsTheFirstAnswerAndFilesNoSecondReport() {
        Map<String, Object> report = report(COMMUNE_A);
        String key = UUID.randomUUID().toString();

        Reply first = send("intake", report, key);
        Reply retried = send("intake", report, key);

        assertThat(first.status()).as("first: %s", first.body()).isEqualTo(201);
        assertThat(retried.status()).as("retried: %s", retried.body()).isEqualTo(201);
        assertThat(retried.body().get("caseNumber").asText()).isEqualTo(first.body().get("caseNumber").asText());
        assertThat(retried.body().get("caseId").asText()).isEqualTo(first.body().get("caseId").asText());
        assertThat(retried.headers().getLocation()).isEqualTo(first.headers().getLocation());
        assertThat(retried.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.headers().getFirst("Idempotent-Replayed")).isNull();
        assertThat(reportsAbout(report)).as("reports stored").isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherReportIsAConflictAndStoresNothing() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> report = report(COMMUNE_A);
        assertThat(send("intake", report, key).status()).isEqualTo(201);
        Map<String, Object> other = report(COMMUNE_A);

        Reply reused = send("intake", other, key);

        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reused.body().get("detail").asText()).contains("Idempotency-Key");
        assertThat(reportsAbout(other)).as("the other report not stored").isZero();
    }

    @Test
    void keysBelongToTheirCallerAndLastADay() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> report = report(COMMUNE_A);
        Reply byIntake = send("intake", report, key);
        Reply byWorker = send("worker.a", report, key);
        assertThat(byWorker.status()).isEqualTo(201);
        assertThat(byWorker.headers().getFirst("Idempotent-Replayed")).as("another caller's key is its own").isNull();
        assertThat(byWorker.body().get("joinedExistingCase").asBoolean()).as("a further report of the same child")
                .isTrue();

        // a day later the key is forgotten: the same request is a new report (of the same child, joining its case)
        jdbc.sql("update intake_idempotency set created_at = ? where caller = 'intake' and idempotency_key = ?")
                .params(Timestamp.from(Instant.now().minus(25, ChronoUnit.HOURS)), key).update();
        Reply dayLater = send("intake", report, key);
        assertThat(dayLater.status()).isEqualTo(201);
        assertThat(dayLater.headers().getFirst("Idempotent-Replayed")).isNull();
        assertThat(dayLater.body().get("caseId").asText()).isEqualTo(byIntake.body().get("caseId").asText());
        assertThat(reportsAbout(report)).isEqualTo(3);
    }

    @Test
    void aReportRefusedAsInvalidLeavesItsKeyFreeForTheCorrectedOne() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> report = report("99999");
        assertThat(send("intake", report, key).status()).isEqualTo(400);
        report.put("communeCode", COMMUNE_A);

        assertThat(send("intake", report, key).status()).isEqualTo(201);
        assertThat(send("intake", report, key).headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aKeyThatIsNotVisibleAsciiOrTooLongIsBadInput() {
        Map<String, Object> report = report(COMMUNE_A);
        for (String bad : List.of("", "x".repeat(256), "two words")) {
            Reply reply = send("intake", report, bad);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.body().get("errors").findValuesAsText("field")).containsExactly("Idempotency-Key");
        }
        assertThat(reportsAbout(report)).isZero();
    }

    @Test
    void fiveTriesAtOnceWithOneKeyFileOneReport() throws Exception {
        Map<String, Object> report = report(COMMUNE_A);
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Reply> replies = new ArrayList<>();
        try {
            List<Callable<Reply>> tries = IntStream.range(0, 5)
                    .mapToObj(i -> (Callable<Reply>) () -> send("intake", report, key)).toList();
            for (var future : pool.invokeAll(tries)) {
                replies.add(future.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(replies).extracting(Reply::status).containsOnly(201);
        assertThat(replies.stream().map(r -> r.body().get("caseNumber").asText()).distinct()).hasSize(1);
        assertThat(replies.stream().filter(r -> r.headers().getFirst("Idempotent-Replayed") == null)).hasSize(1);
        assertThat(reportsAbout(report)).isEqualTo(1);
    }

    @Test
    void theHotlinesOwnReferenceIsKeptAndFindsTheCaseInTheRegister() {
        Map<String, Object> report = report(COMMUNE_A);
        String reference = "111-" + UUID.randomUUID().toString().substring(0, 8);
        report.put("externalRef", reference);
        String caseNumber = send("intake", report, null).body().get("caseNumber").asText();

        Reply found = get("worker.a", "/api/cases?q=" + reference);
        assertThat(found.body().findValuesAsText("caseNumber")).containsExactly(caseNumber);
        assertThat(get("worker.c", "/api/cases?q=" + reference).body().findValuesAsText("caseNumber"))
                .as("not outside the jurisdiction").isEmpty();

        report.put("externalRef", "<script>");
        assertThat(send("intake", report, null).status()).isEqualTo(400);
    }
}
