package vn.childprotection.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import vn.childprotection.process.StepOutcome;

/** A step's typed outcome as the routing facts the process models' gateways and timers read. */
final class OutcomeVariables {

    private OutcomeVariables() {
    }

    static Map<String, Object> of(StepOutcome outcome) {
        Map<String, Object> variables = new HashMap<>();
        if (outcome instanceof StepOutcome.DangerAssessed a) {
            // the facts danger-triage.dmn decides on; every input present, childAge may be unknown (null)
            variables.put(ProcessIds.VAR_DANGER_LEVEL, a.dangerLevel());
            variables.put(ProcessIds.VAR_IMMEDIATE_DANGER, a.immediateDanger());
            variables.put(ProcessIds.VAR_CRIME_SUSPECTED, a.crimeSuspected());
            variables.put(ProcessIds.VAR_CAREGIVER_ABUSER, a.caregiverAbuser());
            variables.put(ProcessIds.VAR_SEXUAL_ABUSE, a.sexualAbuse());
            variables.put(ProcessIds.VAR_TRAFFICKING, a.trafficking());
            variables.put(ProcessIds.VAR_CHILD_AGE, a.childAge());
        } else if (outcome instanceof StepOutcome.EmergencyDecided d) {
            variables.put(ProcessIds.VAR_SEPARATED, d.separated());
            if (d.separated()) {
                variables.put(ProcessIds.VAR_SEPARATION_STARTED_AT, date(d.separationStartedAt()));
            }
        } else if (outcome instanceof StepOutcome.EmergencyActed a) {
            // not safe yet: the action stays open for a further attempt and the chair and supervisor are alerted
            variables.put(ProcessIds.VAR_CHILD_SAFE, a.childSafe());
        } else if (outcome instanceof StepOutcome.SeparationReviewed r) {
            variables.put(ProcessIds.VAR_SEPARATION_ENDED, r.ended());
            if (!r.ended()) {
                // the separation now ends when the chair set: its own reminder and escalation
                variables.put(ProcessIds.VAR_SEPARATION_ENDS_AT, date(r.endsAt()));
            }
        } else if (outcome instanceof StepOutcome.PlanDecided d) {
            variables.put(ProcessIds.VAR_PLAN_APPROVED, d.approved());
        } else if (outcome instanceof StepOutcome.PlanReviewed r) {
            variables.put(ProcessIds.VAR_REVIEW_OUTCOME, r.recommendation());
        } else if (outcome instanceof StepOutcome.ClosureDecided d) {
            variables.put(ProcessIds.VAR_CLOSURE_APPROVED, d.approved());
            // the model asks whether a follow-up visit was set: both always present, null when none
            variables.put(ProcessIds.VAR_FOLLOW_UP_AT, d.followUpAt() == null ? null : date(d.followUpAt()));
            variables.put(ProcessIds.VAR_FOLLOW_UP_BY, d.followUpBy());
        } else if (outcome instanceof StepOutcome.FollowUpVisited v) {
            variables.put(ProcessIds.VAR_REOPEN, v.reopen());
        } else if (outcome instanceof StepOutcome.ReferralForwarded f) {
            // the 20 days of Art. 147 count from the forwarding
            variables.put(ProcessIds.VAR_FORWARDED_AT, date(f.forwardedAt()));
        } else if (outcome instanceof StepOutcome.InvestigationOutcome o) {
            variables.put(ProcessIds.VAR_OUTCOME, o.outcome());
        }
        return variables;
    }

    private static Date date(Instant instant) {
        return Date.from(instant);
    }
}
