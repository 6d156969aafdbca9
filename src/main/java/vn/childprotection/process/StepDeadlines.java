package vn.childprotection.process;

/** What features may ask of the configured deadlines; implemented by the workflow's deadline rules. */
public interface StepDeadlines {

    /** Whether the step's deadline counts working days (its rule is named after the step: PLAN_DRAFT, plan-draft). */
    boolean countsWorkingDays(String stepType);

    /**
     * A deadline as configured: its name in {@code child-protection.deadlines}; one of a duration (ISO-8601),
     * working days or calendar months; what it counts from; how long before it a reminder goes, if any.
     */
    record InForce(String name, java.time.Duration duration, Integer workingDays, Integer months, String anchor,
                   java.time.Duration remindBefore) {
    }

    /** Every deadline in force, in the order of the configuration. */
    java.util.List<InForce> inForce();
}
