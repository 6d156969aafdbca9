package vn.childprotection.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.childprotection.directory.Holidays;
import vn.childprotection.directory.WorkingDayCalendar;
import vn.childprotection.process.TaskType;
import vn.childprotection.process.WorkTaskEvent;

/**
 * Deadline reminders: to the assignee, or the group while nobody holds the step, when half of the step's time
 * has passed, and again before the deadline: {@code before-short} (2 hours) before a deadline a day or less
 * away, the working morning before a longer one (at {@code morning}, 07:30, Vietnam time). Planned when the task
 * is created (and again when its deadline moves), dropped when it ends, fired once each by
 * {@link #fireDue(Instant)}.
 */
@Component
class DeadlineReminders {

    enum Kind { HALF, BEFORE }

    private static final Logger log = LoggerFactory.getLogger(DeadlineReminders.class);
    private static final Duration SHORT_STEP = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final Holidays holidays;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Duration beforeShort;
    private final LocalTime morning;

    DeadlineReminders(JdbcClient jdbc, Notifications notifications, Holidays holidays, Clock clock, TransactionTemplate tx,
              @Value("${child-protection.notifications.remind-before-short:PT2H}") Duration beforeShort,
              @Value("${child-protection.notifications.remind-morning:07:30}") LocalTime morning) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.holidays = holidays;
        this.clock = clock;
        this.tx = tx;
        this.beforeShort = beforeShort;
        this.morning = morning;
    }

    @EventListener
    void on(WorkTaskEvent event) {
        if (event instanceof WorkTaskEvent.Created task && task.type() != TaskType.ESCALATION) {
            plan(task.taskId(), task.createdAt(), task.dueAt());
        } else if (event instanceof WorkTaskEvent.Updated moved) {
            // a new deadline (a separation extended): the reminders not yet sent follow it
            jdbc.sql("delete from task_reminder where task_id = ? and fired_at is null").param(moved.taskId()).update();
            jdbc.sql("select created_at from task_inbox where task_id = ?").param(moved.taskId()).query(Timestamp.class)
                    .optional().ifPresent(created -> plan(moved.taskId(), created.toInstant(), moved.dueAt()));
        } else if (event instanceof WorkTaskEvent.Ended ended) {
            jdbc.sql("delete from task_reminder where task_id = ?").param(ended.taskId()).update();
        }
    }

    /** The moments to remind of a step that started then and is due then; none without a deadline. */
    List<Instant> moments(Instant started, Instant due) {
        if (due == null || !due.isAfter(started)) {
            return List.of();
        }
        Instant half = started.plus(Duration.between(started, due).dividedBy(2));
        Instant before;
        if (Duration.between(started, due).compareTo(SHORT_STEP) <= 0) {
            before = due.minus(beforeShort);
        } else {
            WorkingDayCalendar calendar = holidays.calendar();
            LocalDate day = due.atZone(clock.getZone()).toLocalDate().minusDays(1);
            while (!calendar.isWorkingDay(day)) {
                day = day.minusDays(1);
            }
            before = day.atTime(morning).atZone(clock.getZone()).toInstant();
        }
        return before.isAfter(half) && before.isBefore(due) ? List.of(half, before) : List.of(half);
    }

    /** Plans the task's reminders, but none of a kind already sent (a task updated after its first reminder). */
    private void plan(String taskId, Instant started, Instant due) {
        List<String> sent = jdbc.sql("select kind from task_reminder where task_id = ? and fired_at is not null")
                .param(taskId).query(String.class).list();
        List<Instant> at = moments(started, due);
        for (int i = 0; i < at.size(); i++) {
            if (sent.contains(Kind.values()[i].name())) {
                continue;
            }
            jdbc.sql("insert into task_reminder (id, task_id, kind, fire_at) values (?, ?, ?, ?)")
                    .params(UUID.randomUUID(), taskId, Kind.values()[i].name(), Timestamp.from(at.get(i))).update();
        }
    }

    @Scheduled(initialDelayString = "${child-protection.notifications.remind-every:PT1M}",
            fixedDelayString = "${child-protection.notifications.remind-every:PT1M}")
    void remind() {
        try {
            fireDue(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Reminders failed: {}", e.toString());
        }
    }

    /** Sends every reminder due by then, each once (two nodes never both); returns how many were sent. */
    int fireDue(Instant now) {
        List<UUID> due = jdbc.sql("select id from task_reminder where fired_at is null and fire_at <= ? order by fire_at limit 500")
                .param(Timestamp.from(now)).query(UUID.class).list();
        int fired = 0;
        for (UUID id : due) {
            Boolean sent = tx.execute(status -> fire(id, now));
            fired += Boolean.TRUE.equals(sent) ? 1 : 0;
        }
        return fired;
    }

    private boolean fire(UUID id, Instant now) {
        if (jdbc.sql("update task_reminder set fired_at = ? where id = ? and fired_at is null")
                .params(Timestamp.from(now), id).update() != 1) {
            return false;
        }
        return jdbc.sql("""
                        select t.task_id, t.case_id, t.case_number, t.task_type, t.escalated_step, t.due_at, t.assignee,
                               t.candidate_group
                        from task_reminder r join task_inbox t on t.task_id = r.task_id where r.id = ?""")
                .param(id)
                .query((rs, n) -> {
                    notifications.tell(Notifications.Kind.REMINDER, rs.getString(1), rs.getObject(2, UUID.class),
                            rs.getString(3), Notifications.stepKey(TaskType.valueOf(rs.getString(4)), rs.getString(5)),
                            rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8));
                    return true;
                })
                .optional().orElse(false);
    }
}
