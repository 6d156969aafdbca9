package vn.childprotection.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.childprotection.process.DeadlineState;
import vn.childprotection.process.WorkTaskEvent;

/**
 * The case timeline: each step as it starts (with its deadline) and ends (when, by whom), and the
 * events between. Kept from the engine's task events in the engine's transaction.
 */
@Component
public class Timeline {

    /** One row of the timeline as stored; titles are added in the caller's language by the view. */
    public record Entry(Instant at, String type, String step, String detail, String actor, Instant dueAt,
                        Instant doneAt, String outcome) {

        public DeadlineState deadline(Clock clock) {
            return DeadlineState.of(dueAt, doneAt, clock);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public Timeline(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(WorkTaskEvent event) {
        if (event instanceof WorkTaskEvent.Created c) {
            jdbc.sql("""
                            insert into case_event (id, case_id, task_id, type, step, occurred_at, due_at)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), c.caseId(), c.taskId(), c.type().name(), c.escalatedStep(),
                            Timestamp.from(c.createdAt()), c.dueAt() == null ? null : Timestamp.from(c.dueAt()))
                    .update();
        } else if (event instanceof WorkTaskEvent.Ended e) {
            jdbc.sql("update case_event set done_at = ?, outcome = ?, actor = ? where task_id = ? and done_at is null")
                    .params(Timestamp.from(clock.instant()), e.completed() ? "DONE" : "CANCELLED", e.assignee(),
                            e.taskId())
                    .update();
        }
    }

    /** An event that is not a task: a report received, the case closed, a reminder, a transfer. */
    public void record(UUID caseId, String type, String detail, String actor) {
        jdbc.sql("insert into case_event (id, case_id, type, detail, occurred_at, actor) values (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), caseId, type, detail, Timestamp.from(clock.instant()), actor)
                .update();
    }

    public List<Entry> of(UUID caseId) {
        return jdbc.sql("""
                        select occurred_at, type, step, detail, actor, due_at, done_at, outcome
                        from case_event where case_id = ? order by occurred_at, id""")
                .param(caseId)
                .query(Timeline::row)
                .list();
    }

    private static Entry row(ResultSet rs, int n) throws SQLException {
        return new Entry(instant(rs.getTimestamp("occurred_at")), rs.getString("type"), rs.getString("step"),
                rs.getString("detail"), rs.getString("actor"), instant(rs.getTimestamp("due_at")),
                instant(rs.getTimestamp("done_at")), rs.getString("outcome"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
