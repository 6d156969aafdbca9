package vn.childprotection.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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

/** The case model alone, on a standalone engine, with the deadlines configured in application.yml. */
@Deployment(resources = "processes/child-protection-case.bpmn")
class ChildProtectionCaseProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    /** Received at 08:00 Hanoi time; entered into the system an hour later. */
    private static final Instant RECEIVED_AT = Instant.parse("2026-11-23T01:00:00Z");
    private static final Instant TWELVE_HOURS_LATER = RECEIVED_AT.plus(Duration.ofHours(12));

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("deadlines", ConfiguredDeadlines.fromApplicationYml());
        ClockUtil.setCurrentTime(Date.from(RECEIVED_AT.plus(Duration.ofHours(1))));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
    }

    @Test
    void reportWaitsForTheCommuneWorkersInitialAssessmentDueTwelveHoursAfterReceipt() {
        ProcessInstance pi = startCase();

        assertThat(pi).isStarted().isWaitingAt(ProcessIds.TASK_INITIAL_ASSESSMENT);
        assertThat(task()).hasCandidateGroup("worker-00004").isNotAssigned()
                .hasDueDate(Date.from(TWELVE_HOURS_LATER));
        assertThat(pi.getBusinessKey()).isEqualTo("CP-2026-000001");
    }

    @Test
    void completingTheAssessmentEndsTheFirstPartWithoutEscalation() {
        ProcessInstance pi = startCase();

        complete(task(pi), withVariables(ProcessIds.VAR_EMERGENCY, true, ProcessIds.VAR_POLICE_REFERRAL, false));

        assertThat(pi).hasPassed(ProcessIds.TASK_INITIAL_ASSESSMENT)
                .hasNotPassed(ProcessIds.TASK_ESCALATE_INITIAL_ASSESSMENT)
                .isEnded();
        assertThat(pi).isEnded().hasPassed(ProcessIds.END_INITIAL_ASSESSMENT_DONE);
    }

    @Test
    void timerIsSetForTwelveHoursAfterReceiptNotAfterEntry() {
        ProcessInstance pi = startCase();

        Job timer = job(pi);
        assertThat(timer.getDuedate()).isEqualTo(Date.from(TWELVE_HOURS_LATER));
        assertThat(taskQuery().taskCandidateGroup("supervisor-01").count()).isZero();
    }

    @Test
    void missedTwelveHourDeadlineGivesTheProvinceSupervisorAnEscalationAndKeepsTheAssessmentOpen() {
        ProcessInstance pi = startCase();

        ClockUtil.setCurrentTime(Date.from(TWELVE_HOURS_LATER.plusSeconds(1)));
        execute(job(pi));

        assertThat(pi).isWaitingAt(ProcessIds.TASK_INITIAL_ASSESSMENT, ProcessIds.TASK_ESCALATE_INITIAL_ASSESSMENT);
        Task escalation = taskQuery().taskDefinitionKey(ProcessIds.TASK_ESCALATE_INITIAL_ASSESSMENT).singleResult();
        assertThat(escalation).hasCandidateGroup("supervisor-01");
        assertThat(taskQuery().taskDefinitionKey(ProcessIds.TASK_INITIAL_ASSESSMENT).singleResult())
                .hasCandidateGroup("worker-00004");

        complete(escalation);
        assertThat(pi).isWaitingAt(ProcessIds.TASK_INITIAL_ASSESSMENT);
        complete(taskQuery().taskDefinitionKey(ProcessIds.TASK_INITIAL_ASSESSMENT).singleResult(),
                withVariables(ProcessIds.VAR_EMERGENCY, false, ProcessIds.VAR_POLICE_REFERRAL, false));
        assertThat(pi).isEnded().hasPassed(ProcessIds.END_ESCALATION_HANDLED, ProcessIds.END_INITIAL_ASSESSMENT_DONE);
    }

    @Test
    void reportEnteredAfterTheDeadlineEscalatesAtOnce() {
        ClockUtil.setCurrentTime(Date.from(TWELVE_HOURS_LATER.plus(Duration.ofHours(3))));
        ProcessInstance pi = startCase();

        Job timer = job(pi);
        assertThat(timer.getDuedate()).isBefore(ClockUtil.getCurrentTime());
        execute(timer);
        assertThat(pi).isWaitingAt(ProcessIds.TASK_INITIAL_ASSESSMENT, ProcessIds.TASK_ESCALATE_INITIAL_ASSESSMENT);
    }

    private static ProcessInstance startCase() {
        return runtimeService().startProcessInstanceByKey(ProcessIds.CASE_PROCESS, "CP-2026-000001",
                Variables.createVariables()
                        .putValue(ProcessIds.VAR_CASE_ID, UUID.randomUUID().toString())
                        .putValue(ProcessIds.VAR_COMMUNE_CODE, "00004")
                        .putValue(ProcessIds.VAR_PROVINCE_CODE, "01")
                        .putValue(ProcessIds.VAR_RECEIVED_AT, Date.from(RECEIVED_AT)));
    }
}
