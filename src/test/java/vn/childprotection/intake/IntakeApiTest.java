package vn.childprotection.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.reset;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import vn.childprotection.ApiTestBase;

class IntakeApiTest extends ApiTestBase {

    @Test
    void reportOpensCaseStartsProcessAndPutsTheAssessmentInTheCommuneWorkersInbox() {
        OffsetDateTime receivedAt = OffsetDateTime.now(ZoneOffset.ofHours(7)).minusHours(2).withNano(0);
        Map<String, Object> report = report(COMMUNE_A);
        report.put("receivedAt", receivedAt.toString());

        Reply reply = post("intake", "/api/reports", report);

        assertThat(reply.status()).isEqualTo(201);
        String caseId = reply.body().get("caseId").asText();
        String caseNumber = reply.body().get("caseNumber").asText();
        assertThat(reply.headers().getLocation()).hasToString("/api/cases/" + caseId);
        assertThat(caseNumber).matches("CP-\\d{4}-\\d{6}");
        assertThat(reply.body().get("status").asText()).isEqualTo("OPEN");

        // the process runs with the case number as business key
        assertThat(jdbc.sql("select count(*) from ACT_RU_EXECUTION where BUSINESS_KEY_ = ? and PARENT_ID_ is null")
                .param(caseNumber).query(Long.class).single()).isEqualTo(1);

        // the commune's worker finds the assessment, due 6 hours after receipt (time left for emergency protection)
        Reply inbox = get("worker.a", "/api/tasks?size=200");
        var task = findTask(inbox, caseId);
        assertThat(task).as("task in worker.a's inbox").isNotNull();
        assertThat(task.get("type").asText()).isEqualTo("INITIAL_ASSESSMENT");
        assertThat(task.get("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(task.get("assignee").isNull()).isTrue();
        assertThat(OffsetDateTime.parse(task.get("dueAt").asText()).toInstant())
                .isEqualTo(receivedAt.plusHours(6).toInstant());
        assertThat(task.get("overdue").asBoolean()).isFalse();
    }

    @Test
    void caseNumbersAreUnique() {
        Reply first = post("intake", "/api/reports", report(COMMUNE_A));
        Reply second = post("intake", "/api/reports", report(COMMUNE_B));
        assertThat(first.body().get("caseNumber").asText()).isNotEqualTo(second.body().get("caseNumber").asText());
    }

    @Test
    void anonymousReporterLeavesNoName() {
        Map<String, Object> report = report(COMMUNE_A);
        report.put("reporter", Map.of("anonymous", true, "fullName", "Should Vanish", "phone", "0900000000"));
        String caseId = post("intake", "/api/reports", report).body().get("caseId").asText();

        assertThat(jdbc.sql("select count(*) from report where case_id = ? and reporter_full_name is null and reporter_phone is null and reporter_anonymous")
                .param(UUID.fromString(caseId)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void parentAsAllegedAbuserMarksTheCaregiverFlag() {
        Map<String, Object> report = report(COMMUNE_A);
        report.put("allegedAbuser", Map.of("relationship", "STEP_PARENT", "fullName", "Lê Văn Tùng", "ageYears", 38));
        report.put("allegedAbuserIsCaregiver", false);
        String caseId = post("intake", "/api/reports", report).body().get("caseId").asText();

        Reply caseFile = get("worker.a", "/api/cases/" + caseId);
        assertThat(caseFile.body().at("/reports/0/allegedAbuserIsCaregiver").asBoolean()).isTrue();
        assertThat(caseFile.body().at("/reports/0/allegedAbuser/relationship").asText()).isEqualTo("STEP_PARENT");
    }

    @Test
    void onlyRequiredFieldsAreEnough() {
        Map<String, Object> minimal = Map.of("channel", "WALK_IN", "communeCode", COMMUNE_C,
                "child", Map.of("sex", "UNKNOWN"), "harmTypes", List.of("NEGLECT"), "description", "Trẻ bị bỏ mặc.");
        Reply reply = post("worker.c", "/api/reports", minimal);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
    }

    @Test
    void failureAfterTheCaseInsertLeavesNothingBehind() {
        long cases = count("case_file");
        long reports = count("report");
        long inbox = count("task_inbox");
        long executions = count("ACT_RU_EXECUTION");
        doAnswer(invocation -> {
            invocation.callRealMethod();
            throw new IllegalStateException("injected failure after the process started");
        }).when(workflow).startCase(any());
        try {
            Reply reply = post("intake", "/api/reports", report(COMMUNE_A));
            assertThat(reply.status()).isEqualTo(500);
        } finally {
            reset(workflow);
        }
        assertThat(count("case_file")).isEqualTo(cases);
        assertThat(count("report")).isEqualTo(reports);
        assertThat(count("task_inbox")).isEqualTo(inbox);
        assertThat(count("ACT_RU_EXECUTION")).isEqualTo(executions);
    }

    @Test
    void roleThatMayNotRecordReportsIsRefused() {
        assertThat(post("chair.a", "/api/reports", report(COMMUNE_A)).status()).isEqualTo(403);
        assertThat(post("supervisor.p", "/api/reports", report(COMMUNE_A)).status()).isEqualTo(403);
        assertThat(post(null, "/api/reports", report(COMMUNE_A)).status()).isEqualTo(401);
    }

    @Test
    void problemDetailsAreJson() {
        Reply reply = post("intake", "/api/reports", Map.of());
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.body().get("status").asInt()).isEqualTo(400);
        assertThat(reply.body().get("title").asText()).isNotBlank();
        assertThat(reply.body().get("errors").findValuesAsText("field"))
                .contains("channel", "communeCode", "child", "harmTypes", "description");
    }

    private static com.fasterxml.jackson.databind.JsonNode findTask(Reply inbox, String caseId) {
        for (var task : inbox.body()) {
            if (task.get("caseId").asText().equals(caseId)) {
                return task;
            }
        }
        return null;
    }
}
