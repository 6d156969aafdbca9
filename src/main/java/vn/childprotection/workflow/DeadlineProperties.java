package vn.childprotection.workflow;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Every legal deadline of the process, from {@code child-protection.deadlines} in application.yml. */
@ConfigurationProperties("child-protection")
record DeadlineProperties(ZoneId zone, Map<String, Rule> deadlines) {

    /** What a deadline counts from: the law names it, or else the moment the step can start. */
    enum Anchor {
        /** {@code receivedAt} of the report: when it was received, which may be before it was entered. */
        REPORT_RECEIVED,
        /** The moment the step starts (its task is created, its timer is set). */
        STEP_STARTED,
        /** When the commune chair decided temporary separation (the emergency decision). */
        SEPARATION_DECIDED,
        /** When the commune police forwarded the matter to the investigation agency (Circular 43/2021 Art. 5). */
        FORWARDED,
        /** The investigation deadline in force, which an extension moves (CPC Art. 147). */
        INVESTIGATION_DUE
    }

    /**
     * One of a {@code duration} (hours, days: ISO-8601), a number of {@code workingDays} or of calendar
     * {@code months}; optionally a reminder {@code remindBefore} the deadline.
     */
    record Rule(Duration duration, Integer workingDays, Integer months, Anchor anchor, Duration remindBefore) {

        public Rule {
            int kinds = (duration == null ? 0 : 1) + (workingDays == null ? 0 : 1) + (months == null ? 0 : 1);
            if (kinds != 1) {
                throw new IllegalArgumentException("A deadline needs exactly one of duration, working-days or months");
            }
            if (anchor == null) {
                throw new IllegalArgumentException("A deadline needs the anchor it counts from");
            }
        }
    }
}
