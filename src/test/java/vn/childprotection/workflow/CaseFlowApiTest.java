package vn.childprotection.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;

import vn.childprotection.ApiTestBase;

/** Whole cases through the API, as the commune's staff work them, on the real database. */
class CaseFlowApiTest extends ApiTestBase {

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Value("${child-protection.node-id}")
    String nodeId;

    @Test
    void sexualAbuseByAStepfatherInImmediateDangerReachesTheChairAndThePoliceOfTheCommuneOnly() {
        OffsetDateTime receivedAt = OffsetDateTime.now(ZoneOffset.ofHours(7)).minusHours(3).withNano(0);
        Map<String, Object> report = report(COMMUNE_A);
        report.put("receivedAt", receivedAt.toString());
        report.put("harmTypes", List.of("SEXUAL_ABUSE"));
        report.put("immediateDanger", true);
        report.put("allegedAbuser", Map.of("relationship", "STEP_PARENT"));
        String caseId = post("intake", "/api/reports", report).body().get("caseId").asText();

        assertThat(inboxTask("police.a", caseId, "POLICE_ACKNOWLEDGE")).as("police at once, before any assessment")
                .isNotNull();
        var assessment = inboxTask("worker.a", caseId, "INITIAL_ASSESSMENT");
        assertThat(OffsetDateTime.parse(assessment.get("dueAt").asText()).toInstant())
                .as("2 hours for a report of immediate danger").isEqualTo(receivedAt.plusHours(2).toInstant());
        assertThat(assessment.get("priority").asInt()).isEqualTo(ProcessIds.PRIORITY_IMMEDIATE_DANGER);

        complete("worker.a", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "HIGH", "immediateDanger", true,
                "crimeSuspected", true, "summary", "Trẻ bị cha dượng xâm hại, đang ở cùng nhà."));

        var action = inboxTask("worker.a", caseId, "EMERGENCY_ACTION");
        assertThat(action).as("the worker acts at once").isNotNull();
        assertThat(OffsetDateTime.parse(action.get("dueAt").asText()).toInstant())
                .isEqualTo(receivedAt.plusHours(12).toInstant());
        var decision = inboxTask("chair.a", caseId, "EMERGENCY_DECISION");
        assertThat(decision).as("chair's emergency decision").isNotNull();
        assertThat(OffsetDateTime.parse(decision.get("dueAt").asText()).toInstant())
                .isEqualTo(receivedAt.plusHours(12).toInstant());
        assertThat(decision.get("priority").asInt()).isEqualTo(90);
        assertThat(get("police.a", "/api/tasks?size=200").body().findValuesAsText("caseId").stream()
                .filter(caseId::equals)).as("one referral, not a second from the triage").hasSize(1);
        assertThat(inboxTask("worker.c", caseId, "EMERGENCY_DECISION")).isNull();
        assertThat(inboxTask("worker.c", caseId, "POLICE_ACKNOWLEDGE")).isNull();
        assertThat(get("worker.c", "/api/cases/" + caseId).status()).isEqualTo(404);
        assertThat(get("supervisor.q", "/api/cases/" + caseId + "/timeline").status()).isEqualTo(404);
    }

    @Test
    void aCaseWorkedFromReportToClosureLeavesItsWholeStoryOnTheTimeline() {
        String caseId = openCase(COMMUNE_A);
        complete("worker.a", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "HIGH", "immediateDanger", true,
                "crimeSuspected", true, "summary", "Nguy cơ cao."));
        complete("chair.a", caseId, "EMERGENCY_DECISION", Map.of("measures", "Đưa trẻ đến nhà bà ngoại",
                "separation", true, "placement", "Nhà bà ngoại, thôn 3"));
        complete("worker.a", caseId, "EMERGENCY_ACTION", Map.of("actionsTaken", "Đã đưa trẻ đi khám và đến nơi an toàn",
                "policeTookPart", true, "healthFacilityTookPart", true, "evidenceKept", "Giấy khám thương tích",
                "childSafe", true));
        complete("police.a", caseId, "POLICE_ACKNOWLEDGE", Map.of("agency", "Cơ quan CSĐT Công an TP Hà Nội",
                "forwardedAt", java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).withNano(0).toString(),
                "recordNumber", "CA-123/2026", "officer", "Đại úy Lê Văn Cường"));
        complete("police.a", caseId, "POLICE_OUTCOME", Map.of("outcome", "CASE_OPENED", "detail", "Khởi tố vụ án"));
        complete("worker.a", caseId, "RISK_NEEDS_ASSESSMENT", Map.of("riskLevel", "HIGH", "needs", "Tâm lý, y tế"));
        complete("worker.a", caseId, "CASE_MEETING", Map.of("heldOn", todayInVietnam().toString(),
                "participants", "Chủ tịch xã, công an xã, trạm y tế, bà ngoại", "minutes", "Thống nhất kế hoạch"));
        complete("worker.a", caseId, "PLAN_DRAFT", Map.of("goals", "Trẻ an toàn", "activities", "Tư vấn tâm lý hằng tuần"));
        Reply refusedWithoutReason = completeReply("chair.a", caseId, "PLAN_APPROVAL", Map.of("approved", false));
        assertThat(refusedWithoutReason.status()).isEqualTo(400);
        assertThat(refusedWithoutReason.body().get("errors").findValuesAsText("field")).containsExactly("reason");
        complete("chair.a", caseId, "PLAN_APPROVAL", Map.of("approved", false, "reason", "Thiếu hỗ trợ pháp lý"));
        complete("worker.a", caseId, "PLAN_DRAFT", Map.of("goals", "Trẻ an toàn", "activities", "Tư vấn; trợ giúp pháp lý"));
        complete("chair.a", caseId, "PLAN_APPROVAL", Map.of("approved", true));

        reviewIsDue(caseId);
        Reply closeWithHighRisk = completeReply("worker.a", caseId, "PLAN_REVIEW", review("CLOSE", "HIGH"));
        assertThat(closeWithHighRisk.status()).isEqualTo(400);
        assertThat(closeWithHighRisk.body().get("errors").findValuesAsText("field")).containsExactly("recommendation");
        complete("worker.a", caseId, "PLAN_REVIEW", review("CLOSE", "LOW"));
        Reply whileSeparated = completeReply("chair.a", caseId, "CLOSURE_APPROVAL", Map.of("approved", true));
        assertThat(whileSeparated.status()).as("not while the child is separated").isEqualTo(400);
        assertThat(whileSeparated.body().get("errors").findValuesAsText("field")).containsExactly("approved");
        Reply shorter = completeReply("chair.a", caseId, "SEPARATION_REVIEW", Map.of("decision", "EXTENDED",
                "decisionNumber", "12/QĐ-UBND", "extendedUntil", java.time.LocalDate.now().plusDays(2).toString(),
                "reason", "Gia hạn"));
        assertThat(shorter.status()).as("an extension cannot shorten the separation").isEqualTo(400);
        assertThat(shorter.body().get("errors").findValuesAsText("field")).containsExactly("extendedUntil");
        assertThat(post("chair.a", "/api/tasks/" + taskOf(caseId, "SEPARATION_REVIEW") + "/complete",
                Map.of("decision", "RETURNED_HOME")).status()).isEqualTo(204);
        assertThat(post("chair.a", "/api/tasks/" + taskOf(caseId, "CLOSURE_APPROVAL") + "/complete",
                Map.of("approved", true)).status()).isEqualTo(204);

        Reply caseFile = get("supervisor.p", "/api/cases/" + caseId);
        assertThat(caseFile.body().get("status").asText()).isEqualTo("CLOSED");
        assertThat(caseFile.body().get("forms").findValuesAsText("type")).contains("EMERGENCY_DECISION",
                "EMERGENCY_ACTION", "RISK_NEEDS_ASSESSMENT", "CASE_MEETING", "PLAN_DRAFT", "PLAN_APPROVAL",
                "PLAN_REVIEW", "CLOSURE_APPROVAL");
        assertThat(caseFile.body().get("police").findValuesAsText("kind")).containsExactly("ACKNOWLEDGED", "OUTCOME");
        assertThat(caseFile.body().get("police").findValuesAsText("agency")).contains("Cơ quan CSĐT Công an TP Hà Nội");
        assertThat(caseFile.body().get("police").findValuesAsText("outcome")).contains("CASE_OPENED");

        Reply timeline = get("supervisor.p", "/api/cases/" + caseId + "/timeline");
        assertThat(timeline.status()).isEqualTo(200);
        List<String> types = timeline.body().findValuesAsText("type");
        assertThat(types).startsWith("REPORT_RECEIVED", "INITIAL_ASSESSMENT").contains("EMERGENCY_DECISION",
                "POLICE_ACKNOWLEDGE", "POLICE_OUTCOME", "PLAN_DRAFT", "PLAN_APPROVAL", "PLAN_REVIEW",
                "CLOSURE_APPROVAL").endsWith("CASE_CLOSED");
        assertThat(timeline.body().findValuesAsText("title"))
                .contains("Tiếp nhận tin báo (Tổng đài 111)", "Ghi nhận kết quả giải quyết của cơ quan điều tra")
                .noneMatch(title -> title.contains("null") || title.contains("HOTLINE_111"));
        for (var entry : timeline.body()) {
            assertThat(entry.get("title").asText()).as("title of %s", entry.get("type")).isNotBlank();
            if (!entry.get("dueAt").isNull()) {
                assertThat(entry.get("doneAt").isNull()).as("%s done", entry.get("type")).isFalse();
                assertThat(entry.get("overdue").asBoolean()).as("%s on time", entry.get("type")).isFalse();
            }
        }
        assertThat(timeline.body().findValuesAsText("type").stream().filter("PLAN_DRAFT"::equals)).hasSize(2);
        assertThat(types).contains("POLICE_REFERRAL", "SEPARATION_REVIEW", "SEPARATION_ENDED");

        // the investigation goes on after the commune closes its file: a later outcome is still recorded
        assertThat(post("police.a", "/api/cases/" + caseId + "/police-outcome",
                Map.of("outcome", "PROSECUTED", "detail", "Viện kiểm sát truy tố")).status()).isEqualTo(204);
        var police = get("supervisor.p", "/api/cases/" + caseId).body().get("police");
        assertThat(police.findValuesAsText("kind")).containsExactly("ACKNOWLEDGED", "OUTCOME", "OUTCOME");
        assertThat(police.findValuesAsText("outcome")).endsWith("CASE_OPENED", "PROSECUTED");
    }

    /** Mẫu 06: the four criteria, the last one rated as given. */
    private static Map<String, Object> review(String recommendation, String selfProtection) {
        return Map.of("remainingHarm", "LOW", "abuserAccess", "LOW", "careSettingObstacles", "MEDIUM",
                "selfProtection", selfProtection, "recommendation", recommendation, "summary", "Trẻ ổn định");
    }

    @Test
    void theChairCannotCloseACaseWhosePoliceReferralIsNotYetAcknowledged() {
        String caseId = openCase(COMMUNE_A);
        complete("worker.a", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "LOW", "immediateDanger", false,
                "crimeSuspected", false, "summary", "Ổn định"));
        Reply referred = post("worker.a", "/api/cases/" + caseId + "/police-referrals", null);
        assertThat(referred.status()).as("a worker refers the case at a later step").isEqualTo(201);
        assertThat(inboxTask("police.a", caseId, "POLICE_ACKNOWLEDGE")).isNotNull();
        assertThat(post("police.a", "/api/cases/" + caseId + "/police-referrals", null).status()).isEqualTo(403);
        complete("worker.a", caseId, "RISK_NEEDS_ASSESSMENT", Map.of("riskLevel", "LOW", "needs", "Tư vấn"));
        complete("worker.a", caseId, "CASE_MEETING", Map.of("heldOn", todayInVietnam().toString(),
                "participants", "Chủ tịch xã, gia đình", "minutes", "Thống nhất"));
        complete("worker.a", caseId, "PLAN_DRAFT", Map.of("goals", "Trẻ an toàn", "activities", "Tư vấn"));
        complete("chair.a", caseId, "PLAN_APPROVAL", Map.of("approved", true));
        reviewIsDue(caseId);
        complete("worker.a", caseId, "PLAN_REVIEW", review("CLOSE", "LOW"));

        Reply refused = completeReply("chair.a", caseId, "CLOSURE_APPROVAL", Map.of("approved", true));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").findValuesAsText("field")).containsExactly("approved");
        assertThat(get("chair.a", "/api/cases/" + caseId).body().get("status").asText()).isEqualTo("OPEN");
        complete("chair.a", caseId, "CLOSURE_APPROVAL", Map.of("approved", false, "reason", "Chờ công an"));
        assertThat(inboxTask("worker.a", caseId, "PLAN_DRAFT")).as("a refused closure goes back to a new plan").isNotNull();
    }

    @Test
    void immediateDangerInAFurtherReportDuringThePlanStartsEmergencyAndPoliceFromThatReport() {
        String nationalId = String.format("%012d", Math.abs(System.nanoTime()) % 1_000_000_000_000L);
        Map<String, Object> first = report(COMMUNE_A);
        first.put("child", Map.of("fullName", newChildName(), "sex", "FEMALE", "nationalId", nationalId));
        String caseId = post("intake", "/api/reports", first).body().get("caseId").asText();
        complete("worker.a", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "LOW", "immediateDanger", false,
                "crimeSuspected", false, "summary", "Ổn định"));
        complete("worker.a", caseId, "RISK_NEEDS_ASSESSMENT", Map.of("riskLevel", "LOW", "needs", "Tư vấn"));
        complete("worker.a", caseId, "CASE_MEETING", Map.of("heldOn", todayInVietnam().toString(),
                "participants", "Chủ tịch xã, gia đình", "minutes", "Thống nhất"));
        complete("worker.a", caseId, "PLAN_DRAFT", Map.of("goals", "Trẻ an toàn", "activities", "Tư vấn"));
        complete("chair.a", caseId, "PLAN_APPROVAL", Map.of("approved", true));

        OffsetDateTime secondReceivedAt = OffsetDateTime.now(ZoneOffset.ofHours(7)).minusMinutes(40).withNano(0);
        Map<String, Object> second = report(COMMUNE_A);
        second.put("receivedAt", secondReceivedAt.toString());
        second.put("immediateDanger", true);
        second.put("child", Map.of("sex", "FEMALE", "nationalId", nationalId));
        assertThat(post("intake", "/api/reports", second).body().get("joinedExistingCase").asBoolean()).isTrue();
        var reassessment = inboxTask("worker.a", caseId, "INITIAL_ASSESSMENT");
        assertThat(OffsetDateTime.parse(reassessment.get("dueAt").asText()).toInstant())
                .isEqualTo(secondReceivedAt.plusHours(2).toInstant());
        complete("worker.a", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "HIGH", "immediateDanger", true,
                "crimeSuspected", true, "summary", "Trẻ lại bị đánh, đang gặp nguy hiểm"));

        var decision = inboxTask("chair.a", caseId, "EMERGENCY_DECISION");
        var action = inboxTask("worker.a", caseId, "EMERGENCY_ACTION");
        assertThat(OffsetDateTime.parse(decision.get("dueAt").asText()).toInstant())
                .isEqualTo(secondReceivedAt.plusHours(12).toInstant());
        assertThat(OffsetDateTime.parse(action.get("dueAt").asText()).toInstant())
                .isEqualTo(secondReceivedAt.plusHours(12).toInstant());
        assertThat(inboxTask("police.a", caseId, "POLICE_ACKNOWLEDGE")).as("police referral open").isNotNull();
    }

    @Test
    void twoChildrenWithTheSameNameAndBirthDateInTwoProvincesHaveTwoCases() {
        String name = newChildName();
        Map<String, Object> first = report(COMMUNE_A);
        first.put("child", Map.of("fullName", name, "sex", "MALE", "birthDate", "2016-06-01"));
        Map<String, Object> second = report(COMMUNE_C);
        second.put("child", Map.of("fullName", name, "sex", "MALE", "birthDate", "2016-06-01"));

        Reply a = post("intake", "/api/reports", first);
        Reply c = post("intake", "/api/reports", second);

        assertThat(c.body().get("caseId").asText()).isNotEqualTo(a.body().get("caseId").asText());
        assertThat(c.body().get("joinedExistingCase").asBoolean()).isFalse();
        assertThat(get("worker.c", "/api/cases/" + c.body().get("caseId").asText()).body().get("reports")).hasSize(1);
        assertThat(get("worker.a", "/api/cases/" + a.body().get("caseId").asText()).body().get("reports")).hasSize(1);
    }

    @Test
    void theSameNationalIdJoinsTheChildsOpenCaseInAnotherCommune() {
        String nationalId = String.format("%012d", Math.abs(System.nanoTime() + 7) % 1_000_000_000_000L);
        Map<String, Object> first = report(COMMUNE_A);
        first.put("child", Map.of("sex", "MALE", "nationalId", nationalId));
        String caseId = post("intake", "/api/reports", first).body().get("caseId").asText();
        Map<String, Object> second = report(COMMUNE_C);
        second.put("child", Map.of("sex", "MALE", "nationalId", nationalId));

        Reply joined = post("intake", "/api/reports", second);

        assertThat(joined.body().get("caseId").asText()).isEqualTo(caseId);
        assertThat(get("worker.a", "/api/tasks?size=200").body().findValuesAsText("caseId").stream().filter(caseId::equals))
                .as("the fresh assessment in the commune holding the case").hasSize(2);
    }

    @Test
    void policeDeadlinesGoToTheProvincePoliceSupervisorAndPoliceWorkStaysWhenTheChildMoves() {
        String caseId = openCase(COMMUNE_A);
        complete("worker.a", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "MEDIUM", "immediateDanger", false,
                "crimeSuspected", true, "summary", "Nghi có dấu hiệu tội phạm."));
        String policeProcess = jdbc.sql("""
                        select e.ID_ from ACT_RU_EXECUTION e join case_file c on c.case_number = e.BUSINESS_KEY_
                        where c.id = ? and e.PARENT_ID_ is null and e.PROC_DEF_ID_ like 'PoliceReferral:%'""")
                .param(java.util.UUID.fromString(caseId)).query(String.class).single();

        management.executeJob(management.createJobQuery().processInstanceId(policeProcess)
                .activityId(ProcessIds.overdueTimerOf(ProcessIds.TASK_POLICE_ACKNOWLEDGE)).singleResult().getId());

        var policeEscalation = inboxTask("police.supervisor.p", caseId, "ESCALATION");
        assertThat(policeEscalation).isNotNull();
        assertThat(inboxTask("chair.a", caseId, "ESCALATION")).isNull();
        // the Department of Health supervisor sees it on the dashboard, read only
        assertThat(post("supervisor.p", "/api/tasks/" + policeEscalation.get("taskId").asText() + "/claim", null).status())
                .isEqualTo(404);
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setBasicAuth("supervisor.p", PASSWORD);
        String dashboard = http.exchange("/oversight", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), String.class).getBody();
        assertThat(dashboard).contains("/cases/" + caseId)
                .doesNotContain("/tasks/" + policeEscalation.get("taskId").asText());
        assertThat(post("supervisor.p", "/api/cases/" + caseId + "/transfer", Map.of("communeCode", COMMUNE_B)).status())
                .isEqualTo(204);
        assertThat(inboxTask("police.a", caseId, "POLICE_ACKNOWLEDGE")).as("stays with the police of the place").isNotNull();
        assertThat(get("police.a", "/api/cases/" + caseId).status()).isEqualTo(200);
        assertThat(inboxTask("worker.b", caseId, "RISK_NEEDS_ASSESSMENT")).isNotNull();
    }

    @Test
    void policeOutcomeSentStraightToTheCaseEndsTheReferralBeforeAcknowledgement() {
        String caseId = openCase(COMMUNE_A);
        complete("worker.a", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "MEDIUM", "immediateDanger", false,
                "crimeSuspected", true, "summary", "Nghi có dấu hiệu tội phạm."));
        assertThat(inboxTask("police.a", caseId, "POLICE_ACKNOWLEDGE")).isNotNull();

        assertThat(post("worker.a", "/api/cases/" + caseId + "/police-outcome",
                Map.of("outcome", "NOT_OPENED")).status()).as("only the police").isEqualTo(403);
        assertThat(post("police.a", "/api/cases/" + caseId + "/police-outcome",
                Map.of("outcome", "MAYBE")).status()).isEqualTo(400);
        Reply outcome = post("police.a", "/api/cases/" + caseId + "/police-outcome",
                Map.of("outcome", "NOT_OPENED", "detail", "Không đủ căn cứ khởi tố"));

        assertThat(outcome.status()).isEqualTo(204);
        assertThat(inboxTask("police.a", caseId, "POLICE_ACKNOWLEDGE")).isNull();
        Reply caseFile = get("worker.a", "/api/cases/" + caseId);
        assertThat(caseFile.body().get("police").findValuesAsText("outcome")).containsExactly("NOT_OPENED");
        assertThat(get("worker.a", "/api/cases/" + caseId + "/timeline").body().findValuesAsText("type"))
                .contains("POLICE_OUTCOME");

        long stored = count("police_record");
        Reply extended = post("police.a", "/api/cases/" + caseId + "/police-outcome",
                Map.of("outcome", "EXTENDED", "decisionReference", "QĐ 12"));
        assertThat(extended.status()).as("an ended investigation is not extended").isEqualTo(400);
        Reply again = post("police.a", "/api/cases/" + caseId + "/police-outcome",
                Map.of("outcome", "REOPENED", "detail", "Phục hồi giải quyết"));
        assertThat(again.status()).as("a later outcome of the same referral is appended").isEqualTo(204);
        assertThat(count("police_record")).isEqualTo(stored + 1);
        assertThat(get("worker.a", "/api/cases/" + caseId).body().get("police").findValuesAsText("outcome"))
                .containsExactly("NOT_OPENED", "REOPENED");
    }

    @Test
    void aSecondReportAboutTheSameChildJoinsTheOpenCaseAndCallsForAFreshAssessment() {
        String nationalId = String.format("%012d", Math.abs(System.nanoTime()) % 1_000_000_000_000L);
        Map<String, Object> first = report(COMMUNE_A);
        first.put("child", Map.of("fullName", newChildName(), "sex", "MALE", "nationalId", nationalId));
        String caseId = post("intake", "/api/reports", first).body().get("caseId").asText();
        long cases = count("case_file");

        OffsetDateTime secondReceivedAt = OffsetDateTime.now(ZoneOffset.ofHours(7)).minusMinutes(30).withNano(0);
        Map<String, Object> second = report(COMMUNE_A);
        second.put("channel", "SCHOOL");
        second.put("receivedAt", secondReceivedAt.toString());
        second.put("child", Map.of("sex", "MALE", "nationalId", nationalId));
        Reply joined = post("intake", "/api/reports", second);

        assertThat(joined.status()).isEqualTo(201);
        assertThat(joined.body().get("caseId").asText()).isEqualTo(caseId);
        assertThat(joined.body().get("joinedExistingCase").asBoolean()).isTrue();
        assertThat(count("case_file")).isEqualTo(cases);
        List<String> dueDates = new java.util.ArrayList<>();
        for (var task : get("worker.a", "/api/tasks?size=200").body()) {
            if (task.get("caseId").asText().equals(caseId)) {
                assertThat(task.get("type").asText()).isEqualTo("INITIAL_ASSESSMENT");
                dueDates.add(task.get("dueAt").asText());
            }
        }
        assertThat(dueDates).as("the first assessment and a fresh one").hasSize(2);
        assertThat(dueDates.stream().map(d -> OffsetDateTime.parse(d).toInstant()))
                .contains(secondReceivedAt.plusHours(6).toInstant());
        Reply caseFile = get("worker.a", "/api/cases/" + caseId);
        assertThat(caseFile.body().get("reports").findValuesAsText("channel")).containsExactly("HOTLINE_111", "SCHOOL");
    }

    @Test
    void sameNameAndBirthDateAlsoFindTheOpenCase() {
        String name = newChildName();
        Map<String, Object> first = report(COMMUNE_B);
        first.put("child", Map.of("fullName", name, "sex", "FEMALE", "birthDate", "2015-03-08"));
        String caseId = post("intake", "/api/reports", first).body().get("caseId").asText();

        Map<String, Object> second = report(COMMUNE_B);
        second.put("child", Map.of("fullName", "  " + name.toUpperCase() + " ", "sex", "FEMALE", "birthDate", "2015-03-08"));
        Reply joined = post("worker.b", "/api/reports", second);

        assertThat(joined.body().get("caseId").asText()).isEqualTo(caseId);
        Map<String, Object> other = report(COMMUNE_B);
        other.put("child", Map.of("fullName", name, "sex", "FEMALE", "birthDate", "2015-03-09"));
        assertThat(post("worker.b", "/api/reports", other).body().get("caseId").asText()).isNotEqualTo(caseId);
    }

    @Test
    void supervisorMovesTheCaseAndItsOpenTasksFollowTheChild() {
        String caseId = openCase(COMMUNE_A);
        String taskId = taskOf(caseId, "INITIAL_ASSESSMENT");
        post("worker.a", "/api/tasks/" + taskId + "/claim", null);

        assertThat(post("worker.a", "/api/cases/" + caseId + "/transfer", Map.of("communeCode", COMMUNE_B)).status())
                .isEqualTo(403);
        assertThat(post("supervisor.p", "/api/cases/" + caseId + "/transfer", Map.of("communeCode", "99999")).status())
                .isEqualTo(400);
        assertThat(post("supervisor.q", "/api/cases/" + caseId + "/transfer", Map.of("communeCode", COMMUNE_C)).status())
                .as("another province's supervisor does not see it").isEqualTo(404);

        Reply moved = post("supervisor.p", "/api/cases/" + caseId + "/transfer",
                Map.of("communeCode", COMMUNE_B, "reason", "Gia đình chuyển nhà"));

        assertThat(moved.status()).isEqualTo(204);
        assertThat(get("worker.a", "/api/cases/" + caseId).status()).isEqualTo(404);
        assertThat(get("worker.b", "/api/cases/" + caseId).status()).isEqualTo(200);
        var task = inboxTask("worker.b", caseId, "INITIAL_ASSESSMENT");
        assertThat(task).as("the task follows the case").isNotNull();
        assertThat(task.get("assignee").isNull()).isTrue();
        assertThat(inboxTask("worker.a", caseId, "INITIAL_ASSESSMENT")).isNull();
        assertThat(jdbc.sql("select count(*) from ACT_RU_IDENTITYLINK where TASK_ID_ = ? and GROUP_ID_ = ?")
                .params(taskId, "worker-" + COMMUNE_B).query(Long.class).single()).isEqualTo(1);
        assertThat(get("worker.b", "/api/cases/" + caseId + "/timeline").body().findValuesAsText("type"))
                .contains("TRANSFERRED");

        // to another province: its supervisor accepts first, the case stays until then
        Reply requested = post("supervisor.p", "/api/cases/" + caseId + "/transfer", Map.of("communeCode", COMMUNE_C));
        assertThat(requested.status()).isEqualTo(202);
        assertThat(requested.body().get("pendingAcceptance").asBoolean()).isTrue();
        assertThat(get("supervisor.p", "/api/cases/" + caseId).status()).isEqualTo(200);
        assertThat(get("worker.c", "/api/cases/" + caseId).status()).isEqualTo(404);
        assertThat(inboxTask("worker.b", caseId, "INITIAL_ASSESSMENT")).as("the work stays meanwhile").isNotNull();
        assertThat(post("supervisor.p", "/api/cases/" + caseId + "/transfer", Map.of("communeCode", COMMUNE_C)).status())
                .as("one request at a time").isEqualTo(409);
        assertThat(get("supervisor.q", "/api/cases/" + caseId).status()).as("what they are asked to accept").isEqualTo(200);
        assertThat(post("supervisor.q", "/api/cases/" + caseId + "/transfer", Map.of("communeCode", COMMUNE_A)).status())
                .as("reading it is not acting on it").isEqualTo(404);
        assertThat(get("supervisor.q", "/api/cases/" + caseId + "/access-log").status()).isEqualTo(404);
        assertThat(post("supervisor.q", "/api/cases/" + caseId + "/police-referrals", null).status()).isEqualTo(404);
        complete("supervisor.q", caseId, "TRANSFER_ACCEPTANCE", Map.of("accepted", true));
        assertThat(get("supervisor.p", "/api/cases/" + caseId).status()).isEqualTo(404);
        assertThat(get("supervisor.q", "/api/cases/" + caseId).status()).isEqualTo(200);
        assertThat(get("supervisor.q", "/api/cases/" + caseId + "/timeline").body().findValuesAsText("type"))
                .contains("TRANSFER_REQUESTED", "TRANSFERRED");
        complete("worker.c", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "LOW", "immediateDanger", false,
                "crimeSuspected", false, "summary", "Ổn định"));
        assertThat(inboxTask("worker.c", caseId, "RISK_NEEDS_ASSESSMENT")).as("later tasks go to the new commune").isNotNull();
    }

    @Test
    void aWorkerWhoseChildIsNotYetSafeKeepsTheReopenedActionAndIsToldTheChairAndSupervisorKnow() {
        String caseId = openCase(COMMUNE_A);
        complete("worker.a", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "HIGH", "immediateDanger", false,
                "crimeSuspected", false, "summary", "Nguy hiểm cao"));
        String first = taskOf(caseId, "EMERGENCY_ACTION");
        assertThat(post("worker.a", "/api/tasks/" + first + "/claim", null).status()).isEqualTo(200);
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setBasicAuth("worker.a", PASSWORD);
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED);
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("actionsTaken", "Đến nhà, người cha không cho gặp trẻ");
        form.add("policeTookPart", "true");
        form.add("healthFacilityTookPart", "false");
        form.add("childSafe", "false");

        var answer = http.withRedirects(org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
                .exchange("/tasks/" + first, HttpMethod.POST, new org.springframework.http.HttpEntity<>(form, headers),
                        String.class);

        String again = taskOf(caseId, "EMERGENCY_ACTION");
        assertThat(again).isNotEqualTo(first);
        assertThat(answer.getStatusCode().value()).isEqualTo(302);
        assertThat(answer.getHeaders().getLocation().toString()).endsWith("/tasks/" + again);
        assertThat(inboxTask("worker.a", caseId, "EMERGENCY_ACTION").get("assignee").asText()).isEqualTo("worker.a");
        assertThat(inboxTask("chair.a", caseId, "ESCALATION")).as("the chair told at once").isNotNull();
    }

    @Test
    void theReceivingProvinceMayRefuseACaseWhichThenStaysWhereItIs() {
        String caseId = openCase(COMMUNE_A);

        assertThat(post("supervisor.p", "/api/cases/" + caseId + "/transfer", Map.of("communeCode", COMMUNE_C)).status())
                .isEqualTo(202);
        Reply noReason = completeReply("supervisor.q", caseId, "TRANSFER_ACCEPTANCE", Map.of("accepted", false));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(post("supervisor.q", "/api/tasks/" + taskOf(caseId, "TRANSFER_ACCEPTANCE") + "/complete",
                Map.of("accepted", false, "reason", "Gia đình chưa chuyển đến")).status()).isEqualTo(204);

        assertThat(get("supervisor.q", "/api/cases/" + caseId).status()).isEqualTo(404);
        assertThat(get("worker.a", "/api/cases/" + caseId).status()).isEqualTo(200);
        assertThat(get("worker.a", "/api/cases/" + caseId + "/timeline").body().findValuesAsText("type"))
                .contains("TRANSFER_REFUSED");
    }

    @Test
    void aMissedDeadlineReachesTheSupervisorAndTheTimelineWhileTheWorkStaysOpen() {
        String caseId = openCase(COMMUNE_A);
        String caseNumber = get("worker.a", "/api/cases/" + caseId).body().get("caseNumber").asText();

        fireTimer(caseNumber, ProcessIds.overdueTimerOf(ProcessIds.TASK_INITIAL_ASSESSMENT));

        assertThat(inboxTask("chair.a", caseId, "ESCALATION")).as("the commune chair first").isNotNull();
        assertThat(inboxTask("supervisor.p", caseId, "ESCALATION")).isNull();
        String escalationProcess = jdbc.sql("""
                        select ID_ from ACT_RU_EXECUTION
                        where BUSINESS_KEY_ = ? and PARENT_ID_ is null and PROC_DEF_ID_ like 'DeadlineEscalation:%'""")
                .param(caseNumber).query(String.class).single();
        management.executeJob(management.createJobQuery().processInstanceId(escalationProcess)
                .activityId(ProcessIds.TIMER_SECOND_LEVEL).singleResult().getId());
        var escalation = inboxTask("supervisor.p", caseId, "ESCALATION");
        assertThat(escalation).as("then the supervisor of the province").isNotNull();
        assertThat(inboxTask("supervisor.q", caseId, "ESCALATION")).isNull();
        assertThat(inboxTask("worker.a", caseId, "INITIAL_ASSESSMENT")).as("the work stays open").isNotNull();
        var timeline = get("worker.a", "/api/cases/" + caseId + "/timeline").body();
        var missed = java.util.stream.StreamSupport.stream(timeline.spliterator(), false)
                .filter(e -> e.get("type").asText().equals("ESCALATION")).findFirst().orElseThrow();
        assertThat(missed.get("title").asText()).contains("Đánh giá ban đầu");

        String taskId = escalation.get("taskId").asText();
        assertThat(post("supervisor.p", "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(200);
        assertThat(post("supervisor.p", "/api/tasks/" + taskId + "/complete", Map.of("note", "Đã gọi điện nhắc cán bộ xã"))
                .status()).isEqualTo(204);
        assertThat(get("supervisor.p", "/api/cases/" + caseId).body().get("notes").findValuesAsText("text"))
                .containsExactly("Đã gọi điện nhắc cán bộ xã");
    }

    @Test
    void theEngineJobLogNamesTheNodeThatFiredADeadline() {
        String caseId = openCase(COMMUNE_A);
        String caseNumber = get("worker.a", "/api/cases/" + caseId).body().get("caseNumber").asText();

        String job = fireTimer(caseNumber, ProcessIds.overdueTimerOf(ProcessIds.TASK_INITIAL_ASSESSMENT));

        List<HistoricJobLog> log = history.createHistoricJobLogQuery().jobId(job).list();
        assertThat(log).as("the deadline's job log: created when the case opened, then fired")
                .anyMatch(HistoricJobLog::isCreationLog)
                .anyMatch(HistoricJobLog::isSuccessLog);
        assertThat(log).filteredOn(HistoricJobLog::isSuccessLog).extracting(HistoricJobLog::getHostname)
                .as("fired by this node, under its name").containsExactly(nodeId);
    }

    /** Runs a timer's job now, as the job executor would when it falls due; its id. */
    private String fireTimer(String caseNumber, String timerId) {
        String processId = jdbc.sql("""
                        select ID_ from ACT_RU_EXECUTION
                        where BUSINESS_KEY_ = ? and PARENT_ID_ is null and PROC_DEF_ID_ like 'ChildProtectionCase:%'""")
                .param(caseNumber).query(String.class).single();
        String job = management.createJobQuery().processInstanceId(processId).activityId(timerId)
                .singleResult().getId();
        management.executeJob(job);
        return job;
    }

    private void reviewIsDue(String caseId) {
        fireTimer(get("worker.a", "/api/cases/" + caseId).body().get("caseNumber").asText(), ProcessIds.TIMER_REVIEW_DUE);
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
