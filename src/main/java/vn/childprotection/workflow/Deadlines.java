package vn.childprotection.workflow;

import java.time.Instant;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * The one bean the process models ask for due dates: {@code ${deadlines.due('initial-assessment', receivedAt)}}.
 * Durations come from configuration, never literals in the model.
 */
@Component("deadlines")
public class Deadlines {

    private final DeadlineProperties properties;

    public Deadlines(DeadlineProperties properties) {
        this.properties = properties;
    }

    /** The due moment of the named deadline, counted from its anchor. */
    public Date due(String name, Date anchor) {
        if (anchor == null) {
            throw new IllegalArgumentException("Deadline " + name + " needs the moment it counts from");
        }
        return Date.from(due(name, anchor.toInstant()));
    }

    public Instant due(String name, Instant anchor) {
        return anchor.plus(rule(name).duration());
    }

    public DeadlineProperties.Rule rule(String name) {
        DeadlineProperties.Rule rule = properties.deadlines().get(name);
        if (rule == null) {
            throw new IllegalArgumentException("No deadline named " + name + " in child-protection.deadlines");
        }
        return rule;
    }
}
