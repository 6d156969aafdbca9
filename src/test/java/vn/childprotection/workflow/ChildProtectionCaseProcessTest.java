package vn.childprotection.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The case and police models with the triage table, on a standalone engine, with the deadlines and
 * holidays configured for the application. Every path, every timer, every escalation.
 */
@Deployment(resources = {"processes/child-protection-case.bpmn", "processes/police-referral.bpmn",
        "processes/danger-triage.dmn"})
class ChildProtectionCaseProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    /** Received Monday 23 November 2026, 08:00 Hanoi time; entered an hour later. */
    private static final Instant RECEIVED_AT = Instant.parse("2026-11-23T01:00:00Z");
    private static final Instant TWELVE_HOURS_LATER = RECEIVED_AT.plus(Duration.ofHours(12));
    private static final String CASE_NUMBER = "CP-2026-000001";

    /** What the process told the case file. */
    static final class RecordingCallbacks implements CaseCallbacks {
        final List<UUID> closed = new ArrayList<>();
        final List<String> reminders = new ArrayList<>();

        @Override
        public void caseClosed(UUID caseId) {
            closed.add(caseId);
        }

        @Override
        public void reminder(UUID caseId, String stepType) {
            reminders.add(stepType);
        }
    }

    private final RecordingCallbacks callbacks = new RecordingCallbacks();
    private final UUID caseId = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("deadlines", ConfiguredDeadlines.fromApplicationYml());
        Mocks.register("dangerTriage", new DangerTriageDelegate(engine.getProcessEngine().getDecisionService()));
        Mocks.register("closeCase", new CloseCaseDelegate(callbacks));
        Mocks.register("reminders", new Reminders(callbacks));
        now(RECEIVED_AT.plus(Duration.ofHours(1)));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
    }

    // ---- the first part: report, initial assessment, 12 hours ----

    @Test
    void reportWaitsForTheCommuneWorkersInitialAssessmentDueTwelveHoursAfterReceipt() {
        ProcessInstance pi = startCase();

        assertThat(pi).isStarted().isWaitingAt(ProcessIds.TASK_INITIAL_ASSESSMENT);
        assertThat(task(pi, ProcessIds.TASK_INITIAL_ASSESSMENT)).hasCandidateGroup("worker-00004").isNotAssigned()
                .hasDueDate(Date.from(TWELVE_HOURS_LATER));
        assertThat(pi.getBusinessKey()).isEqualTo(CASE_NUMBER);
    }

    @Test
    void timerIsSetForTwelveHoursAfterReceiptNotAfterEntry() {
        ProcessInstance pi = startCase();

        assertThat(timer(pi, ProcessIds.overdueTimerOf(ProcessIds.TASK_INITIAL_ASSESSMENT)).getDuedate())
                .isEqualTo(Date.from(TWELVE_HOURS_LATER));
    }

    @Test
    void missedAssessmentDeadlineEscalatesToTheProvinceSupervisorAndTheAssessmentStaysOpen() {
        ProcessInstance pi = startCase();

        escalates(pi, ProcessIds.TASK_INITIAL_ASSESSMENT);

        assess(pi, "LOW", false, false);
        assertThat(pi).isWaitingAt(ProcessIds.TASK_RISK_NEEDS_ASSESSMENT);
    }

    @Test
    void reportEnteredAfterTheDeadlineEscalatesAtOnce() {
        now(TWELVE_HOURS_LATER.plus(Duration.ofHours(3)));
        ProcessInstance pi = startCase();

        Job overdue = timer(pi, ProcessIds.overdueTimerOf(ProcessIds.TASK_INITIAL_ASSESSMENT));
        assertThat(overdue.getDuedate()).isBefore(ClockUtil.getCurrentTime());
        execute(overdue);
        assertThat(pi).isWaitingAt(ProcessIds.TASK_INITIAL_ASSESSMENT,
                ProcessIds.escalationOf(ProcessIds.TASK_INITIAL_ASSESSMENT));
    }

    // ---- triage ----

    @Test
    void lowDangerWithoutCrimeGoesStraightToRiskAssessmentWithoutPolice() {
        ProcessInstance pi = startCase();

        assess(pi, "LOW", false, false);

        assertThat(pi).hasPassed(ProcessIds.TASK_DANGER_TRIAGE, ProcessIds.END_NO_POLICE_REFERRAL)
                .hasNotPassed(ProcessIds.TASK_EMERGENCY_DECISION)
                .isWaitingAt(ProcessIds.TASK_RISK_NEEDS_ASSESSMENT)
                .variables().containsEntry("emergency", false).containsEntry("policeReferral", false)
                .containsEntry("priority", 40);
        assertThat(task(pi, ProcessIds.TASK_RISK_NEEDS_ASSESSMENT)).hasCandidateGroup("worker-00004");
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(ProcessIds.POLICE_PROCESS).count())
                .isZero();
    }

    @Test
    void immediateDangerAndSuspectedCrimeGiveTheChairAnEmergencyDecisionAndThePoliceTheReferral() {
        ProcessInstance pi = startCase();

        assess(pi, "HIGH", true, true);

        assertThat(pi).isWaitingAt(ProcessIds.TASK_EMERGENCY_DECISION, ProcessIds.CALL_POLICE_REFERRAL);
        assertThat(task(pi, ProcessIds.TASK_EMERGENCY_DECISION)).hasCandidateGroup("chair-00004")
                .hasDueDate(Date.from(TWELVE_HOURS_LATER));
        assertThat(task(pi, ProcessIds.TASK_EMERGENCY_DECISION).getPriority()).isEqualTo(90);
        ProcessInstance police = calledProcessInstance(ProcessIds.POLICE_PROCESS, pi);
        assertThat(police).isWaitingAt(ProcessIds.TASK_POLICE_ACKNOWLEDGE);
        assertThat(police.getBusinessKey()).isEqualTo(CASE_NUMBER);
        Task acknowledge = taskQuery().processInstanceId(police.getId()).singleResult();
        assertThat(acknowledge).hasCandidateGroup("police-00004")
                .hasDueDate(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(24))));
    }

    @Test
    void parentAsAbuserMeansEmergencyEvenWithoutImmediateDanger() {
        ProcessInstance pi = startCase();

        assess(pi, Map.of("dangerLevel", "MEDIUM", "caregiverAbuser", true));

        assertThat(pi).isWaitingAt(ProcessIds.TASK_EMERGENCY_DECISION);
    }

    @Test
    void sexualAbuseIsAlwaysReferredToThePolice() {
        ProcessInstance pi = startCase();

        assess(pi, Map.of("dangerLevel", "MEDIUM", "sexualAbuse", true));

        assertThat(pi).isWaitingAt(ProcessIds.CALL_POLICE_REFERRAL, ProcessIds.TASK_RISK_NEEDS_ASSESSMENT);
    }

    // ---- emergency protection and separation ----

    @Test
    void emergencyWithSeparationRemindsTwoDaysBeforeTheFifteenDaysRunOut() {
        ProcessInstance pi = startCase();
        assess(pi, "HIGH", true, false);
        escalates(pi, ProcessIds.TASK_EMERGENCY_DECISION);
        Instant decidedAt = RECEIVED_AT.plus(Duration.ofHours(5));
        now(decidedAt);
        complete(task(pi, ProcessIds.TASK_EMERGENCY_DECISION), Variables.createVariables()
                .putValue("separated", true).putValue("separationStartedAt", Date.from(decidedAt)));

        assertThat(task(pi, ProcessIds.TASK_EMERGENCY_ACTION)).hasCandidateGroup("worker-00004")
                .hasDueDate(Date.from(TWELVE_HOURS_LATER));
        escalates(pi, ProcessIds.TASK_EMERGENCY_ACTION);
        complete(task(pi, ProcessIds.TASK_EMERGENCY_ACTION));

        assertThat(pi).isWaitingAt(ProcessIds.TIMER_SEPARATION_ENDING, ProcessIds.TASK_RISK_NEEDS_ASSESSMENT);
        Job reminder = timer(pi, ProcessIds.TIMER_SEPARATION_ENDING);
        assertThat(reminder.getDuedate()).isEqualTo(Date.from(decidedAt.plus(Duration.ofDays(13))));
        now(decidedAt.plus(Duration.ofDays(13)));
        execute(reminder);
        assertThat(task(pi, ProcessIds.TASK_SEPARATION_REVIEW)).hasCandidateGroup("worker-00004")
                .hasDueDate(Date.from(decidedAt.plus(Duration.ofDays(15))));
        complete(task(pi, ProcessIds.TASK_SEPARATION_REVIEW));
        assertThat(pi).isWaitingAt(ProcessIds.TASK_RISK_NEEDS_ASSESSMENT);
    }

    @Test
    void emergencyWithoutSeparationSetsNoSeparationTimer() {
        ProcessInstance pi = startCase();
        assess(pi, "HIGH", true, false);
        complete(task(pi, ProcessIds.TASK_EMERGENCY_DECISION), Variables.createVariables().putValue("separated", false));
        complete(task(pi, ProcessIds.TASK_EMERGENCY_ACTION));

        assertThat(pi).isWaitingAt(ProcessIds.TASK_RISK_NEEDS_ASSESSMENT).hasNotPassed(ProcessIds.TIMER_SEPARATION_ENDING);
    }

    // ---- assessment, meeting, plan, review, closure ----

    @Test
    void planRejectedThenApprovedReviewedIntoANewCycleThenClosedByTheChair() {
        ProcessInstance pi = startCase();
        assess(pi, "MEDIUM", false, false);

        now(Instant.parse("2026-11-25T02:00:00Z")); // Wednesday 09:00
        escalates(pi, ProcessIds.TASK_RISK_NEEDS_ASSESSMENT);
        completeStep(pi, ProcessIds.TASK_RISK_NEEDS_ASSESSMENT, Map.of());
        escalates(pi, ProcessIds.TASK_CASE_MEETING);
        completeStep(pi, ProcessIds.TASK_CASE_MEETING, Map.of());

        escalates(pi, ProcessIds.TASK_PLAN_DRAFT);
        completeStep(pi, ProcessIds.TASK_PLAN_DRAFT, Map.of());
        assertThat(task(pi, ProcessIds.TASK_PLAN_APPROVAL)).hasCandidateGroup("chair-00004");
        escalates(pi, ProcessIds.TASK_PLAN_APPROVAL);
        completeStep(pi, ProcessIds.TASK_PLAN_APPROVAL, Map.of("planApproved", false));
        assertThat(pi).isWaitingAt(ProcessIds.TASK_PLAN_DRAFT);
        completeStep(pi, ProcessIds.TASK_PLAN_DRAFT, Map.of());
        completeStep(pi, ProcessIds.TASK_PLAN_APPROVAL, Map.of("planApproved", true));

        // carrying out the plan until the review is due, 30 days on
        Instant approvedAt = ClockUtil.getCurrentTime().toInstant();
        assertThat(pi).isWaitingAt(ProcessIds.TIMER_REVIEW_DUE);
        assertThat(timer(pi, ProcessIds.TIMER_REVIEW_DUE).getDuedate())
                .isEqualTo(Date.from(approvedAt.plus(Duration.ofDays(30))));
        Job reviewDue = timer(pi, ProcessIds.TIMER_REVIEW_DUE);
        now(reviewDue.getDuedate().toInstant());
        execute(reviewDue);
        escalates(pi, ProcessIds.TASK_PLAN_REVIEW);
        completeStep(pi, ProcessIds.TASK_PLAN_REVIEW, Map.of("reviewOutcome", "NEW_PLAN"));
        assertThat(pi).isWaitingAt(ProcessIds.TASK_PLAN_DRAFT);
        completeStep(pi, ProcessIds.TASK_PLAN_DRAFT, Map.of());
        completeStep(pi, ProcessIds.TASK_PLAN_APPROVAL, Map.of("planApproved", true));
        reviewWith(pi, "CONTINUE");
        assertThat(pi).isWaitingAt(ProcessIds.TIMER_REVIEW_DUE);
        reviewWith(pi, "CLOSE");

        assertThat(task(pi, ProcessIds.TASK_CLOSURE_APPROVAL)).hasCandidateGroup("chair-00004");
        escalates(pi, ProcessIds.TASK_CLOSURE_APPROVAL);
        completeStep(pi, ProcessIds.TASK_CLOSURE_APPROVAL, Map.of("closureApproved", false));
        assertThat(pi).isWaitingAt(ProcessIds.TIMER_REVIEW_DUE);
        assertThat(callbacks.closed).isEmpty();
        reviewWith(pi, "CLOSE");
        completeStep(pi, ProcessIds.TASK_CLOSURE_APPROVAL, Map.of("closureApproved", true));

        assertThat(callbacks.closed).containsExactly(caseId);
        finishEscalations(pi);
        assertThat(pi).isEnded().hasPassed(ProcessIds.TASK_CLOSE_CASE, ProcessIds.END_CASE_CLOSED);
    }

    @Test
    void planDraftedOverTetIsDueFiveWorkingDaysAfterTheHolidays() {
        ProcessInstance pi = startCase();
        assess(pi, "LOW", false, false);
        completeStep(pi, ProcessIds.TASK_RISK_NEEDS_ASSESSMENT, Map.of());
        // Friday 13 February 2026, 09:00 in Hanoi; Tết Bính Ngọ closes offices 16-20 February
        now(OffsetDateTime.parse("2026-02-13T09:00:00+07:00").toInstant());
        completeStep(pi, ProcessIds.TASK_CASE_MEETING, Map.of());

        assertThat(task(pi, ProcessIds.TASK_PLAN_DRAFT))
                .hasDueDate(Date.from(OffsetDateTime.parse("2026-02-27T09:00:00+07:00").toInstant()));
    }

    @Test
    void planDraftedOverAWeekendAndCultureDaySkipsThem() {
        ProcessInstance pi = startCase();
        assess(pi, "LOW", false, false);
        completeStep(pi, ProcessIds.TASK_RISK_NEEDS_ASSESSMENT, Map.of());
        // Thursday 19 November 2026; weekend 21-22, Vietnamese Culture Day Tuesday 24 November
        now(OffsetDateTime.parse("2026-11-19T14:30:00+07:00").toInstant());
        completeStep(pi, ProcessIds.TASK_CASE_MEETING, Map.of());

        assertThat(task(pi, ProcessIds.TASK_PLAN_DRAFT))
                .hasDueDate(Date.from(OffsetDateTime.parse("2026-11-27T14:30:00+07:00").toInstant()));
    }

    // ---- police referral ----

    @Test
    void policeAcknowledgeThenRecordTheOutcomeWithReminderAndEscalations() {
        ProcessInstance pi = startCase();
        assess(pi, "MEDIUM", false, true);
        ProcessInstance police = calledProcessInstance(ProcessIds.POLICE_PROCESS, pi);

        escalates(police, ProcessIds.TASK_POLICE_ACKNOWLEDGE);
        Instant forwardedAt = ClockUtil.getCurrentTime().toInstant();
        completeStep(police, ProcessIds.TASK_POLICE_ACKNOWLEDGE, Map.of());

        assertThat(task(police, ProcessIds.TASK_POLICE_OUTCOME)).hasCandidateGroup("police-00004")
                .hasDueDate(Date.from(forwardedAt.plus(Duration.ofDays(20))));
        Job reminder = timer(police, ProcessIds.TIMER_POLICE_OUTCOME_REMINDER);
        assertThat(reminder.getDuedate()).isEqualTo(Date.from(forwardedAt.plus(Duration.ofDays(15))));
        now(forwardedAt.plus(Duration.ofDays(15)));
        execute(reminder);
        assertThat(callbacks.reminders).containsExactly("POLICE_OUTCOME");
        escalates(police, ProcessIds.TASK_POLICE_OUTCOME);

        completeStep(police, ProcessIds.TASK_POLICE_OUTCOME, Map.of());
        finishEscalations(police);
        assertThat(police).isEnded().hasPassed(ProcessIds.END_OUTCOME_RECORDED);
        assertThat(pi).isWaitingAt(ProcessIds.TASK_RISK_NEEDS_ASSESSMENT);
    }

    @Test
    void outcomeArrivingByMessageBeforeAcknowledgementEndsTheReferral() {
        ProcessInstance pi = startCase();
        assess(pi, "MEDIUM", false, true);
        ProcessInstance police = calledProcessInstance(ProcessIds.POLICE_PROCESS, pi);

        runtimeService().createMessageCorrelation(ProcessIds.MESSAGE_POLICE_OUTCOME)
                .processInstanceBusinessKey(CASE_NUMBER).correlate();

        assertThat(police).isEnded().hasPassed(ProcessIds.END_OUTCOME_BY_MESSAGE)
                .hasNotPassed(ProcessIds.TASK_POLICE_OUTCOME);
        assertThat(pi).isWaitingAt(ProcessIds.TASK_RISK_NEEDS_ASSESSMENT).hasPassed(ProcessIds.CALL_POLICE_REFERRAL);
    }

    @Test
    void outcomeArrivingByMessageAfterAcknowledgementEndsTheReferral() {
        ProcessInstance pi = startCase();
        assess(pi, "MEDIUM", false, true);
        ProcessInstance police = calledProcessInstance(ProcessIds.POLICE_PROCESS, pi);
        completeStep(police, ProcessIds.TASK_POLICE_ACKNOWLEDGE, Map.of());

        runtimeService().createMessageCorrelation(ProcessIds.MESSAGE_POLICE_OUTCOME)
                .processInstanceBusinessKey(CASE_NUMBER).correlate();

        assertThat(police).isEnded().hasPassed(ProcessIds.TASK_POLICE_ACKNOWLEDGE, ProcessIds.END_OUTCOME_BY_MESSAGE);
        assertThat(taskQuery().processInstanceId(police.getId()).count()).isZero();
    }

    // ---- a further report about the same child ----

    @Test
    void furtherReportCallsForAFreshAssessmentCountedFromItsOwnReceipt() {
        ProcessInstance pi = startCase();
        assess(pi, "LOW", false, false);
        Instant secondReceivedAt = RECEIVED_AT.plus(Duration.ofDays(2));
        now(secondReceivedAt.plus(Duration.ofMinutes(20)));

        runtimeService().createMessageCorrelation(ProcessIds.MESSAGE_FURTHER_REPORT)
                .processInstanceBusinessKey(CASE_NUMBER)
                .setVariablesLocal(Variables.createVariables().putValue(ProcessIds.VAR_RECEIVED_AT, Date.from(secondReceivedAt)))
                .correlate();

        assertThat(pi).isWaitingAt(ProcessIds.TASK_INITIAL_REASSESSMENT, ProcessIds.TASK_RISK_NEEDS_ASSESSMENT);
        assertThat(task(pi, ProcessIds.TASK_INITIAL_REASSESSMENT)).hasCandidateGroup("worker-00004")
                .hasDueDate(Date.from(secondReceivedAt.plus(Duration.ofHours(12))));
        escalates(pi, ProcessIds.TASK_INITIAL_REASSESSMENT);
        completeStep(pi, ProcessIds.TASK_INITIAL_REASSESSMENT, Map.of());
        assertThat(pi).isWaitingAt(ProcessIds.TASK_RISK_NEEDS_ASSESSMENT);
        assertThat(ProcessIds.taskType(ProcessIds.TASK_INITIAL_REASSESSMENT)).isEqualTo("INITIAL_ASSESSMENT");
    }

    // ---- helpers ----

    private ProcessInstance startCase() {
        return runtimeService().startProcessInstanceByKey(ProcessIds.CASE_PROCESS, CASE_NUMBER,
                Variables.createVariables()
                        .putValue(ProcessIds.VAR_CASE_ID, caseId.toString())
                        .putValue(ProcessIds.VAR_COMMUNE_CODE, "00004")
                        .putValue(ProcessIds.VAR_PROVINCE_CODE, "01")
                        .putValue(ProcessIds.VAR_RECEIVED_AT, Date.from(RECEIVED_AT)));
    }

    private void assess(ProcessInstance pi, String level, boolean immediateDanger, boolean crimeSuspected) {
        assess(pi, Map.of("dangerLevel", level, "immediateDanger", immediateDanger, "crimeSuspected", crimeSuspected));
    }

    /** Completes the initial assessment with the facts the triage needs; unnamed facts are false. */
    private void assess(ProcessInstance pi, Map<String, Object> facts) {
        Map<String, Object> variables = new HashMap<>(Map.of("immediateDanger", false, "crimeSuspected", false,
                "caregiverAbuser", false, "sexualAbuse", false, "trafficking", false));
        variables.put("childAge", 9);
        variables.putAll(facts);
        complete(task(pi, ProcessIds.TASK_INITIAL_ASSESSMENT), variables);
    }

    private void completeStep(ProcessInstance pi, String taskKey, Map<String, Object> variables) {
        complete(task(pi, taskKey), variables);
    }

    private void reviewWith(ProcessInstance pi, String outcome) {
        Job due = timer(pi, ProcessIds.TIMER_REVIEW_DUE);
        now(due.getDuedate().toInstant());
        execute(due);
        assertThat(task(pi, ProcessIds.TASK_PLAN_REVIEW)).hasCandidateGroup("worker-00004");
        completeStep(pi, ProcessIds.TASK_PLAN_REVIEW, Map.of("reviewOutcome", outcome));
    }

    /**
     * The step's deadline timer is due exactly when its task is, fires then, and gives the province
     * supervisor an escalation task while the step stays open.
     */
    private void escalates(ProcessInstance pi, String taskKey) {
        Task step = task(pi, taskKey);
        Job overdue = timer(pi, ProcessIds.overdueTimerOf(taskKey));
        assertThat(overdue.getDuedate()).as("timer of %s at its due date", taskKey).isEqualTo(step.getDueDate());
        Date before = ClockUtil.getCurrentTime();
        now(overdue.getDuedate().toInstant().plusSeconds(1));
        execute(overdue);
        Task escalation = task(pi, ProcessIds.escalationOf(taskKey));
        assertThat(escalation).as("escalation of %s", taskKey).hasCandidateGroup("supervisor-01");
        assertThat(task(pi, taskKey)).as("%s stays open", taskKey).isNotNull();
        ClockUtil.setCurrentTime(before);
    }

    private void finishEscalations(ProcessInstance pi) {
        taskQuery().processInstanceId(pi.getId()).list().stream()
                .filter(t -> t.getTaskDefinitionKey().startsWith("Task_Escalate"))
                .forEach(t -> complete(t));
    }

    private static Task task(ProcessInstance pi, String key) {
        return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

    private static Job timer(ProcessInstance pi, String activityId) {
        return jobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    }

    private static void now(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
