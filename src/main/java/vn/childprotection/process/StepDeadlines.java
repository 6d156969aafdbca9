package vn.childprotection.process;

/** What features may ask of the configured deadlines; implemented by the workflow's deadline rules. */
public interface StepDeadlines {

    /** Whether the step's deadline counts working days (its rule is named after the step: PLAN_DRAFT, plan-draft). */
    boolean countsWorkingDays(String stepType);
}
