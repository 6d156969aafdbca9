package vn.childprotection.workflow;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Ids of the BPMN and DMN elements that code and tests name; one place, shared by both. */
public final class ProcessIds {

    public static final String CASE_PROCESS = "ChildProtectionCase";
    public static final String POLICE_PROCESS = "PoliceReferral";
    public static final String TRIAGE_DECISION = "DangerTriage";
    public static final String MESSAGE_POLICE_OUTCOME = "PoliceOutcome";
    public static final String MESSAGE_FURTHER_REPORT = "FurtherReport";

    // ChildProtectionCase
    public static final String TASK_INITIAL_ASSESSMENT = "Task_InitialAssessment";
    public static final String TASK_DANGER_TRIAGE = "Task_DangerTriage";
    public static final String CALL_POLICE_REFERRAL = "Call_PoliceReferral";
    public static final String TASK_EMERGENCY_DECISION = "Task_EmergencyDecision";
    public static final String TASK_EMERGENCY_ACTION = "Task_EmergencyAction";
    public static final String TIMER_SEPARATION_ENDING = "Timer_SeparationEnding";
    public static final String TASK_SEPARATION_REVIEW = "Task_SeparationReview";
    public static final String TASK_RISK_NEEDS_ASSESSMENT = "Task_RiskNeedsAssessment";
    public static final String TASK_CASE_MEETING = "Task_CaseMeeting";
    public static final String TASK_PLAN_DRAFT = "Task_PlanDraft";
    public static final String TASK_PLAN_APPROVAL = "Task_PlanApproval";
    public static final String TIMER_REVIEW_DUE = "Timer_ReviewDue";
    public static final String TASK_PLAN_REVIEW = "Task_PlanReview";
    public static final String TASK_CLOSURE_APPROVAL = "Task_ClosureApproval";
    public static final String TASK_CLOSE_CASE = "Task_CloseCase";
    public static final String END_CASE_CLOSED = "End_CaseClosed";
    public static final String END_NO_POLICE_REFERRAL = "End_NoPoliceReferral";
    public static final String TASK_INITIAL_REASSESSMENT = "Task_InitialReassessment";

    // PoliceReferral
    public static final String TASK_POLICE_ACKNOWLEDGE = "Task_PoliceAcknowledge";
    public static final String TASK_POLICE_OUTCOME = "Task_PoliceOutcome";
    public static final String TIMER_POLICE_OUTCOME_REMINDER = "Timer_PoliceOutcomeReminder";
    public static final String END_OUTCOME_RECORDED = "End_OutcomeRecorded";
    public static final String END_OUTCOME_BY_MESSAGE = "End_OutcomeByMessage";

    /** Process variables: references and routing facts only; the case itself lives in our tables. */
    public static final String VAR_CASE_ID = "caseId";
    public static final String VAR_COMMUNE_CODE = "communeCode";
    public static final String VAR_PROVINCE_CODE = "provinceCode";
    public static final String VAR_RECEIVED_AT = "receivedAt";
    public static final String VAR_PRIORITY = "priority";
    public static final String VAR_EMERGENCY = "emergency";
    public static final String VAR_POLICE_REFERRAL = "policeReferral";
    public static final String VAR_DANGER_LEVEL = "dangerLevel";
    public static final String VAR_IMMEDIATE_DANGER = "immediateDanger";
    public static final String VAR_CRIME_SUSPECTED = "crimeSuspected";
    public static final String VAR_CAREGIVER_ABUSER = "caregiverAbuser";
    public static final String VAR_SEXUAL_ABUSE = "sexualAbuse";
    public static final String VAR_TRAFFICKING = "trafficking";
    public static final String VAR_CHILD_AGE = "childAge";
    public static final String VAR_SEPARATED = "separated";
    public static final String VAR_SEPARATION_STARTED_AT = "separationStartedAt";
    public static final String VAR_PLAN_APPROVED = "planApproved";
    public static final String VAR_REVIEW_OUTCOME = "reviewOutcome";
    public static final String VAR_CLOSURE_APPROVED = "closureApproved";

    /** The task type of API.md for each user task of the models. */
    private static final Map<String, String> TASK_TYPES = new HashMap<>();
    /** For each escalation task, the task type of the step whose deadline was missed. */
    private static final Map<String, String> ESCALATED_STEPS = new HashMap<>();

    static {
        type(TASK_INITIAL_ASSESSMENT, "INITIAL_ASSESSMENT");
        type(TASK_INITIAL_REASSESSMENT, "INITIAL_ASSESSMENT");
        type(TASK_EMERGENCY_DECISION, "EMERGENCY_DECISION");
        type(TASK_EMERGENCY_ACTION, "EMERGENCY_ACTION");
        type(TASK_SEPARATION_REVIEW, "SEPARATION_REVIEW");
        type(TASK_RISK_NEEDS_ASSESSMENT, "RISK_NEEDS_ASSESSMENT");
        type(TASK_CASE_MEETING, "CASE_MEETING");
        type(TASK_PLAN_DRAFT, "PLAN_DRAFT");
        type(TASK_PLAN_APPROVAL, "PLAN_APPROVAL");
        type(TASK_PLAN_REVIEW, "PLAN_REVIEW");
        type(TASK_CLOSURE_APPROVAL, "CLOSURE_APPROVAL");
        type(TASK_POLICE_ACKNOWLEDGE, "POLICE_ACKNOWLEDGE");
        type(TASK_POLICE_OUTCOME, "POLICE_OUTCOME");
    }

    private ProcessIds() {
    }

    /** Registers a step's user task and its escalation task ({@code Task_EscalateX} for {@code Task_X}). */
    private static void type(String taskKey, String type) {
        TASK_TYPES.put(taskKey, type);
        String escalation = escalationOf(taskKey);
        TASK_TYPES.put(escalation, "ESCALATION");
        ESCALATED_STEPS.put(escalation, type);
    }

    /** The escalation task raised when the step's deadline passes. */
    public static String escalationOf(String taskKey) {
        return "Task_Escalate" + taskKey.substring("Task_".length());
    }

    /** The boundary timer of the step's deadline. */
    public static String overdueTimerOf(String taskKey) {
        return "Timer_" + taskKey.substring("Task_".length()) + "Overdue";
    }

    public static String taskType(String taskDefinitionKey) {
        String type = TASK_TYPES.get(taskDefinitionKey);
        if (type == null) {
            throw new IllegalStateException("No task type for user task " + taskDefinitionKey);
        }
        return type;
    }

    /** The step an escalation task is about, empty for other tasks. */
    public static Optional<String> escalatedStep(String taskDefinitionKey) {
        return Optional.ofNullable(ESCALATED_STEPS.get(taskDefinitionKey));
    }
}
