package vn.childprotection.workflow;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Every legal deadline of the process, from {@code child-protection.deadlines} in application.yml. */
@ConfigurationProperties("child-protection")
public record DeadlineProperties(ZoneId zone, Map<String, Rule> deadlines) {

    /** What a deadline counts from: the law names it, or the moment the step can start. */
    public enum Anchor {
        /** {@code receivedAt} of the report: when it was received, which may be before it was entered. */
        REPORT_RECEIVED,
        /** The moment the step's task is created. */
        STEP_STARTED
    }

    public record Rule(Duration duration, Anchor anchor) {
    }
}
