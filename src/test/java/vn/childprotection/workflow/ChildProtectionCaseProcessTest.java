package vn.childprotection.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.childprotection.process.CaseCallbacks;
import vn.childprotection.process.CaseStart;
import vn.childprotection.process.CaseWorkflow;
import vn.childprotection.process.PoliceCallbacks;
import vn.childprotection.process.ReportRouting;

/**
 * The case, police and escalation models with the triage table, on a standalone engine, started through
 * the application's own port, with the deadlines and holidays configured for the application. Every
 * path, every timer, every escalation; time travels with the engine's clock.
 */
@Deployment(resources = {"processes/child-protection-case.bpmn", "processes/police-referral.bpmn",
        "processes/deadline-escalation.bpmn", "processes/follow-up-visit.bpmn", "processes/danger-triage.dmn"})
class ChildProtectionCaseProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    /** Received Monday 23 November 2026, 08:00 Hanoi time; entered an hour later. */
    private static final Instant RECEIVED_AT = Instant.parse("2026-11-23T01:00:00Z");
    private static final Instant TWELVE_HOURS_LATER = RECEIVED_AT.plus(Duration.ofHours(12));
    private static final String CASE_NUMBER = "CP-2026-000001";
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    /** What the process told the case file and the police records. */
    static final class RecordingCallbacks implements CaseCallbacks, PoliceCallbacks {
        final List<UUID> closed = new ArrayList<>();
        final List<UUID> reopened = new ArrayList<>();
        final List<String> reminders = new ArrayList<>();
        final List<UUID> separationsEnded = new ArrayList<>();
        final List<Source> referrals = new ArrayList<>();
        final List<Instant> extendedTo = new ArrayList<>();

        @Override
        public void caseClosed(UUID caseId) {
            closed.add(caseId);
        }

        @Override
        public void caseReopened(UUID caseId) {
            reopened.add(caseId);
        }

        /** Everybody still works where they did, but "worker.gone", who left the commune. */
        @Override
        public boolean worksFor(String communeCode, String username) {
            return !"worker.gone".equals(username);
        }

        @Override
        public void reminder(UUID caseId, String stepType) {
            reminders.add(stepType);
        }

        @Override
        public void separationEnded(UUID caseId) {
            separationsEnded.add(caseId);
        }

        @Override
        public void referred(UUID referralId, UUID caseId, String policeCommuneCode, Source source) {
            referrals.add(source);
        }

        @Override
        public void investigationExtended(UUID referralId, Instant newDueAt) {
            extendedTo.add(newDueAt);
        }
    }

    private final RecordingCallbacks callbacks = new RecordingCallbacks();
    private final UUID caseId = UUID.randomUUID();
    private CaseWorkflow workflow;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Deadlines deadlines = ConfiguredDeadlines.fromApplicationYml();
        PoliceReferralStarter referrals = new PoliceReferralStarter(callbacks);
        Mocks.register("deadlines", deadlines);
        Mocks.register("dangerTriage", new DangerTriageDelegate(engine.getProcessEngine().getDecisionService()));
        FollowUps followUps = new FollowUps(callbacks);
        Mocks.register("closeCase", new CloseCaseDelegate(callbacks, followUps));
        Mocks.register("reminders", new Reminders(callbacks));
        Mocks.register("policeReferrals", referrals);
        Mocks.register("escalations", new Escalations());
        Mocks.register("separations", new Separations(callbacks));
        Mocks.register("investigations", new Investigations(deadlines, callbacks));
        Mocks.register("emergencies", new Emergencies());
        Mocks.register("followUps", followUps);
        workflow = new CamundaCaseWorkflow(runtimeService(), taskService(), referrals,
                new CommuneMerges(runtimeService(), taskService()));
        now(RECEIVED_AT.plus(Duration.ofHours(1)));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
    }

    // ---- the initial assessment leaves time for the emergency (item 3) ----

    @Test
    void initialAssessmentIsDueSixHoursAfterReceiptNotAfterEntry() {
        ProcessInstance pi = startCase(false, false);

        assertThat(pi).isStarted().isWaitingAt(ProcessIds.TASK_INITIAL_ASSESSMENT);
        Task assessment = task(pi, ProcessIds.TASK_INITIAL_ASSESSMENT);
        assertThat(assessment).hasCandidateGroup("worker-00004").isNotAssigned()
                .hasDueDate(Date.from(RECEIVED_AT.plus(Duration.ofHours(6))));
        assertThat(assessment.getPriority()).isEqualTo(50);
        assertThat(timer(pi, ProcessIds.overdueTimerOf(ProcessIds.TASK_INITIAL_ASSESSMENT)).getDuedate())
                .isEqualTo(Date.from(RECEIVED_AT.plus(Duration.ofHours(6))));
        assertThat(pi.getBusinessKey()).isEqualTo(CASE_NUMBER);
    }

    @Test
    void reportOfImmediateDangerIsAssessedWithinTwoHoursAtTheHighestPriority() {
        ProcessInstance pi = startCase(true, false);

        Task assessment = task(pi, ProcessIds.TASK_INITIAL_ASSESSMENT);
        assertThat(assessment).hasDueDate(Date.from(RECEIVED_AT.plus(Duration.ofHours(2))));
        assertThat(assessment.getPriority()).isEqualTo(ProcessIds.PRIORITY_IMMEDIATE_DANGER);
    }

    // ---- two levels of escalation (item 9) ----

    @Test
    void missedAssessmentGoesToTheChairThenTwoHoursLaterToTheSupervisorAndStaysOpen() {
        ProcessInstance pi = startCase(false, false);

        ProcessInstance escalation = escalates(pi, ProcessIds.TASK_INITIAL_ASSESSMENT);
        Task first = task(escalation, ProcessIds.TASK_ESCALATE_FIRST_LEVEL);
        assertThat(first).hasCandidateGroup("chair-00004");
        assertThat(first.getPriority()).isEqualTo(95);
        // the escalation has its own deadline: one working day (Tuesday 24 November is Culture Day)
        assertThat(first.getDueDate().toInstant()).isEqualTo(OffsetDateTime.parse("2026-11-25T14:00:01+07:00").toInstant());
        assertThat(taskQuery().processInstanceId(escalation.getId()).taskCandidateGroup("supervisor-01").count()).isZero();

        Job secondLevel = timer(escalation, ProcessIds.TIMER_SECOND_LEVEL);
        assertThat(secondLevel.getDuedate().toInstant())
                .isEqualTo(RECEIVED_AT.plus(Duration.ofHours(6)).plusSeconds(1).plus(Duration.ofHours(2)));
        now(secondLevel.getDuedate().toInstant());
        execute(secondLevel);

        assertThat(task(escalation, ProcessIds.TASK_ESCALATE_SECOND_LEVEL)).hasCandidateGroup("supervisor-01");
        assertThat(task(pi, ProcessIds.TASK_INITIAL_ASSESSMENT)).as("the step stays open").isNotNull();
        assertThat(runtimeService().getVariable(escalation.getId(), ProcessIds.VAR_STEP)).isEqualTo("INITIAL_ASSESSMENT");
    }

    @Test
    void stepDoneAfterTheChairWasToldDoesNotReachTheSupervisor() {
        ProcessInstance pi = startCase(false, false);
        ProcessInstance escalation = escalates(pi, ProcessIds.TASK_INITIAL_ASSESSMENT);

        assess(pi, "LOW", false, false);
        Job secondLevel = timer(escalation, ProcessIds.TIMER_SECOND_LEVEL);
        now(secondLevel.getDuedate().toInstant());
        execute(secondLevel);

        assertThat(taskQuery().processInstanceId(escalation.getId()).taskDefinitionKey(ProcessIds.TASK_ESCALATE_SECOND_LEVEL)
                .count()).isZero();
        assertThat(task(escalation, ProcessIds.TASK_ESCALATE_FIRST_LEVEL)).hasCandidateGroup("chair-00004");
    }

    @Test
    void laterStepsReachTheSupervisorOneWorkingDayAfterTheChair() {
        ProcessInstance pi = startCase(false, false);
        assess(pi, "LOW", false, false);

        ProcessInstance escalation = escalates(pi, ProcessIds.TASK_RISK_NEEDS_ASSESSMENT);

        Job secondLevel = timer(escalation, ProcessIds.TIMER_SECOND_LEVEL);
        Instant firedAt = task(pi, ProcessIds.TASK_RISK_NEEDS_ASSESSMENT).getDueDate().toInstant().plusSeconds(1);
        assertThat(secondLevel.getDuedate().toInstant()).isEqualTo(
                ConfiguredDeadlines.fromApplicationYml().due("second-escalation", firedAt));
        assertThat(Duration.between(firedAt, secondLevel.getDuedate().toInstant())).isGreaterThanOrEqualTo(Duration.ofDays(1));
    }

    // ---- police at once when intake shows a crime (item 5) ----

    @Test
    void sexualAbuseAtIntakeGoesToThePoliceAtOnceBeforeAnyAssessment() {
        ProcessInstance pi = startCase(false, true);

        assertThat(pi).isWaitingAt(ProcessIds.TASK_INITIAL_ASSESSMENT).hasPassed(ProcessIds.END_REFERRED_AT_INTAKE);
        ProcessInstance police = referral();
        assertThat(police).isWaitingAt(ProcessIds.TASK_POLICE_ACKNOWLEDGE);
        assertThat(police.getBusinessKey()).isEqualTo(CASE_NUMBER);
        assertThat(task(police, ProcessIds.TASK_POLICE_ACKNOWLEDGE)).hasCandidateGroup("police-00004")
                .hasDueDate(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(24))));
        assertThat(callbacks.referrals).containsExactly(PoliceCallbacks.Source.INTAKE);

        // the assessment's triage does not start a second referral while this one is open
        assess(pi, "MEDIUM", false, true);
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(ProcessIds.POLICE_PROCESS).count())
                .isEqualTo(1);
    }

    @Test
    void reportTakenByThePoliceCountsTheirTwentyFourHoursFromReceipt() {
        ProcessInstance pi = workflowStart(new ReportRouting(RECEIVED_AT, false, true, true, "00004", "01"));

        assertThat(task(referral(), ProcessIds.TASK_POLICE_ACKNOWLEDGE))
                .hasDueDate(Date.from(RECEIVED_AT.plus(Duration.ofHours(24))));
        assertThat(pi).isWaitingAt(ProcessIds.TASK_INITIAL_ASSESSMENT);
    }

    // ---- the emergency branch (item 2) ----

    @Test
    void highDangerStartsTheWorkersEmergencyActionAtOnceWithoutAChairDecision() {
        ProcessInstance pi = startCase(false, false);

        assess(pi, "HIGH", false, false);

        assertThat(pi).isWaitingAt(ProcessIds.TASK_EMERGENCY_ACTION, ProcessIds.TASK_RISK_NEEDS_ASSESSMENT)
                .hasNotPassed(ProcessIds.TASK_EMERGENCY_DECISION);
        assertThat(task(pi, ProcessIds.TASK_EMERGENCY_ACTION)).hasCandidateGroup("worker-00004")
                .hasDueDate(Date.from(TWELVE_HOURS_LATER));
        assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(ProcessIds.TASK_EMERGENCY_DECISION).count())
                .isZero();
    }

    @Test
    void immediateDangerStartsTheActionAndTheChairsDecisionTogetherWithinTwelveHoursOfReceipt() {
        ProcessInstance pi = startCase(false, false);

        assess(pi, "MEDIUM", true, false);

        assertThat(pi).isWaitingAt(ProcessIds.TASK_EMERGENCY_ACTION, ProcessIds.TASK_EMERGENCY_DECISION,
                ProcessIds.TASK_RISK_NEEDS_ASSESSMENT);
        assertThat(task(pi, ProcessIds.TASK_EMERGENCY_DECISION)).hasCandidateGroup("chair-00004")
                .hasDueDate(Date.from(TWELVE_HOURS_LATER));
        assertThat(task(pi, ProcessIds.TASK_EMERGENCY_ACTION)).hasDueDate(Date.from(TWELVE_HOURS_LATER));
        assertThat(task(pi, ProcessIds.TASK_EMERGENCY_DECISION).getPriority()).isEqualTo(90);
        escalates(pi, ProcessIds.TASK_EMERGENCY_ACTION);
        escalates(pi, ProcessIds.TASK_EMERGENCY_DECISION);
    }

    @Test
    void parentAsAbuserMeansEmergencyAndTheChairsDecision() {
        ProcessInstance pi = startCase(false, false);

        assess(pi, Map.of("dangerLevel", "LOW", "caregiverAbuser", true));

        assertThat(pi).isWaitingAt(ProcessIds.TASK_EMERGENCY_ACTION, ProcessIds.TASK_EMERGENCY_DECISION,
                ProcessIds.TASK_RISK_NEEDS_ASSESSMENT);
    }

    @Test
    void childNotYetSafeKeepsTheActionOpenAndAlertsTheChairAndTheSupervisorAtOnce() {
        ProcessInstance pi = startCase(false, false);
        assess(pi, "HIGH", false, false);

        complete(task(pi, ProcessIds.TASK_EMERGENCY_ACTION), Map.of(ProcessIds.VAR_CHILD_SAFE, false));

        assertThat(task(pi, ProcessIds.TASK_EMERGENCY_ACTION)).as("a further attempt").isNotNull();
        ProcessInstance alert = escalationOf(pi, ProcessIds.TASK_EMERGENCY_ACTION);
        assertThat(task(alert, ProcessIds.TASK_ESCALATE_FIRST_LEVEL)).hasCandidateGroup("chair-00004");
        Job atOnce = timer(alert, ProcessIds.TIMER_SECOND_LEVEL);
        assertThat(atOnce.getDuedate()).isEqualTo(ClockUtil.getCurrentTime());
        execute(atOnce);
        assertThat(task(alert, ProcessIds.TASK_ESCALATE_SECOND_LEVEL)).hasCandidateGroup("supervisor-01");

        complete(task(pi, ProcessIds.TASK_EMERGENCY_ACTION), Map.of(ProcessIds.VAR_CHILD_SAFE, true));
        assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(ProcessIds.TASK_EMERGENCY_ACTION).count()).isZero();
    }

    // ---- separation is bounded (item 4) ----

    @Test
    void separationLeftAloneEscalatesOnDayFifteenAfterAReminderOnDayThirteen() {
        ProcessInstance pi = startCase(false, false);
        assess(pi, "HIGH", true, false);
        Instant decidedAt = RECEIVED_AT.plus(Duration.ofHours(5));
        now(decidedAt);
        separate(pi, decidedAt);

        Task review = task(pi, ProcessIds.TASK_SEPARATION_REVIEW);
        assertThat(review).hasCandidateGroup("chair-00004").hasDueDate(Date.from(decidedAt.plus(Duration.ofDays(15))));
        Job reminder = timer(pi, ProcessIds.TIMER_SEPARATION_ENDING);
        assertThat(reminder.getDuedate()).isEqualTo(Date.from(decidedAt.plus(Duration.ofDays(13))));
        now(decidedAt.plus(Duration.ofDays(13)));
        execute(reminder);
        assertThat(callbacks.reminders).containsExactly("SEPARATION_REVIEW");

        ProcessInstance escalation = escalates(pi, ProcessIds.TASK_SEPARATION_REVIEW);
        assertThat(task(escalation, ProcessIds.TASK_ESCALATE_FIRST_LEVEL)).hasCandidateGroup("chair-00004");
    }

    @Test
    void chairExtendsTheSeparationToANewEndDateWithItsOwnReminderAndEscalationThenTheChildGoesHome() {
        ProcessInstance pi = startCase(false, false);
        assess(pi, "HIGH", true, false);
        Instant decidedAt = RECEIVED_AT.plus(Duration.ofHours(5));
        separate(pi, decidedAt);
        now(decidedAt.plus(Duration.ofDays(14)));
        Instant newEnd = OffsetDateTime.parse("2026-12-31T00:00:00+07:00").toInstant();

        complete(task(pi, ProcessIds.TASK_SEPARATION_REVIEW), Map.of(ProcessIds.VAR_SEPARATION_ENDED, false,
                ProcessIds.VAR_SEPARATION_ENDS_AT, Date.from(newEnd)));

        assertThat(task(pi, ProcessIds.TASK_SEPARATION_REVIEW)).hasDueDate(Date.from(newEnd));
        assertThat(timer(pi, ProcessIds.TIMER_SEPARATION_ENDING).getDuedate()).isEqualTo(Date.from(newEnd.minus(Duration.ofDays(2))));
        assertThat(timer(pi, ProcessIds.overdueTimerOf(ProcessIds.TASK_SEPARATION_REVIEW)).getDuedate()).isEqualTo(Date.from(newEnd));

        complete(task(pi, ProcessIds.TASK_SEPARATION_REVIEW), Map.of(ProcessIds.VAR_SEPARATION_ENDED, true));
        assertThat(callbacks.separationsEnded).containsExactly(caseId);
        assertThat(pi).hasPassed(ProcessIds.TASK_SEPARATION_ENDED);
        assertThat(jobQuery().processInstanceId(pi.getId()).activityId(ProcessIds.TIMER_SEPARATION_ENDING).count()).isZero();
    }

    @Test
    void noSeparationSetsNoSeparationDeadline() {
        ProcessInstance pi = startCase(false, false);
        assess(pi, "HIGH", true, false);
        complete(task(pi, ProcessIds.TASK_EMERGENCY_DECISION), Map.of(ProcessIds.VAR_SEPARATED, false));
        complete(task(pi, ProcessIds.TASK_EMERGENCY_ACTION), Map.of(ProcessIds.VAR_CHILD_SAFE, true));

        assertThat(pi).isWaitingAt(ProcessIds.TASK_RISK_NEEDS_ASSESSMENT).hasNotPassed(ProcessIds.TASK_SEPARATION_REVIEW);
    }

    // ---- every report is triaged (item 1) ----

    @Test
    void furtherReportOfImmediateDangerDuringThePlanStartsEmergencyAndPoliceCountedFromItsOwnReceipt() {
        ProcessInstance pi = startCase(false, false);
        assess(pi, "LOW", false, false);
        completeStep(pi, ProcessIds.TASK_RISK_NEEDS_ASSESSMENT, Map.of());
        completeStep(pi, ProcessIds.TASK_CASE_MEETING, Map.of());
        completeStep(pi, ProcessIds.TASK_PLAN_DRAFT, Map.of());
        completeStep(pi, ProcessIds.TASK_PLAN_APPROVAL, Map.of(ProcessIds.VAR_PLAN_APPROVED, true));
        assertThat(pi).isWaitingAt(ProcessIds.TIMER_REVIEW_DUE);

        Instant secondReceivedAt = RECEIVED_AT.plus(Duration.ofDays(10));
        now(secondReceivedAt.plus(Duration.ofMinutes(20)));
        assertThat(workflow.furtherReport(CASE_NUMBER, new ReportRouting(secondReceivedAt, true, false, false, "00004", "01"))).isTrue();

        Task reassessment = task(pi, ProcessIds.TASK_INITIAL_REASSESSMENT);
        assertThat(reassessment).hasCandidateGroup("worker-00004").hasDueDate(Date.from(secondReceivedAt.plus(Duration.ofHours(2))));
        assertThat(reassessment.getPriority()).isEqualTo(ProcessIds.PRIORITY_IMMEDIATE_DANGER);
        complete(reassessment, triage(Map.of("dangerLevel", "HIGH", "immediateDanger", true, "crimeSuspected", true)));

        Date twelveHours = Date.from(secondReceivedAt.plus(Duration.ofHours(12)));
        assertThat(task(pi, ProcessIds.TASK_EMERGENCY_DECISION)).hasCandidateGroup("chair-00004").hasDueDate(twelveHours);
        assertThat(task(pi, ProcessIds.TASK_EMERGENCY_ACTION)).hasCandidateGroup("worker-00004").hasDueDate(twelveHours);
        assertThat(timer(pi, ProcessIds.overdueTimerOf(ProcessIds.TASK_EMERGENCY_ACTION)).getDuedate()).isEqualTo(twelveHours);
        assertThat(referral()).isWaitingAt(ProcessIds.TASK_POLICE_ACKNOWLEDGE);
        assertThat(callbacks.referrals).containsExactly(PoliceCallbacks.Source.TRIAGE);
        assertThat(pi).isWaitingAt(ProcessIds.TIMER_REVIEW_DUE, ProcessIds.TASK_EMERGENCY_ACTION,
                ProcessIds.TASK_EMERGENCY_DECISION);
    }

    @Test
    void aFurtherReportDoesNotMoveTheFirstReportsDeadlines() {
        ProcessInstance pi = startCase(false, false);
        Instant secondReceivedAt = RECEIVED_AT.plus(Duration.ofHours(2));
        workflow.furtherReport(CASE_NUMBER, new ReportRouting(secondReceivedAt, false, false, false, "00004", "01"));

        assertThat(runtimeService().getVariable(pi.getId(), ProcessIds.VAR_RECEIVED_AT)).isEqualTo(Date.from(RECEIVED_AT));
        assess(pi, "HIGH", false, false);

        assertThat(task(pi, ProcessIds.TASK_EMERGENCY_ACTION)).as("12 hours from the first report's receipt")
                .hasDueDate(Date.from(TWELVE_HOURS_LATER));
        assertThat(task(pi, ProcessIds.TASK_INITIAL_REASSESSMENT))
                .hasDueDate(Date.from(secondReceivedAt.plus(Duration.ofHours(6))));
    }

    @Test
    void aFurtherReportNamingTheCaregiverWhileTheActionRunsStartsTheChairsDecision() {
        ProcessInstance pi = startCase(false, false);
        assess(pi, "HIGH", false, false);
        assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(ProcessIds.TASK_EMERGENCY_DECISION).count())
                .isZero();
        Instant secondReceivedAt = RECEIVED_AT.plus(Duration.ofHours(3));
        workflow.furtherReport(CASE_NUMBER, new ReportRouting(secondReceivedAt, false, false, false, "00004", "01"));

        complete(task(pi, ProcessIds.TASK_INITIAL_REASSESSMENT), triage(Map.of("dangerLevel", "HIGH", "caregiverAbuser", true)));

        assertThat(task(pi, ProcessIds.TASK_EMERGENCY_DECISION)).hasCandidateGroup("chair-00004")
                .hasDueDate(Date.from(secondReceivedAt.plus(Duration.ofHours(12))));
        assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(ProcessIds.TASK_EMERGENCY_ACTION).count())
                .as("the running action goes on, no second one").isEqualTo(1);
    }

    @Test
    void aNewDangerWhileOnlyTheChairsDecisionIsOpenStartsANewAction() {
        ProcessInstance pi = startCase(false, false);
        assess(pi, "HIGH", true, false);
        complete(task(pi, ProcessIds.TASK_EMERGENCY_ACTION), Map.of(ProcessIds.VAR_CHILD_SAFE, true));
        Instant secondReceivedAt = RECEIVED_AT.plus(Duration.ofHours(4));
        workflow.furtherReport(CASE_NUMBER, new ReportRouting(secondReceivedAt, true, false, false, "00004", "01"));

        complete(task(pi, ProcessIds.TASK_INITIAL_REASSESSMENT), triage(Map.of("dangerLevel", "HIGH", "immediateDanger", true)));

        assertThat(task(pi, ProcessIds.TASK_EMERGENCY_ACTION)).hasCandidateGroup("worker-00004")
                .hasDueDate(Date.from(secondReceivedAt.plus(Duration.ofHours(12))));
        assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(ProcessIds.TASK_EMERGENCY_DECISION).count())
                .as("the open decision stays the one").isEqualTo(1);
    }

    @Test
    void furtherReportStartsNoSecondEmergencyWhileOneIsActedOn() {
        ProcessInstance pi = startCase(false, false);
        assess(pi, "HIGH", false, false);
        Instant secondReceivedAt = RECEIVED_AT.plus(Duration.ofHours(3));
        workflow.furtherReport(CASE_NUMBER, new ReportRouting(secondReceivedAt, false, false, false, "00004", "01"));

        complete(task(pi, ProcessIds.TASK_INITIAL_REASSESSMENT), triage(Map.of("dangerLevel", "HIGH")));

        assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(ProcessIds.TASK_EMERGENCY_ACTION).count())
                .isEqualTo(1);
    }

    @Test
    void furtherReportShowingSexualAbuseGoesToThePoliceAtOnce() {
        ProcessInstance pi = startCase(false, false);
        assess(pi, "LOW", false, false);

        workflow.furtherReport(CASE_NUMBER, new ReportRouting(RECEIVED_AT.plus(Duration.ofDays(1)), false, true, false, "00004", "01"));

        assertThat(referral()).isWaitingAt(ProcessIds.TASK_POLICE_ACKNOWLEDGE);
        assertThat(pi).isWaitingAt(ProcessIds.TASK_INITIAL_REASSESSMENT, ProcessIds.TASK_RISK_NEEDS_ASSESSMENT);
    }

    // ---- plan, review, closure (item 10) ----

    @Test
    void planRejectedThenApprovedReviewedIntoANewCycleThenClosureRefusedBackToANewPlanThenClosed() {
        ProcessInstance pi = startCase(false, false);
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
        completeStep(pi, ProcessIds.TASK_PLAN_APPROVAL, Map.of(ProcessIds.VAR_PLAN_APPROVED, false));
        assertThat(pi).isWaitingAt(ProcessIds.TASK_PLAN_DRAFT);
        completeStep(pi, ProcessIds.TASK_PLAN_DRAFT, Map.of());
        completeStep(pi, ProcessIds.TASK_PLAN_APPROVAL, Map.of(ProcessIds.VAR_PLAN_APPROVED, true));

        Instant approvedAt = ClockUtil.getCurrentTime().toInstant();
        assertThat(timer(pi, ProcessIds.TIMER_REVIEW_DUE).getDuedate()).isEqualTo(Date.from(approvedAt.plus(Duration.ofDays(30))));
        reviewWith(pi, "NEW_PLAN");
        assertThat(pi).isWaitingAt(ProcessIds.TASK_PLAN_DRAFT);
        completeStep(pi, ProcessIds.TASK_PLAN_DRAFT, Map.of());
        completeStep(pi, ProcessIds.TASK_PLAN_APPROVAL, Map.of(ProcessIds.VAR_PLAN_APPROVED, true));
        reviewWith(pi, "CONTINUE");
        assertThat(pi).isWaitingAt(ProcessIds.TIMER_REVIEW_DUE);
        reviewWith(pi, "CLOSE");

        assertThat(task(pi, ProcessIds.TASK_CLOSURE_APPROVAL)).hasCandidateGroup("chair-00004");
        escalates(pi, ProcessIds.TASK_CLOSURE_APPROVAL);
        completeStep(pi, ProcessIds.TASK_CLOSURE_APPROVAL, Map.of(ProcessIds.VAR_CLOSURE_APPROVED, false));
        assertThat(pi).as("a refused closure goes back to a new plan").isWaitingAt(ProcessIds.TASK_PLAN_DRAFT);
        assertThat(callbacks.closed).isEmpty();
        completeStep(pi, ProcessIds.TASK_PLAN_DRAFT, Map.of());
        completeStep(pi, ProcessIds.TASK_PLAN_APPROVAL, Map.of(ProcessIds.VAR_PLAN_APPROVED, true));
        reviewWith(pi, "CLOSE");
        completeStep(pi, ProcessIds.TASK_CLOSURE_APPROVAL, Map.of(ProcessIds.VAR_CLOSURE_APPROVED, true));

        assertThat(callbacks.closed).containsExactly(caseId);
        assertThat(pi).isEnded().hasPassed(ProcessIds.TASK_CLOSE_CASE, ProcessIds.END_CASE_CLOSED);
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(ProcessIds.ESCALATION_PROCESS).count())
                .as("the case's open escalations end with it").isZero();
    }

    @Test
    void closingEndsTheSeparationTimersButThePoliceReferralGoesOn() {
        ProcessInstance pi = startCase(false, true);
        assess(pi, "HIGH", true, false);
        separate(pi, RECEIVED_AT.plus(Duration.ofHours(4)));
        complete(task(pi, ProcessIds.TASK_EMERGENCY_ACTION), Map.of(ProcessIds.VAR_CHILD_SAFE, true));
        completeStep(pi, ProcessIds.TASK_RISK_NEEDS_ASSESSMENT, Map.of());
        completeStep(pi, ProcessIds.TASK_CASE_MEETING, Map.of());
        completeStep(pi, ProcessIds.TASK_PLAN_DRAFT, Map.of());
        completeStep(pi, ProcessIds.TASK_PLAN_APPROVAL, Map.of(ProcessIds.VAR_PLAN_APPROVED, true));
        Job reviewDue = timer(pi, ProcessIds.TIMER_REVIEW_DUE);
        now(reviewDue.getDuedate().toInstant());
        execute(reviewDue);
        completeStep(pi, ProcessIds.TASK_PLAN_REVIEW, Map.of(ProcessIds.VAR_REVIEW_OUTCOME, "CLOSE"));
        completeStep(pi, ProcessIds.TASK_CLOSURE_APPROVAL, Map.of(ProcessIds.VAR_CLOSURE_APPROVED, true));

        assertThat(pi).isEnded();
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(referral()).as("police work outlives the case").isWaitingAt(ProcessIds.TASK_POLICE_ACKNOWLEDGE);
    }

    // ---- the follow-up visit after closing (issue 13, item 8) ----

    @Test
    void closingWithAFollowUpOpensTheVisitOnItsDayForTheNamedWorkerWhoFindsTheChildWell() {
        ProcessInstance pi = closable();
        Instant visitDay = Instant.parse("2027-03-01T17:00:00Z"); // Tuesday 2 March 2027, 00:00 Hanoi time
        completeStep(pi, ProcessIds.TASK_CLOSURE_APPROVAL, closure(visitDay, "worker.b"));

        assertThat(callbacks.closed).containsExactly(caseId);
        assertThat(pi).isEnded().hasPassed(ProcessIds.EVENT_FOLLOW_UP_SCHEDULED, ProcessIds.END_CASE_CLOSED_FOLLOW_UP_SET);
        ProcessInstance visit = followUp();
        assertThat(visit).as("the visit outlives the closed case").isWaitingAt(ProcessIds.TIMER_FOLLOW_UP_DUE);
        Job due = jobQuery().processInstanceId(visit.getId()).activityId(ProcessIds.TIMER_FOLLOW_UP_DUE).singleResult();
        assertThat(due.getDuedate()).isEqualTo(Date.from(visitDay));
        assertThat(taskQuery().processInstanceId(visit.getId()).count()).as("nothing to do before the day").isZero();

        now(visitDay);
        execute(due);
        Task task = taskQuery().processInstanceId(visit.getId()).taskDefinitionKey(ProcessIds.TASK_FOLLOW_UP_VISIT).singleResult();
        assertThat(task).isAssignedTo("worker.b");
        assertThat(taskService().getIdentityLinksForTask(task.getId()))
                .as("the commune's workers may take it over").anyMatch(l -> "worker-00004".equals(l.getGroupId()));
        assertThat(task.getDueDate()).as("five working days: Tuesday 2 to Tuesday 9 March")
                .isEqualTo(Date.from(Instant.parse("2027-03-08T17:00:00Z")));
        assertThat(jobQuery().processInstanceId(visit.getId()).activityId("Timer_FollowUpVisitOverdue").singleResult()
                .getDuedate()).isEqualTo(task.getDueDate());

        complete(task, Map.of(ProcessIds.VAR_REOPEN, false));
        assertThat(visit).isEnded().hasPassed(ProcessIds.END_FOLLOWED_UP);
        assertThat(callbacks.reopened).isEmpty();
        assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(CASE_NUMBER).count()).isZero();
    }

    @Test
    void aChildAtRiskAtTheFollowUpReopensTheCaseAtANewAssessmentOfRisksAndNeeds() {
        ProcessInstance pi = closable();
        Instant visitDay = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(40));
        completeStep(pi, ProcessIds.TASK_CLOSURE_APPROVAL, closure(visitDay, null));
        ProcessInstance visit = followUp();
        now(visitDay);
        execute(jobQuery().processInstanceId(visit.getId()).activityId(ProcessIds.TIMER_FOLLOW_UP_DUE).singleResult());
        Task task = taskQuery().processInstanceId(visit.getId()).taskDefinitionKey(ProcessIds.TASK_FOLLOW_UP_VISIT).singleResult();
        assertThat(task).as("no one named: any of the commune's workers claims it")
                .hasCandidateGroup("worker-00004").isNotAssigned();

        complete(task, Map.of(ProcessIds.VAR_REOPEN, true));

        assertThat(visit).isEnded().hasPassed(ProcessIds.TASK_REOPEN_CASE, ProcessIds.END_CASE_REOPENED);
        assertThat(callbacks.reopened).containsExactly(caseId);
        ProcessInstance reopened = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(ProcessIds.CASE_PROCESS).processInstanceBusinessKey(CASE_NUMBER).singleResult();
        assertThat(reopened).isWaitingAt(ProcessIds.TASK_RISK_NEEDS_ASSESSMENT);
        assertThat(task(reopened, ProcessIds.TASK_RISK_NEEDS_ASSESSMENT)).hasCandidateGroup("worker-00004");
        escalates(reopened, ProcessIds.TASK_RISK_NEEDS_ASSESSMENT);

        // the reopened case hears a further report as before, and carries on to a plan
        assertThat(workflow.furtherReport(CASE_NUMBER, new ReportRouting(ClockUtil.getCurrentTime().toInstant(),
                false, false, false, null, null))).isTrue();
        completeStep(reopened, ProcessIds.TASK_RISK_NEEDS_ASSESSMENT, Map.of());
        assertThat(reopened).isWaitingAt(ProcessIds.TASK_CASE_MEETING);
    }

    @Test
    void aNamedWorkerWhoLeftTheCommuneMeanwhileLeavesTheVisitToAnyOfItsWorkers() {
        ProcessInstance pi = closable();
        Instant visitDay = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(90));
        completeStep(pi, ProcessIds.TASK_CLOSURE_APPROVAL, closure(visitDay, "worker.gone"));
        ProcessInstance visit = followUp();
        now(visitDay);
        execute(jobQuery().processInstanceId(visit.getId()).activityId(ProcessIds.TIMER_FOLLOW_UP_DUE).singleResult());

        assertThat(taskQuery().processInstanceId(visit.getId()).taskDefinitionKey(ProcessIds.TASK_FOLLOW_UP_VISIT)
                .singleResult()).hasCandidateGroup("worker-00004").isNotAssigned();
    }

    @Test
    void aCaseStartedOnAModelWithoutTheFollowUpEventStillGetsItsVisit() {
        // the case model as deployed before the follow-up visit: no event schedules it
        String older;
        try (var model = getClass().getClassLoader().getResourceAsStream("processes/child-protection-case.bpmn")) {
            older = new String(model.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace(" camunda:expression=\"${followUps.schedule(execution)}\"", "")
                    .replace(ProcessIds.EVENT_FOLLOW_UP_SCHEDULED, "Event_NotThere");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String deployment = engine.getProcessEngine().getRepositoryService().createDeployment()
                .addString("child-protection-case.bpmn", older).deploy().getId();
        try {
            ProcessInstance pi = closable();
            Instant visitDay = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(20));
            completeStep(pi, ProcessIds.TASK_CLOSURE_APPROVAL, closure(visitDay, null));

            assertThat(pi).isEnded().hasNotPassed(ProcessIds.EVENT_FOLLOW_UP_SCHEDULED);
            assertThat(followUp()).as("scheduled when the case closed").isWaitingAt(ProcessIds.TIMER_FOLLOW_UP_DUE);
            assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(ProcessIds.FOLLOW_UP_PROCESS)
                    .count()).as("once").isEqualTo(1);
        } finally {
            engine.getProcessEngine().getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    @Test
    void closingWithoutAFollowUpSchedulesNone() {
        ProcessInstance pi = closable();
        completeStep(pi, ProcessIds.TASK_CLOSURE_APPROVAL, closure(null, null));
        assertThat(pi).isEnded().hasPassed(ProcessIds.END_CASE_CLOSED).hasNotPassed(ProcessIds.EVENT_FOLLOW_UP_SCHEDULED);
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(ProcessIds.FOLLOW_UP_PROCESS).count())
                .isZero();
    }

    /** A case whose review proposed closing: the chair's closure approval is open. */
    private ProcessInstance closable() {
        ProcessInstance pi = startCase(false, false);
        assess(pi, "LOW", false, false);
        completeStep(pi, ProcessIds.TASK_RISK_NEEDS_ASSESSMENT, Map.of());
        completeStep(pi, ProcessIds.TASK_CASE_MEETING, Map.of());
        completeStep(pi, ProcessIds.TASK_PLAN_DRAFT, Map.of());
        completeStep(pi, ProcessIds.TASK_PLAN_APPROVAL, Map.of(ProcessIds.VAR_PLAN_APPROVED, true));
        reviewWith(pi, "CLOSE");
        return pi;
    }

    /** The chair's approval of closing, as the closure step hands it to the engine. */
    private static Map<String, Object> closure(Instant followUpAt, String followUpBy) {
        return OutcomeVariables.of(new vn.childprotection.process.StepOutcome.ClosureDecided(true, followUpAt, followUpBy));
    }

    private static ProcessInstance followUp() {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(ProcessIds.FOLLOW_UP_PROCESS)
                .processInstanceBusinessKey(CASE_NUMBER).singleResult();
    }

    @Test
    void aReviewWithoutARecognisedProposalGoesOnWithThePlan() {
        ProcessInstance pi = startCase(false, false);
        assess(pi, "LOW", false, false);
        completeStep(pi, ProcessIds.TASK_RISK_NEEDS_ASSESSMENT, Map.of());
        completeStep(pi, ProcessIds.TASK_CASE_MEETING, Map.of());
        completeStep(pi, ProcessIds.TASK_PLAN_DRAFT, Map.of());
        completeStep(pi, ProcessIds.TASK_PLAN_APPROVAL, Map.of(ProcessIds.VAR_PLAN_APPROVED, true));

        reviewWith(pi, "SOMETHING_ELSE");

        assertThat(pi).isWaitingAt(ProcessIds.TIMER_REVIEW_DUE).hasNotPassed(ProcessIds.TASK_CLOSURE_APPROVAL);
    }

    @Test
    void planDraftedOverTetIsDueFiveWorkingDaysAfterTheHolidays() {
        ProcessInstance pi = startCase(false, false);
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
        ProcessInstance pi = startCase(false, false);
        assess(pi, "LOW", false, false);
        completeStep(pi, ProcessIds.TASK_RISK_NEEDS_ASSESSMENT, Map.of());
        // Thursday 19 November 2026; weekend 21-22, Vietnamese Culture Day Tuesday 24 November
        now(OffsetDateTime.parse("2026-11-19T14:30:00+07:00").toInstant());
        completeStep(pi, ProcessIds.TASK_CASE_MEETING, Map.of());

        assertThat(task(pi, ProcessIds.TASK_PLAN_DRAFT))
                .hasDueDate(Date.from(OffsetDateTime.parse("2026-11-27T14:30:00+07:00").toInstant()));
    }

    // ---- police: forwarding, 20 days from it, extensions, escalation to the police (items 6-8) ----

    @Test
    void forwardingStartsTheTwentyDaysAndAComplexCaseIsExtendedTwiceByTwoMonths() {
        ProcessInstance pi = startCase(false, false);
        assess(pi, "MEDIUM", false, true);
        ProcessInstance police = referral();

        ProcessInstance escalation = escalates(police, ProcessIds.TASK_POLICE_ACKNOWLEDGE);
        assertThat(task(escalation, ProcessIds.TASK_ESCALATE_FIRST_LEVEL)).hasCandidateGroup("police-supervisor-01");
        assertThat(escalation).hasPassed("End_OneLevel");
        // forwarded an hour before it was entered: the 20 days count from the forwarding
        Instant forwardedAt = ClockUtil.getCurrentTime().toInstant().minus(Duration.ofHours(1));
        complete(task(police, ProcessIds.TASK_POLICE_ACKNOWLEDGE), Map.of(ProcessIds.VAR_FORWARDED_AT, Date.from(forwardedAt)));

        Date twentyDays = Date.from(forwardedAt.plus(Duration.ofDays(20)));
        assertThat(task(police, ProcessIds.TASK_POLICE_OUTCOME)).hasCandidateGroup("police-00004").hasDueDate(twentyDays);
        Job reminder = timer(police, ProcessIds.TIMER_POLICE_OUTCOME_REMINDER);
        assertThat(reminder.getDuedate()).isEqualTo(Date.from(forwardedAt.plus(Duration.ofDays(15))));
        now(forwardedAt.plus(Duration.ofDays(15)));
        execute(reminder);
        assertThat(callbacks.reminders).containsExactly("POLICE_OUTCOME");

        complete(task(police, ProcessIds.TASK_POLICE_OUTCOME), Map.of(ProcessIds.VAR_OUTCOME, "EXTENDED"));
        Instant twoMonths = forwardedAt.atZone(HANOI).plusMonths(2).toInstant();
        assertThat(task(police, ProcessIds.TASK_POLICE_OUTCOME)).as("no escalation at day 20").hasDueDate(Date.from(twoMonths));
        assertThat(timer(police, ProcessIds.overdueTimerOf(ProcessIds.TASK_POLICE_OUTCOME)).getDuedate()).isEqualTo(Date.from(twoMonths));
        complete(task(police, ProcessIds.TASK_POLICE_OUTCOME), Map.of(ProcessIds.VAR_OUTCOME, "EXTENDED"));
        Instant fourMonths = twoMonths.atZone(HANOI).plusMonths(2).toInstant();
        assertThat(task(police, ProcessIds.TASK_POLICE_OUTCOME)).hasDueDate(Date.from(fourMonths));
        assertThat(callbacks.extendedTo).containsExactly(twoMonths, fourMonths);

        escalates(police, ProcessIds.TASK_POLICE_OUTCOME);
        complete(task(police, ProcessIds.TASK_POLICE_OUTCOME), Map.of(ProcessIds.VAR_OUTCOME, "CASE_OPENED"));
        assertThat(police).hasPassed(ProcessIds.END_OUTCOME_RECORDED);
        assertThat(pi).isWaitingAt(ProcessIds.TASK_RISK_NEEDS_ASSESSMENT);
    }

    @Test
    void outcomeArrivingBeforeTheForwardingWasRecordedEndsTheReferral() {
        startCase(false, true);
        ProcessInstance police = referral();
        UUID referralId = UUID.fromString((String) runtimeService().getVariable(police.getId(), ProcessIds.VAR_REFERRAL_ID));

        assertThat(workflow.policeOutcomeArrived(referralId, "NOT_OPENED", "police.a")).isTrue();

        assertThat(police).isEnded().hasPassed(ProcessIds.END_OUTCOME_RECORDED).hasNotPassed(ProcessIds.TASK_POLICE_OUTCOME);
        assertThat(workflow.policeOutcomeArrived(referralId, "REOPENED", "police.a")).as("a later outcome").isFalse();
    }

    @Test
    void outcomeArrivingWhileTheAgencyInvestigatesCompletesTheOutcomeStep() {
        startCase(false, true);
        ProcessInstance police = referral();
        complete(task(police, ProcessIds.TASK_POLICE_ACKNOWLEDGE), Map.of(ProcessIds.VAR_FORWARDED_AT, ClockUtil.getCurrentTime()));
        UUID referralId = UUID.fromString((String) runtimeService().getVariable(police.getId(), ProcessIds.VAR_REFERRAL_ID));

        assertThat(workflow.policeOutcomeArrived(referralId, "CASE_OPENED", "police.a")).isTrue();

        assertThat(police).isEnded().hasPassed(ProcessIds.TASK_POLICE_OUTCOME, ProcessIds.END_OUTCOME_RECORDED);
    }

    @Test
    void aWorkerRefersTheCaseAgainAfterAnEarlierReferralEnded() {
        ProcessInstance pi = startCase(false, true);
        ProcessInstance first = referral();
        UUID firstId = UUID.fromString((String) runtimeService().getVariable(first.getId(), ProcessIds.VAR_REFERRAL_ID));
        workflow.policeOutcomeArrived(firstId, "NOT_OPENED", "police.a");

        UUID second = workflow.referToPolice(CASE_NUMBER, caseId, "00004", "01");

        assertThat(second).isNotEqualTo(firstId);
        assertThat(referral()).isWaitingAt(ProcessIds.TASK_POLICE_ACKNOWLEDGE);
        assertThat(callbacks.referrals).containsExactly(PoliceCallbacks.Source.INTAKE, PoliceCallbacks.Source.WORKER);
        assertThat(pi).isWaitingAt(ProcessIds.TASK_INITIAL_ASSESSMENT);
    }

    @Test
    void movingTheCaseLeavesPoliceWorkWithThePoliceOfThePlace() {
        ProcessInstance pi = startCase(false, true);

        workflow.transfer(CASE_NUMBER, "00070", "01");

        assertThat(task(pi, ProcessIds.TASK_INITIAL_ASSESSMENT)).hasCandidateGroup("worker-00070");
        assertThat(task(referral(), ProcessIds.TASK_POLICE_ACKNOWLEDGE)).hasCandidateGroup("police-00004");
    }

    // ---- helpers ----

    private ProcessInstance startCase(boolean immediateDanger, boolean crimeAtIntake) {
        return workflowStart(new ReportRouting(RECEIVED_AT, immediateDanger, crimeAtIntake, false, "00004", "01"));
    }

    private ProcessInstance workflowStart(ReportRouting report) {
        workflow.startCase(new CaseStart(caseId, CASE_NUMBER, "00004", "01", report));
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(ProcessIds.CASE_PROCESS)
                .processInstanceBusinessKey(CASE_NUMBER).singleResult();
    }

    private void assess(ProcessInstance pi, String level, boolean immediateDanger, boolean crimeSuspected) {
        assess(pi, Map.of("dangerLevel", level, "immediateDanger", immediateDanger, "crimeSuspected", crimeSuspected));
    }

    /** Completes the initial assessment with the facts the triage needs; unnamed facts are false. */
    private void assess(ProcessInstance pi, Map<String, Object> facts) {
        complete(task(pi, ProcessIds.TASK_INITIAL_ASSESSMENT), triage(facts));
    }

    private static Map<String, Object> triage(Map<String, Object> facts) {
        Map<String, Object> variables = new HashMap<>(Map.of("immediateDanger", false, "crimeSuspected", false,
                "caregiverAbuser", false, "sexualAbuse", false, "trafficking", false));
        variables.put("childAge", 9);
        variables.putAll(facts);
        return variables;
    }

    private void separate(ProcessInstance pi, Instant decidedAt) {
        complete(task(pi, ProcessIds.TASK_EMERGENCY_DECISION), Map.of(ProcessIds.VAR_SEPARATED, true,
                ProcessIds.VAR_SEPARATION_STARTED_AT, Date.from(decidedAt)));
    }

    private void completeStep(ProcessInstance pi, String taskKey, Map<String, Object> variables) {
        complete(task(pi, taskKey), variables);
    }

    private void reviewWith(ProcessInstance pi, String outcome) {
        Job due = timer(pi, ProcessIds.TIMER_REVIEW_DUE);
        now(due.getDuedate().toInstant());
        execute(due);
        assertThat(task(pi, ProcessIds.TASK_PLAN_REVIEW)).hasCandidateGroup("worker-00004");
        completeStep(pi, ProcessIds.TASK_PLAN_REVIEW, Map.of(ProcessIds.VAR_REVIEW_OUTCOME, outcome));
    }

    /**
     * The step's deadline timer is due exactly when its task is and fires then: the escalation process
     * starts for the step, which stays open. Returns the escalation's instance.
     */
    private ProcessInstance escalates(ProcessInstance pi, String taskKey) {
        Task step = task(pi, taskKey);
        Job overdue = timer(pi, ProcessIds.overdueTimerOf(taskKey));
        assertThat(overdue.getDuedate()).as("timer of %s at its due date", taskKey).isEqualTo(step.getDueDate());
        now(overdue.getDuedate().toInstant().plusSeconds(1));
        execute(overdue);
        ProcessInstance escalation = escalationOf(pi, taskKey);
        assertThat(escalation).as("escalation of %s", taskKey).isWaitingAt(ProcessIds.TASK_ESCALATE_FIRST_LEVEL);
        assertThat(task(pi, taskKey)).as("%s stays open", taskKey).isNotNull();
        return escalation;
    }

    private static ProcessInstance escalationOf(ProcessInstance pi, String taskKey) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(ProcessIds.ESCALATION_PROCESS)
                .superProcessInstanceId(pi.getId()).variableValueEquals(ProcessIds.VAR_STEP_KEY, taskKey)
                .orderByProcessInstanceId().desc().listPage(0, 1).get(0);
    }

    /** The case's one running police referral. */
    private static ProcessInstance referral() {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(ProcessIds.POLICE_PROCESS)
                .processInstanceBusinessKey(CASE_NUMBER).active().singleResult();
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
