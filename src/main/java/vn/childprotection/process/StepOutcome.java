package vn.childprotection.process;

import java.time.Instant;

/**
 * What a completed step decided, in the words of the law; the workflow alone turns it into the process
 * model's routing facts. A step whose form decides nothing for the process returns {@link #RECORDED}.
 */
public sealed interface StepOutcome {

    /** The form is kept in the case file; the process goes on the same way whatever it said. */
    StepOutcome RECORDED = new Recorded();

    record Recorded() implements StepOutcome {
    }

    /** The initial assessment: the facts the danger triage decides on; the child's age may be unknown. */
    record DangerAssessed(String dangerLevel, boolean immediateDanger, boolean crimeSuspected,
                          boolean caregiverAbuser, boolean sexualAbuse, boolean trafficking, Integer childAge)
            implements StepOutcome {
    }

    /** The chair's emergency decision: whether the child is separated, and since when. */
    record EmergencyDecided(boolean separated, Instant separationStartedAt) implements StepOutcome {
    }

    /** The worker's emergency action: whether the child is safe now. */
    record EmergencyActed(boolean childSafe) implements StepOutcome {
    }

    /** The separation review: the child went home, or the separation runs on until the moment given. */
    record SeparationReviewed(boolean ended, Instant endsAt) implements StepOutcome {
    }

    /** The chair's decision on the plan; a refusal gives its reason. */
    record PlanDecided(boolean approved, String reason) implements StepOutcome {
    }

    /** The plan review's recommendation: CONTINUE, NEW_PLAN or CLOSE. */
    record PlanReviewed(String recommendation) implements StepOutcome {
    }

    /**
     * The chair's decision on closing the case; a closing may set a follow-up visit: from that moment a commune
     * worker (the one named, or any) visits the child, and may reopen the case.
     */
    record ClosureDecided(boolean approved, Instant followUpAt, String followUpBy) implements StepOutcome {

        public ClosureDecided(boolean approved) {
            this(approved, null, null);
        }
    }

    /** The follow-up visit after closing: the child is doing well, or the case opens again. */
    record FollowUpVisited(boolean reopen) implements StepOutcome {
    }

    /** The police recorded the report and forwarded it to the investigation agency at that moment. */
    record ReferralForwarded(Instant forwardedAt) implements StepOutcome {
    }

    /** The investigation's outcome, as API.md names it (CASE_OPENED, NOT_OPENED, EXTENDED, ...). */
    record InvestigationOutcome(String outcome) implements StepOutcome {
    }
}
