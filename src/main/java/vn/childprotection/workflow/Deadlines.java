package vn.childprotection.workflow;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Locale;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import vn.childprotection.directory.WorkingDayCalendar;
import vn.childprotection.process.StepDeadlines;

/**
 * The one bean the process models ask for due dates, e.g. {@code ${deadlines.due('plan-draft', execution)}}.
 * Durations and anchors come from configuration, never literals in the model; working days skip
 * weekends and the holidays in the directory's calendar, keeping the time of day of the anchor.
 */
public class Deadlines implements StepDeadlines {

    private final DeadlineProperties properties;
    private final Supplier<WorkingDayCalendar> calendar;

    public Deadlines(DeadlineProperties properties, Supplier<WorkingDayCalendar> calendar) {
        this.properties = properties;
        this.calendar = calendar;
    }

    /** The due moment of the named deadline for the step now starting in this scope. */
    public Date due(String name, VariableScope scope) {
        return Date.from(due(name, anchor(rule(name), scope)));
    }

    /** When to remind: the configured time before the deadline (the deadline itself if none is set). */
    public Date reminder(String name, VariableScope scope) {
        return before(name, due(name, scope));
    }

    /** The reminder of the named deadline before a due moment held in the process, e.g. an extended one. */
    public Date before(String name, Date due) {
        DeadlineProperties.Rule rule = rule(name);
        return rule.remindBefore() == null ? due : Date.from(due.toInstant().minus(rule.remindBefore()));
    }

    public Instant due(String name, Instant anchor) {
        DeadlineProperties.Rule rule = rule(name);
        if (rule.duration() != null) {
            return anchor.plus(rule.duration());
        }
        ZonedDateTime start = anchor.atZone(properties.zone());
        if (rule.months() != null) {
            return start.plusMonths(rule.months()).toInstant();
        }
        return calendar.get().plusWorkingDays(start.toLocalDate(), rule.workingDays())
                .atTime(start.toLocalTime()).atZone(properties.zone()).toInstant();
    }

    @Override
    public boolean countsWorkingDays(String stepType) {
        DeadlineProperties.Rule rule = properties.deadlines().get(stepType.toLowerCase(Locale.ROOT).replace('_', '-'));
        return rule != null && rule.workingDays() != null;
    }

    @Override
    public java.util.List<InForce> inForce() {
        return properties.deadlines().entrySet().stream()
                .map(e -> new InForce(e.getKey(), e.getValue().duration(), e.getValue().workingDays(),
                        e.getValue().months(), e.getValue().anchor().name(), e.getValue().remindBefore()))
                .toList();
    }

    public DeadlineProperties.Rule rule(String name) {
        DeadlineProperties.Rule rule = properties.deadlines().get(name);
        if (rule == null) {
            throw new IllegalArgumentException("No deadline named " + name + " in child-protection.deadlines");
        }
        return rule;
    }

    private static Instant anchor(DeadlineProperties.Rule rule, VariableScope scope) {
        return switch (rule.anchor()) {
            case REPORT_RECEIVED -> moment(scope, ProcessIds.VAR_RECEIVED_AT);
            case SEPARATION_DECIDED -> moment(scope, ProcessIds.VAR_SEPARATION_STARTED_AT);
            case FORWARDED -> moment(scope, ProcessIds.VAR_FORWARDED_AT);
            case INVESTIGATION_DUE -> moment(scope, ProcessIds.VAR_INVESTIGATION_DUE_AT);
            // the engine's clock, so that process tests can travel in time
            case STEP_STARTED -> ClockUtil.getCurrentTime().toInstant();
        };
    }

    private static Instant moment(VariableScope scope, String variable) {
        Object value = scope.getVariable(variable);
        if (!(value instanceof Date date)) {
            throw new IllegalStateException("The process has no moment " + variable + " to count a deadline from");
        }
        return date.toInstant();
    }
}
