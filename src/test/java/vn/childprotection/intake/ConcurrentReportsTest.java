package vn.childprotection.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import vn.childprotection.ApiTestBase;

/** A hotline often gets several calls about one incident at once: one case, every report stored. */
class ConcurrentReportsTest extends ApiTestBase {

    private static String nationalId(long salt) {
        return String.format("%012d", Math.abs(System.nanoTime() + salt) % 1_000_000_000_000L);
    }

    private List<Reply> atOnce(int count, Map<String, Object> child) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Callable<Reply>> calls = IntStream.range(0, count).mapToObj(i -> (Callable<Reply>) () -> {
                Map<String, Object> report = report(COMMUNE_A);
                report.put("child", child);
                report.put("description", "Cuộc gọi số " + i + " về cùng một vụ việc");
                return post("intake", "/api/reports", report);
            }).toList();
            List<Reply> replies = new java.util.ArrayList<>();
            for (var future : pool.invokeAll(calls)) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void fiveFirstReportsAtOnceAboutOneChildOpenOneCase() throws Exception {
        String id = nationalId(1);

        List<Reply> replies = atOnce(5, Map.of("sex", "FEMALE", "nationalId", id));

        assertThat(replies).extracting(Reply::status).containsOnly(201);
        assertThat(replies.stream().map(r -> r.body().get("caseId").asText()).distinct()).hasSize(1);
        assertThat(jdbc.sql("select count(*) from case_file where child_national_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(replies.stream().filter(r -> !r.body().get("joinedExistingCase").asBoolean())).hasSize(1);
    }

    @Test
    void tenFurtherReportsAtOnceAreAllStoredInTheChildsOneCase() throws Exception {
        String id = nationalId(2);
        Map<String, Object> child = Map.of("fullName", newChildName(), "sex", "MALE", "nationalId", id);
        Map<String, Object> first = report(COMMUNE_A);
        first.put("child", child);
        String caseId = post("intake", "/api/reports", first).body().get("caseId").asText();

        List<Reply> replies = atOnce(10, child);

        assertThat(replies).extracting(Reply::status).containsOnly(201);
        assertThat(replies).allSatisfy(r -> assertThat(r.body().get("caseId").asText()).isEqualTo(caseId));
        assertThat(jdbc.sql("select count(*) from report where case_id = ?").param(UUID.fromString(caseId))
                .query(Long.class).single()).isEqualTo(11);
        assertThat(jdbc.sql("select count(*) from task_inbox where case_id = ? and task_type = 'INITIAL_ASSESSMENT'")
                .param(UUID.fromString(caseId)).query(Long.class).single()).as("each report assessed").isEqualTo(11);
    }
}
