package vn.childprotection.process;

/** The task types of API.md. */
public enum TaskType {
    INITIAL_ASSESSMENT,
    EMERGENCY_DECISION,
    EMERGENCY_ACTION,
    SEPARATION_REVIEW,
    RISK_NEEDS_ASSESSMENT,
    CASE_MEETING,
    PLAN_DRAFT,
    PLAN_APPROVAL,
    PLAN_REVIEW,
    CLOSURE_APPROVAL,
    /** A commune worker visits the child on the day the chair set when closing the case; may reopen it. */
    FOLLOW_UP_VISIT,
    POLICE_ACKNOWLEDGE,
    POLICE_OUTCOME,
    ESCALATION,
    /** The receiving province's supervisor accepts a case moving to their province. */
    TRANSFER_ACCEPTANCE
}
