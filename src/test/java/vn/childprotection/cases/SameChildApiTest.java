package vn.childprotection.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import vn.childprotection.ApiTestBase;
import vn.childprotection.workflow.ProcessIds;

/**
 * One child, one case, and never two children in one: possible duplicates across communes wait for a
 * supervisor; a report after closure opens a new case that shows the earlier ones; the report form's
 * hint answers only within the user's jurisdiction.
 */
class SameChildApiTest extends ApiTestBase {

    @Autowired
    ManagementService management;

    private Map<String, Object> reportAbout(String commune, Map<String, Object> child) {
        Map<String, Object> report = report(commune);
        report.put("child", child);
        return report;
    }

    @Test
    void aNameAndBirthDateMatchInAnotherCommuneOpensItsOwnCaseForTheSupervisorToDismiss() {
        String name = newChildName();
        Map<String, Object> child = Map.of("fullName", name, "sex", "FEMALE", "birthDate", "2014-09-10");
        String first = post("intake", "/api/reports", reportAbout(COMMUNE_A, child)).body().get("caseId").asText();

        Reply second = post("intake", "/api/reports", reportAbout(COMMUNE_B, child));

        String suspected = second.body().get("caseId").asText();
        assertThat(suspected).isNotEqualTo(first);
        assertThat(second.body().get("joinedExistingCase").asBoolean()).isFalse();
        Reply file = get("worker.b", "/api/cases/" + suspected);
        assertThat(file.body().get("duplicateStatus").asText()).isEqualTo("SUSPECTED");
        assertThat(file.body().get("possibleDuplicate").isNull()).as("the other commune's case only for the supervisor")
                .isTrue();
        assertThat(get("supervisor.p", "/api/cases/" + suspected).body().at("/possibleDuplicate/caseNumber").asText())
                .isEqualTo(get("worker.a", "/api/cases/" + first).body().get("caseNumber").asText());
        assertThat(get("worker.b", "/api/cases/" + suspected + "/timeline").body().findValuesAsText("type"))
                .contains("POSSIBLE_DUPLICATE");
        assertThat(get("worker.a", "/api/cases/" + first).body().get("possibleDuplicate").isNull()).isTrue();

        assertThat(post("worker.b", "/api/cases/" + suspected + "/duplicate", Map.of("decision", "DISMISS")).status())
                .isEqualTo(403);
        assertThat(post("supervisor.q", "/api/cases/" + suspected + "/duplicate", Map.of("decision", "DISMISS")).status())
                .isEqualTo(404);
        assertThat(post("supervisor.p", "/api/cases/" + suspected + "/duplicate", Map.of("decision", "MAYBE")).status())
                .isEqualTo(400);
        assertThat(post("supervisor.p", "/api/cases/" + suspected + "/duplicate", Map.of("decision", "DISMISS")).status())
                .isEqualTo(204);

        assertThat(get("supervisor.p", "/api/cases/" + suspected).body().get("possibleDuplicate").isNull()).isTrue();
        assertThat(get("worker.b", "/api/cases/" + suspected).body().get("duplicateStatus").asText()).isEqualTo("DISMISSED");
        assertThat(get("worker.b", "/api/cases/" + suspected).body().get("status").asText()).isEqualTo("OPEN");
        assertThat(post("supervisor.p", "/api/cases/" + suspected + "/duplicate", Map.of("decision", "DISMISS")).status())
                .as("decided once").isEqualTo(409);
    }

    @Test
    void theSupervisorMergesAPossibleDuplicateAndTheChildsCaseAssessesTheReportAfresh() {
        String name = newChildName();
        Map<String, Object> child = Map.of("fullName", name, "sex", "MALE", "birthDate", "2013-01-20");
        String first = post("intake", "/api/reports", reportAbout(COMMUNE_A, child)).body().get("caseId").asText();
        complete("worker.a", first, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "LOW", "immediateDanger", false,
                "crimeSuspected", false, "summary", "Ổn định"));
        String suspected = post("worker.b", "/api/reports", reportAbout(COMMUNE_B, child)).body().get("caseId").asText();

        assertThat(post("supervisor.p", "/api/cases/" + suspected + "/duplicate", Map.of("decision", "MERGE")).status())
                .isEqualTo(204);

        Reply merged = get("supervisor.p", "/api/cases/" + suspected);
        assertThat(merged.body().get("status").asText()).isEqualTo("CLOSED");
        assertThat(merged.body().get("reports")).isEmpty();
        assertThat(merged.body().get("openTasks")).isEmpty();
        assertThat(get("worker.a", "/api/cases/" + first).body().get("reports")).hasSize(2);
        assertThat(taskOf(first, "INITIAL_ASSESSMENT")).as("a fresh assessment in the child's case").isNotNull();
        assertThat(jdbc.sql("select count(*) from task_inbox where case_id = ?").param(UUID.fromString(suspected))
                .query(Long.class).single()).isZero();
        assertThat(get("worker.a", "/api/cases/" + first + "/timeline").body().findValuesAsText("type"))
                .contains("MERGED_FROM");
    }

    @Test
    void aPossibleDuplicateWhoseEmergencyIsUnderWayIsNotMerged() {
        String name = newChildName();
        Map<String, Object> child = Map.of("fullName", name, "sex", "FEMALE", "birthDate", "2012-04-04");
        post("intake", "/api/reports", reportAbout(COMMUNE_A, child));
        Map<String, Object> urgent = reportAbout(COMMUNE_B, child);
        urgent.put("immediateDanger", true);
        String suspected = post("intake", "/api/reports", urgent).body().get("caseId").asText();
        complete("worker.b", suspected, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "HIGH", "immediateDanger", true,
                "crimeSuspected", false, "summary", "Nguy hiểm"));

        Reply merge = post("supervisor.p", "/api/cases/" + suspected + "/duplicate", Map.of("decision", "MERGE"));

        assertThat(merge.status()).isEqualTo(409);
        assertThat(get("worker.b", "/api/cases/" + suspected).body().get("reports")).hasSize(1);
        assertThat(taskOf(suspected, "EMERGENCY_ACTION")).isNotNull();
    }

    @Test
    void aFurtherReportFromAnotherCommuneGoesToThePoliceOfThatCommune() {
        String nationalId = String.format("%012d", Math.abs(System.nanoTime() + 17) % 1_000_000_000_000L);
        String caseId = post("intake", "/api/reports",
                reportAbout(COMMUNE_A, Map.of("sex", "MALE", "nationalId", nationalId))).body().get("caseId").asText();
        Map<String, Object> abuse = reportAbout(COMMUNE_B, Map.of("sex", "MALE", "nationalId", nationalId));
        abuse.put("harmTypes", List.of("SEXUAL_ABUSE"));

        assertThat(post("intake", "/api/reports", abuse).body().get("caseId").asText()).isEqualTo(caseId);

        assertThat(jdbc.sql("select candidate_group from task_inbox where case_id = ? and task_type = 'POLICE_ACKNOWLEDGE'")
                .param(UUID.fromString(caseId)).query(String.class).list()).containsExactly("police-" + COMMUNE_B);
        assertThat(jdbc.sql("select police_commune_code from police_referral where case_id = ?")
                .param(UUID.fromString(caseId)).query(String.class).list()).containsExactly(COMMUNE_B);
    }

    @Test
    void aReportAfterClosureOpensANewCaseThatShowsTheEarlierOne() {
        String nationalId = String.format("%012d", Math.abs(System.nanoTime() + 11) % 1_000_000_000_000L);
        Map<String, Object> child = Map.of("fullName", newChildName(), "sex", "FEMALE", "nationalId", nationalId);
        String earlier = post("intake", "/api/reports", reportAbout(COMMUNE_A, child)).body().get("caseId").asText();
        close(earlier);

        Map<String, Object> again = reportAbout(COMMUNE_A, child);
        again.put("harmTypes", List.of("NEGLECT"));
        Reply reply = post("intake", "/api/reports", again);

        String recurrence = reply.body().get("caseId").asText();
        assertThat(recurrence).isNotEqualTo(earlier);
        assertThat(reply.body().get("joinedExistingCase").asBoolean()).isFalse();
        var earlierCases = get("worker.a", "/api/cases/" + recurrence).body().get("earlierCases");
        assertThat(earlierCases).hasSize(1);
        assertThat(earlierCases.get(0).get("caseId").asText()).isEqualTo(earlier);
        assertThat(earlierCases.get(0).get("status").asText()).isEqualTo("CLOSED");
        assertThat(earlierCases.get(0).get("closedAt").isNull()).isFalse();
        assertThat(earlierCases.get(0).get("harmTypes").get(0).asText()).isEqualTo("PHYSICAL_VIOLENCE");
        assertThat(get("police.a", "/api/cases/" + recurrence).status()).isEqualTo(404);
    }

    @Test
    void theReportFormsHintAnswersOnlyWithinTheUsersJurisdictionAndIsAudited() {
        String nationalId = String.format("%012d", Math.abs(System.nanoTime() + 13) % 1_000_000_000_000L);
        String caseId = post("intake", "/api/reports",
                reportAbout(COMMUNE_A, Map.of("sex", "MALE", "nationalId", nationalId))).body().get("caseId").asText();
        long lookups = jdbc.sql("select count(*) from audit_event where action = 'OPEN_CASE_LOOKUP'").query(Long.class).single();

        String path = "/reports/check?communeCode=" + COMMUNE_C + "&child.nationalId=" + nationalId;
        assertThat(page("worker.c", path)).as("another province's worker learns nothing").doesNotContain("flash warn");
        assertThat(page("worker.a", "/reports/check?communeCode=" + COMMUNE_A + "&child.nationalId=" + nationalId))
                .contains("flash warn");

        assertThat(jdbc.sql("select count(*) from audit_event where action = 'OPEN_CASE_LOOKUP'").query(Long.class).single())
                .isEqualTo(lookups + 2);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'OPEN_CASE_LOOKUP' and case_id = ?")
                .param(UUID.fromString(caseId)).query(Long.class).single()).isEqualTo(1);
    }

    private String page(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, PASSWORD);
        var reply = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(reply.getStatusCode().value()).isEqualTo(200);
        return reply.getBody();
    }

    /** Works a case from assessment to the chair's closure. */
    private void close(String caseId) {
        complete("worker.a", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "LOW", "immediateDanger", false,
                "crimeSuspected", false, "summary", "Ổn định"));
        complete("worker.a", caseId, "RISK_NEEDS_ASSESSMENT", Map.of("riskLevel", "LOW", "needs", "Tư vấn"));
        complete("worker.a", caseId, "CASE_MEETING", Map.of("heldOn", todayInVietnam().toString(),
                "participants", "Chủ tịch xã, gia đình", "minutes", "Thống nhất"));
        complete("worker.a", caseId, "PLAN_DRAFT", Map.of("goals", "Trẻ an toàn", "activities", "Tư vấn"));
        complete("chair.a", caseId, "PLAN_APPROVAL", Map.of("approved", true));
        String caseNumber = get("worker.a", "/api/cases/" + caseId).body().get("caseNumber").asText();
        String processId = jdbc.sql("""
                        select ID_ from ACT_RU_EXECUTION
                        where BUSINESS_KEY_ = ? and PARENT_ID_ is null and PROC_DEF_ID_ like 'ChildProtectionCase:%'""")
                .param(caseNumber).query(String.class).single();
        management.executeJob(management.createJobQuery().processInstanceId(processId)
                .activityId(ProcessIds.TIMER_REVIEW_DUE).singleResult().getId());
        complete("worker.a", caseId, "PLAN_REVIEW", Map.of("remainingHarm", "LOW", "abuserAccess", "LOW",
                "careSettingObstacles", "LOW", "selfProtection", "LOW", "recommendation", "CLOSE", "summary", "Ổn định"));
        complete("chair.a", caseId, "CLOSURE_APPROVAL", Map.of("approved", true));
        assertThat(get("worker.a", "/api/cases/" + caseId).body().get("status").asText()).isEqualTo("CLOSED");
    }
}
