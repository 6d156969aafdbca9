package vn.childprotection.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.childprotection.ApiTestBase;

/** Closing a case with a follow-up visit, the visit on its day, and a case reopened by it (issue 13, item 8). */
class FollowUpVisitApiTest extends ApiTestBase {

    @Autowired
    ManagementService management;

    @Test
    void theChairClosesWithAVisitTheNamedWorkerVisitsOnItsDayAndAChildAtRiskReopensTheCase() {
        String caseId = closable();
        String visitDay = todayInVietnam().plusDays(14).toString();

        // what the chair may set: a later day within a year, a worker of the case's commune, only when closing
        assertThat(fieldsOf(completeReply("chair.a", caseId, "CLOSURE_APPROVAL",
                closure(true, todayInVietnam().toString(), null)))).containsExactly("followUpOn");
        assertThat(fieldsOf(completeReply("chair.a", caseId, "CLOSURE_APPROVAL",
                closure(true, todayInVietnam().plusMonths(13).toString(), null)))).containsExactly("followUpOn");
        assertThat(fieldsOf(completeReply("chair.a", caseId, "CLOSURE_APPROVAL",
                closure(true, visitDay, "worker.c")))).as("a worker of another commune").containsExactly("followUpBy");
        assertThat(fieldsOf(completeReply("chair.a", caseId, "CLOSURE_APPROVAL",
                closure(true, null, "worker.a")))).as("a worker without a day").containsExactly("followUpOn");
        Map<String, Object> refused = closure(false, visitDay, null);
        refused.put("reason", "Chưa đủ điều kiện");
        assertThat(fieldsOf(completeReply("chair.a", caseId, "CLOSURE_APPROVAL", refused))).containsExactly("followUpOn");
        assertThat(get("chair.a", "/api/cases/" + caseId).body().get("status").asText())
                .as("nothing decided by a refused form").isEqualTo("OPEN");

        complete("chair.a", caseId, "CLOSURE_APPROVAL", closure(true, visitDay, "worker.a"));
        assertThat(get("chair.a", "/api/cases/" + caseId).body().get("status").asText()).isEqualTo("CLOSED");
        assertThat(openTasks(caseId)).as("nothing to do before the day").isEmpty();

        visitDayComes(caseNumber(caseId));
        assertThat(openTasks(caseId)).containsExactly("FOLLOW_UP_VISIT");
        var task = inboxTask("worker.a", caseId, "FOLLOW_UP_VISIT");
        assertThat(task).as("in the named worker's inbox, already theirs").isNotNull();
        assertThat(task.get("assignee").asText()).isEqualTo("worker.a");
        assertThat(inboxTask("worker.c", caseId, "FOLLOW_UP_VISIT")).as("not another commune's").isNull();

        String taskId = taskOf(caseId, "FOLLOW_UP_VISIT");
        Map<String, Object> visit = new HashMap<>(Map.of("visitedOn", todayInVietnam().toString(),
                "metWith", "Bà ngoại và trẻ", "wellbeing", "AT_RISK",
                "observations", "Người cha đã quay về nhà; trẻ sợ hãi.", "reopen", false));
        assertThat(fieldsOf(post("worker.a", "/api/tasks/" + taskId + "/complete", visit)))
                .as("a child at risk is not left with a closed case").containsExactly("reopen");
        visit.put("reopen", true);
        assertThat(fieldsOf(post("worker.a", "/api/tasks/" + taskId + "/complete", visit))).containsExactly("reopenReason");
        visit.put("reopenReason", "Người gây hại quay lại sống cùng trẻ");
        assertThat(post("worker.a", "/api/tasks/" + taskId + "/complete", visit).status()).isEqualTo(204);

        assertThat(get("chair.a", "/api/cases/" + caseId).body().get("status").asText()).isEqualTo("OPEN");
        assertThat(openTasks(caseId)).containsExactly("RISK_NEEDS_ASSESSMENT");
        assertThat(inboxTask("worker.a", caseId, "RISK_NEEDS_ASSESSMENT")).isNotNull();
        List<String> timeline = get("worker.a", "/api/cases/" + caseId + "/timeline").body().findValuesAsText("type");
        assertThat(timeline).containsSubsequence("CLOSURE_APPROVAL", "CASE_CLOSED", "FOLLOW_UP_VISIT", "CASE_REOPENED");
        assertThat(get("worker.a", "/api/cases/" + caseId).body().get("forms").findValuesAsText("type"))
                .contains("FOLLOW_UP_VISIT");

        // the reopened case is worked as before
        complete("worker.a", caseId, "RISK_NEEDS_ASSESSMENT", Map.of("riskLevel", "HIGH", "needs", "Nơi ở an toàn"));
        assertThat(openTasks(caseId)).containsExactly("CASE_MEETING");
    }

    @Test
    void aChildDoingWellLeavesTheCaseClosedAndAnyWorkerOfTheCommuneMayTakeAnUnnamedVisit() {
        String caseId = closable();
        complete("chair.a", caseId, "CLOSURE_APPROVAL", closure(true, todayInVietnam().plusDays(30).toString(), null));
        visitDayComes(caseNumber(caseId));
        var task = inboxTask("worker.a", caseId, "FOLLOW_UP_VISIT");
        assertThat(task.get("assignee").isNull()).isTrue();

        complete("worker.a", caseId, "FOLLOW_UP_VISIT", Map.of("visitedOn", todayInVietnam().toString(),
                "metWith", "Mẹ và trẻ", "wellbeing", "WELL", "observations", "Trẻ đi học đều.", "reopen", false));

        assertThat(get("chair.a", "/api/cases/" + caseId).body().get("status").asText()).isEqualTo("CLOSED");
        assertThat(openTasks(caseId)).isEmpty();
    }

    @Test
    void aChildWithAnotherCaseOpenSinceTheClosingIsProtectedThereAndThisCaseStaysClosed() {
        Map<String, Object> report = report(COMMUNE_A);
        String caseId = closable(report);
        complete("chair.a", caseId, "CLOSURE_APPROVAL", closure(true, todayInVietnam().plusDays(60).toString(), null));
        // a new report about the same child after the closing opens a new case
        report.put("receivedAt", java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(7)).withNano(0).toString());
        Reply second = post("intake", "/api/reports", report);
        assertThat(second.status()).isEqualTo(201);
        String newCase = second.body().get("caseId").asText();
        assertThat(newCase).isNotEqualTo(caseId);
        visitDayComes(caseNumber(caseId));

        String taskId = taskOf(caseId, "FOLLOW_UP_VISIT");
        assertThat(post("worker.a", "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(200);
        Map<String, Object> visit = new HashMap<>(Map.of("visitedOn", todayInVietnam().toString(),
                "metWith", "Trẻ và mẹ", "wellbeing", "AT_RISK", "observations", "Trẻ lại bị đánh.", "reopen", true,
                "reopenReason", "Bị đánh lại"));
        Reply reopen = post("worker.a", "/api/tasks/" + taskId + "/complete", visit);
        assertThat(fieldsOf(reopen)).containsExactly("reopen");
        assertThat(reopen.body().toString()).contains(caseNumber(newCase));
        visit.put("reopen", false);
        visit.remove("reopenReason");
        assertThat(post("worker.a", "/api/tasks/" + taskId + "/complete", visit).status()).isEqualTo(204);
        assertThat(get("chair.a", "/api/cases/" + caseId).body().get("status").asText()).isEqualTo("CLOSED");
    }

    /** A case whose review proposed closing: the chair's closure approval is open. */
    private String closable() {
        return closable(report(COMMUNE_A));
    }

    private String closable(Map<String, Object> report) {
        Reply opened = post("intake", "/api/reports", report);
        assertThat(opened.status()).isEqualTo(201);
        String caseId = opened.body().get("caseId").asText();
        complete("worker.a", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "LOW", "immediateDanger", false,
                "crimeSuspected", false, "summary", "Nguy cơ thấp."));
        complete("worker.a", caseId, "RISK_NEEDS_ASSESSMENT", Map.of("riskLevel", "LOW", "needs", "Tư vấn"));
        complete("worker.a", caseId, "CASE_MEETING", Map.of("heldOn", todayInVietnam().toString(),
                "participants", "Chủ tịch xã, gia đình", "minutes", "Thống nhất kế hoạch"));
        complete("worker.a", caseId, "PLAN_DRAFT", Map.of("goals", "Trẻ an toàn", "activities", "Tư vấn hằng tuần"));
        complete("chair.a", caseId, "PLAN_APPROVAL", Map.of("approved", true));
        fireTimer(caseNumber(caseId), ProcessIds.CASE_PROCESS, ProcessIds.TIMER_REVIEW_DUE);
        complete("worker.a", caseId, "PLAN_REVIEW", Map.of("remainingHarm", "LOW", "abuserAccess", "LOW",
                "careSettingObstacles", "LOW", "selfProtection", "LOW", "recommendation", "CLOSE",
                "summary", "Trẻ ổn định"));
        return caseId;
    }

    private static Map<String, Object> closure(boolean approved, String followUpOn, String followUpBy) {
        Map<String, Object> form = new HashMap<>();
        form.put("approved", approved);
        if (followUpOn != null) {
            form.put("followUpOn", followUpOn);
        }
        if (followUpBy != null) {
            form.put("followUpBy", followUpBy);
        }
        return form;
    }

    private void visitDayComes(String caseNumber) {
        fireTimer(caseNumber, ProcessIds.FOLLOW_UP_PROCESS, ProcessIds.TIMER_FOLLOW_UP_DUE);
    }

    /** Runs a timer's job now, as the job executor would when it falls due. */
    private void fireTimer(String caseNumber, String process, String timerId) {
        String processId = jdbc.sql("""
                        select ID_ from ACT_RU_EXECUTION
                        where BUSINESS_KEY_ = ? and PARENT_ID_ is null and PROC_DEF_ID_ like ?""")
                .params(caseNumber, process + ":%").query(String.class).single();
        management.executeJob(management.createJobQuery().processInstanceId(processId).activityId(timerId)
                .singleResult().getId());
    }

    private String caseNumber(String caseId) {
        return get("chair.a", "/api/cases/" + caseId).body().get("caseNumber").asText();
    }

    private List<String> openTasks(String caseId) {
        return jdbc.sql("select task_type from task_inbox where case_id = ? order by task_type")
                .param(java.util.UUID.fromString(caseId)).query(String.class).list();
    }

    private static List<String> fieldsOf(Reply reply) {
        assertThat(reply.status()).as("refused: %s", reply.body()).isEqualTo(400);
        return reply.body().get("errors").findValuesAsText("field");
    }

    private com.fasterxml.jackson.databind.JsonNode inboxTask(String user, String caseId, String type) {
        for (var task : get(user, "/api/tasks?size=200").body()) {
            if (task.get("caseId").asText().equals(caseId) && task.get("type").asText().equals(type)) {
                return task;
            }
        }
        return null;
    }
}
