package vn.childprotection.workflow;

import java.util.Map;

/** Ids of the BPMN elements that code and tests name; one place, shared by both. */
public final class ProcessIds {

    public static final String CASE_PROCESS = "ChildProtectionCase";

    public static final String START_REPORT_RECEIVED = "Start_ReportReceived";
    public static final String TASK_INITIAL_ASSESSMENT = "Task_InitialAssessment";
    public static final String TIMER_INITIAL_ASSESSMENT_OVERDUE = "Timer_InitialAssessmentOverdue";
    public static final String TASK_ESCALATE_INITIAL_ASSESSMENT = "Task_EscalateInitialAssessment";
    public static final String END_INITIAL_ASSESSMENT_DONE = "End_InitialAssessmentDone";
    public static final String END_ESCALATION_HANDLED = "End_EscalationHandled";

    /** Process variables: references and routing facts only; the case itself lives in our tables. */
    public static final String VAR_CASE_ID = "caseId";
    public static final String VAR_COMMUNE_CODE = "communeCode";
    public static final String VAR_PROVINCE_CODE = "provinceCode";
    public static final String VAR_RECEIVED_AT = "receivedAt";
    public static final String VAR_EMERGENCY = "emergency";
    public static final String VAR_POLICE_REFERRAL = "policeReferral";

    /** The task type of API.md for each user task of the models. */
    private static final Map<String, String> TASK_TYPES = Map.of(
            TASK_INITIAL_ASSESSMENT, "INITIAL_ASSESSMENT",
            TASK_ESCALATE_INITIAL_ASSESSMENT, "ESCALATION");

    private ProcessIds() {
    }

    public static String taskType(String taskDefinitionKey) {
        String type = TASK_TYPES.get(taskDefinitionKey);
        if (type == null) {
            throw new IllegalStateException("No task type for user task " + taskDefinitionKey);
        }
        return type;
    }
}
