package vn.childprotection.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import vn.childprotection.ApiTestBase;

/** Completing a task with bad input is 400 with problem details: nothing stored, the task still open and held. */
class BadTaskInputTest extends ApiTestBase {

    private static Map<String, Object> assessment() {
        return new HashMap<>(Map.of("dangerLevel", "MEDIUM", "immediateDanger", false, "crimeSuspected", false,
                "summary", "Trẻ có vết bầm ở tay; mẹ nói do ngã."));
    }

    private static Arguments bad(String what, Consumer<Map<String, Object>> change, String field) {
        Map<String, Object> form = assessment();
        change.accept(form);
        return Arguments.of(what, form, field);
    }

    static Stream<Arguments> badAssessments() {
        return Stream.of(
                bad("no danger level", f -> f.remove("dangerLevel"), "dangerLevel"),
                bad("unknown danger level", f -> f.put("dangerLevel", "EXTREME"), "dangerLevel"),
                bad("danger level in lower case", f -> f.put("dangerLevel", "high"), "dangerLevel"),
                bad("script as danger level", f -> f.put("dangerLevel", "<script>alert(1)</script>"), "dangerLevel"),
                bad("SQL as danger level", f -> f.put("dangerLevel", "HIGH' OR 1=1--"), "dangerLevel"),
                bad("no immediate danger", f -> f.remove("immediateDanger"), "immediateDanger"),
                bad("word for a yes/no", f -> f.put("crimeSuspected", "có lẽ"), "crimeSuspected"),
                bad("list for a yes/no", f -> f.put("immediateDanger", java.util.List.of(true)), "immediateDanger"),
                bad("blank summary", f -> f.put("summary", "   "), "summary"),
                bad("summary over 10,000 characters", f -> f.put("summary", "ư".repeat(10_001)), "summary"),
                bad("object as summary", f -> f.put("summary", Map.of("a", 1)), "summary"));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("broken JSON", "{\"dangerLevel\": \"HIGH\", "),
                Arguments.of("a list", "[\"HIGH\"]"),
                Arguments.of("a number", "7"),
                Arguments.of("plain text", "cao"),
                Arguments.of("no body", null));
    }

    /** A fresh case whose initial assessment worker.a holds. */
    private String heldAssessment() {
        String caseId = openCase(COMMUNE_A);
        String taskId = taskOf(caseId, "INITIAL_ASSESSMENT");
        assertThat(post("worker.a", "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(200);
        return taskId;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAssessments")
    void badFieldsAreNamedAndNothingIsStored(String what, Map<String, Object> form, String field) {
        String taskId = heldAssessment();
        long assessments = count("initial_assessment");

        Reply reply = post("worker.a", "/api/tasks/" + taskId + "/complete", form);

        assertThat(reply.status()).as("%s: %s", what, reply.body()).isEqualTo(400);
        assertThat(reply.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.body().get("errors").findValuesAsText("field")).as(what).contains(field);
        stillOpenAndHeld(taskId, assessments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedBodiesAreRefused(String what, String body) {
        String taskId = heldAssessment();
        long assessments = count("initial_assessment");

        Reply reply = post("worker.a", "/api/tasks/" + taskId + "/complete", body);

        assertThat(reply.status()).as("%s: %s", what, reply.body()).isEqualTo(400);
        assertThat(reply.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        stillOpenAndHeld(taskId, assessments);
    }

    @Test
    void brokenUtf8IsRefused() {
        String taskId = heldAssessment();
        long assessments = count("initial_assessment");
        byte[] body = "{\"dangerLevel\": \"LOW\", \"immediateDanger\": false, \"crimeSuspected\": false, \"summary\": \"Tr__ an to__n\"}"
                .getBytes(StandardCharsets.UTF_8);
        int at = new String(body, StandardCharsets.ISO_8859_1).indexOf("__");
        body[at] = (byte) 0xE1; // starts a three-byte sequence ...
        body[at + 1] = (byte) 0x41; // ... that an ASCII letter cannot continue

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth("worker.a", PASSWORD);
        Reply reply = exchange(HttpMethod.POST, "/api/tasks/" + taskId + "/complete", new HttpEntity<>(body, headers));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        stillOpenAndHeld(taskId, assessments);
    }

    @Test
    void aBodyOverTheLimitIs413AndNothingIsStored() {
        String taskId = heldAssessment();
        long assessments = count("initial_assessment");
        Map<String, Object> form = assessment();
        form.put("summary", "x".repeat(3 * 1024 * 1024));

        Reply reply = post("worker.a", "/api/tasks/" + taskId + "/complete", form);

        assertThat(reply.status()).isEqualTo(413);
        stillOpenAndHeld(taskId, assessments);
    }

    @Test
    void taskIdsThatAreNotTasksAre404() {
        for (String id : new String[] {"1' OR '1'='1", "<script>", UUID.randomUUID().toString()}) {
            Reply reply = post("worker.a", "/api/tasks/" + id
                    + "/complete", assessment());
            assertThat(reply.status()).as(id).isEqualTo(404);
        }
    }

    @Test
    void scriptInAFreeTextFieldIsStoredAsText() {
        String taskId = heldAssessment();
        String caseId = jdbc.sql("select case_id from task_inbox where task_id = ?").param(taskId)
                .query(String.class).single();
        Map<String, Object> form = assessment();
        form.put("summary", "<script>document.location='http://evil'</script>'; DELETE FROM task_inbox;--");

        assertThat(post("worker.a", "/api/tasks/" + taskId + "/complete", form).status()).isEqualTo(204);

        Reply file = get("worker.a", "/api/cases/" + caseId);
        assertThat(file.body().at("/initialAssessments/0/summary").asText())
                .isEqualTo("<script>document.location='http://evil'</script>'; DELETE FROM task_inbox;--");
    }

    private void stillOpenAndHeld(String taskId, long assessments) {
        assertThat(count("initial_assessment")).as("no assessment stored").isEqualTo(assessments);
        assertThat(jdbc.sql("select assignee from task_inbox where task_id = ?").param(taskId)
                .query(String.class).single()).as("the task is still open and held").isEqualTo("worker.a");
    }
}
