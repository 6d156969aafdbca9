package vn.childprotection.workflow;

import java.util.HashMap;
import java.util.Map;

import vn.childprotection.process.TaskType;

/** Ids of the BPMN and DMN elements that code and tests name; one place, shared by both. */
public final class ProcessIds {

    public static final String CASE_PROCESS = "ChildProtectionCase";
    public static final String POLICE_PROCESS = "PoliceReferral";
    public static final String ESCALATION_PROCESS = "DeadlineEscalation";
    public static final String FOLLOW_UP_PROCESS = "FollowUpVisit";
    public static final String TRIAGE_DECISION = "DangerTriage";
    public static final String MESSAGE_POLICE_OUTCOME = "PoliceOutcome";
    public static final String MESSAGE_POLICE_REFERRAL = "PoliceReferral";
    public static final String MESSAGE_FURTHER_REPORT = "FurtherReport";
    public static final String MESSAGE_TRANSFER_REQUESTED = "TransferRequested";
    public static final String MESSAGE_FOLLOW_UP = "FollowUpVisit";

    // ChildProtectionCase
    public static final String TASK_INITIAL_ASSESSMENT = "Task_InitialAssessment";
    public static final String TASK_DANGER_TRIAGE = "Task_DangerTriage";
    public static final String END_REFERRED_AT_INTAKE = "End_ReferredAtIntake";
    public static final String END_REFERRED_TO_POLICE = "End_ReferredToPolice";
    public static final String END_NO_REFERRAL = "End_NoReferral";
    public static final String END_EMERGENCY_REQUESTED = "End_EmergencyRequested";
    public static final String TASK_EMERGENCY_DECISION = "Task_EmergencyDecision";
    public static final String TASK_EMERGENCY_ACTION = "Task_EmergencyAction";
    public static final String CALL_ALERT_CHILD_NOT_SAFE = "Call_AlertChildNotSafe";
    public static final String TASK_SEPARATION_REVIEW = "Task_SeparationReview";
    public static final String TIMER_SEPARATION_ENDING = "Timer_SeparationEnding";
    public static final String TASK_SEPARATION_ENDED = "Task_SeparationEnded";
    public static final String TASK_RISK_NEEDS_ASSESSMENT = "Task_RiskNeedsAssessment";
    public static final String TASK_CASE_MEETING = "Task_CaseMeeting";
    public static final String TASK_PLAN_DRAFT = "Task_PlanDraft";
    public static final String TASK_PLAN_APPROVAL = "Task_PlanApproval";
    public static final String TIMER_REVIEW_DUE = "Timer_ReviewDue";
    public static final String TASK_PLAN_REVIEW = "Task_PlanReview";
    public static final String TASK_CLOSURE_APPROVAL = "Task_ClosureApproval";
    public static final String TASK_CLOSE_CASE = "Task_CloseCase";
    public static final String END_CASE_CLOSED = "End_CaseClosed";
    public static final String TASK_INITIAL_REASSESSMENT = "Task_InitialReassessment";
    public static final String SUBPROCESS_EMERGENCY = "SubProcess_Emergency";
    public static final String TASK_ACCEPT_TRANSFER = "Task_AcceptTransfer";

    public static final String EVENT_FOLLOW_UP_SCHEDULED = "Event_FollowUpScheduled";
    public static final String END_CASE_CLOSED_FOLLOW_UP_SET = "End_CaseClosedFollowUpSet";

    // FollowUpVisit
    public static final String TIMER_FOLLOW_UP_DUE = "Timer_FollowUpDue";
    public static final String TASK_FOLLOW_UP_VISIT = "Task_FollowUpVisit";
    public static final String TASK_REOPEN_CASE = "Task_ReopenCase";
    public static final String END_CASE_REOPENED = "End_CaseReopened";
    public static final String END_FOLLOWED_UP = "End_FollowedUp";

    // PoliceReferral
    public static final String TASK_POLICE_ACKNOWLEDGE = "Task_PoliceAcknowledge";
    public static final String TASK_POLICE_OUTCOME = "Task_PoliceOutcome";
    public static final String TIMER_POLICE_OUTCOME_REMINDER = "Timer_PoliceOutcomeReminder";
    public static final String TASK_EXTEND_INVESTIGATION = "Task_ExtendInvestigation";
    public static final String END_OUTCOME_RECORDED = "End_OutcomeRecorded";

    // DeadlineEscalation
    public static final String TASK_ESCALATE_FIRST_LEVEL = "Task_EscalateFirstLevel";
    public static final String TASK_ESCALATE_SECOND_LEVEL = "Task_EscalateSecondLevel";
    public static final String TIMER_SECOND_LEVEL = "Timer_SecondLevel";

    /** Process variables: references and routing facts only; the case itself lives in our tables. */
    public static final String VAR_CASE_ID = "caseId";
    public static final String VAR_COMMUNE_CODE = "communeCode";
    public static final String VAR_PROVINCE_CODE = "provinceCode";
    public static final String VAR_RECEIVED_AT = "receivedAt";
    public static final String VAR_CRIME_AT_INTAKE = "crimeAtIntake";
    public static final String VAR_POLICE_CHANNEL = "policeChannel";
    public static final String VAR_OFFENCE_COMMUNE_CODE = "offenceCommuneCode";
    public static final String VAR_OFFENCE_PROVINCE_CODE = "offenceProvinceCode";
    public static final String VAR_INITIAL_ASSESSMENT_DEADLINE = "initialAssessmentDeadline";
    public static final String VAR_ASSESSMENT_PRIORITY = "assessmentPriority";
    public static final String VAR_PRIORITY = "priority";
    public static final String VAR_EMERGENCY = "emergency";
    public static final String VAR_POLICE_REFERRAL = "policeReferral";
    public static final String VAR_CHAIR_DECISION_NEEDED = "chairDecisionNeeded";
    public static final String VAR_START_EMERGENCY = "startEmergency";
    public static final String VAR_START_REFERRAL = "startReferral";
    public static final String VAR_EMERGENCY_RECEIVED_AT = "emergencyReceivedAt";
    public static final String VAR_EMERGENCY_START_ACTION = "emergencyStartAction";
    public static final String VAR_EMERGENCY_START_CHAIR_DECISION = "emergencyStartChairDecision";
    /** Local to an emergency protection: what its triage asked for. */
    public static final String VAR_START_ACTION = "startAction";
    public static final String VAR_START_CHAIR_DECISION = "startChairDecision";
    public static final String VAR_DANGER_LEVEL = "dangerLevel";
    public static final String VAR_IMMEDIATE_DANGER = "immediateDanger";
    public static final String VAR_CRIME_SUSPECTED = "crimeSuspected";
    public static final String VAR_CAREGIVER_ABUSER = "caregiverAbuser";
    public static final String VAR_SEXUAL_ABUSE = "sexualAbuse";
    public static final String VAR_TRAFFICKING = "trafficking";
    public static final String VAR_CHILD_AGE = "childAge";
    public static final String VAR_CHILD_SAFE = "childSafe";
    public static final String VAR_SEPARATED = "separated";
    public static final String VAR_SEPARATION_STARTED_AT = "separationStartedAt";
    public static final String VAR_SEPARATION_ENDS_AT = "separationEndsAt";
    public static final String VAR_SEPARATION_ENDED = "separationEnded";
    public static final String VAR_PLAN_APPROVED = "planApproved";
    public static final String VAR_REVIEW_OUTCOME = "reviewOutcome";
    public static final String VAR_CLOSURE_APPROVED = "closureApproved";
    public static final String VAR_FOLLOW_UP_AT = "followUpAt";
    public static final String VAR_FOLLOW_UP_BY = "followUpBy";
    public static final String VAR_REOPEN = "reopen";
    public static final String VAR_TARGET_COMMUNE_CODE = "targetCommuneCode";
    public static final String VAR_TARGET_PROVINCE_CODE = "targetProvinceCode";
    // PoliceReferral
    public static final String VAR_REFERRAL_ID = "referralId";
    public static final String VAR_FORWARD_DEADLINE = "forwardDeadline";
    public static final String VAR_FORWARDED_AT = "forwardedAt";
    public static final String VAR_INVESTIGATION_DUE_AT = "investigationDueAt";
    public static final String VAR_OUTCOME = "outcome";
    public static final String VAR_EXTENSIONS = "extensions";
    // DeadlineEscalation
    public static final String VAR_STEP = "step";
    public static final String VAR_STEP_KEY = "stepKey";
    public static final String VAR_POLICE = "police";

    /** The deadline of the initial assessment: the report says the child is in immediate danger, or not. */
    public static final String DEADLINE_INITIAL_ASSESSMENT = "initial-assessment";
    public static final String DEADLINE_INITIAL_ASSESSMENT_IMMEDIATE = "initial-assessment-immediate-danger";
    /** The 24 hours of the police count from the referral, or from receipt when the police took the report. */
    public static final String DEADLINE_POLICE_FORWARD = "police-forward";
    public static final String DEADLINE_POLICE_FORWARD_FROM_RECEIPT = "police-forward-from-receipt";

    /** The highest task priority: immediate danger reported, escalations. */
    public static final int PRIORITY_IMMEDIATE_DANGER = 100;
    public static final int PRIORITY_REPORT = 50;

    /** The step of the catalogue (API.md's task type) of each user task of the models. */
    private static final Map<String, TaskType> TASK_TYPES = new HashMap<>();

    static {
        TASK_TYPES.put(TASK_INITIAL_ASSESSMENT, TaskType.INITIAL_ASSESSMENT);
        TASK_TYPES.put(TASK_INITIAL_REASSESSMENT, TaskType.INITIAL_ASSESSMENT);
        TASK_TYPES.put(TASK_EMERGENCY_DECISION, TaskType.EMERGENCY_DECISION);
        TASK_TYPES.put(TASK_EMERGENCY_ACTION, TaskType.EMERGENCY_ACTION);
        TASK_TYPES.put(TASK_SEPARATION_REVIEW, TaskType.SEPARATION_REVIEW);
        TASK_TYPES.put(TASK_RISK_NEEDS_ASSESSMENT, TaskType.RISK_NEEDS_ASSESSMENT);
        TASK_TYPES.put(TASK_CASE_MEETING, TaskType.CASE_MEETING);
        TASK_TYPES.put(TASK_PLAN_DRAFT, TaskType.PLAN_DRAFT);
        TASK_TYPES.put(TASK_PLAN_APPROVAL, TaskType.PLAN_APPROVAL);
        TASK_TYPES.put(TASK_PLAN_REVIEW, TaskType.PLAN_REVIEW);
        TASK_TYPES.put(TASK_CLOSURE_APPROVAL, TaskType.CLOSURE_APPROVAL);
        TASK_TYPES.put(TASK_FOLLOW_UP_VISIT, TaskType.FOLLOW_UP_VISIT);
        TASK_TYPES.put(TASK_POLICE_ACKNOWLEDGE, TaskType.POLICE_ACKNOWLEDGE);
        TASK_TYPES.put(TASK_POLICE_OUTCOME, TaskType.POLICE_OUTCOME);
        TASK_TYPES.put(TASK_ACCEPT_TRANSFER, TaskType.TRANSFER_ACCEPTANCE);
        TASK_TYPES.put(TASK_ESCALATE_FIRST_LEVEL, TaskType.ESCALATION);
        TASK_TYPES.put(TASK_ESCALATE_SECOND_LEVEL, TaskType.ESCALATION);
    }

    private ProcessIds() {
    }

    /** The boundary timer of the step's deadline. */
    public static String overdueTimerOf(String taskKey) {
        return "Timer_" + taskKey.substring("Task_".length()) + "Overdue";
    }

    /** The call of the escalation process when the step's deadline passes. */
    public static String escalationCallOf(String taskKey) {
        return "Call_Escalate" + taskKey.substring("Task_".length());
    }

    public static TaskType taskType(String taskDefinitionKey) {
        TaskType type = TASK_TYPES.get(taskDefinitionKey);
        if (type == null) {
            throw new IllegalStateException("No task type for user task " + taskDefinitionKey);
        }
        return type;
    }
}
