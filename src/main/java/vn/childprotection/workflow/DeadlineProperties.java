package vn.childprotection.workflow;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Every legal deadline of the process, from {@code child-protection.deadlines} in application.yml. */
@ConfigurationProperties("child-protection")
public record DeadlineProperties(ZoneId zone, Map<String, Rule> deadlines) {

    /** What a deadline counts from: the law names it, or else the moment the step can start. */
    public enum Anchor {
        /** {@code receivedAt} of the report: when it was received, which may be before it was entered. */
        REPORT_RECEIVED,
        /** The moment the step starts (its task is created, its timer is set). */
        STEP_STARTED,
        /** When the commune chair decided temporary separation (Mau 07). */
        SEPARATION_DECIDED
    }

    /**
     * Either a {@code duration} (hours, days: ISO-8601) or a number of {@code workingDays}; optionally a
     * reminder {@code remindBefore} the deadline.
     */
    public record Rule(Duration duration, Integer workingDays, Anchor anchor, Duration remindBefore) {

        public Rule {
            if ((duration == null) == (workingDays == null)) {
                throw new IllegalArgumentException("A deadline needs either a duration or working-days, not both");
            }
            if (anchor == null) {
                throw new IllegalArgumentException("A deadline needs the anchor it counts from");
            }
        }
    }
}
