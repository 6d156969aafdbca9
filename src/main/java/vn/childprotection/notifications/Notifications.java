package vn.childprotection.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.childprotection.common.NotFoundException;
import vn.childprotection.directory.Directory;
import vn.childprotection.process.TaskType;
import vn.childprotection.process.WorkTaskEvent;

/**
 * What people are told, written in the transaction of the engine's change. Now: new urgent work (immediate
 * danger, emergency decision or action) reaches every member of the task's group at once, and an escalation
 * whoever receives it (the commune chair, then the province supervisor; police steps the province police
 * supervisor). Each becomes a line under the bell and, where the person has an address, an e-mail in the outbox.
 */
@Service
class Notifications {

    enum Kind { URGENT_TASK, ESCALATION }

    /** One line under a person's bell, as GET /api/notifications answers it (title in the reader's language). */
    record Line(UUID id, String kind, String title, String link, Instant createdAt, boolean read) {
    }

    /** A notification as stored; the title is written when it is read. */
    record Stored(UUID id, Kind kind, String caseNumber, String stepKey, Instant dueAt, String link, Instant createdAt,
                  boolean read) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Outbox outbox;
    private final Clock clock;
    private final int urgentPriority;

    Notifications(JdbcClient jdbc, Directory directory, Outbox outbox, Clock clock,
                  @Value("${child-protection.notifications.urgent-priority:90}") int urgentPriority) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.outbox = outbox;
        this.clock = clock;
        this.urgentPriority = urgentPriority;
    }

    @EventListener
    void on(WorkTaskEvent event) {
        if (!(event instanceof WorkTaskEvent.Created task)) {
            return;
        }
        Kind kind = task.type() == TaskType.ESCALATION ? Kind.ESCALATION
                : urgent(task) ? Kind.URGENT_TASK : null;
        if (kind == null) {
            return;
        }
        List<Directory.Recipient> recipients = task.assignee() != null
                ? directory.recipient(task.assignee()).stream().toList()
                : directory.members(task.candidateGroup());
        String stepKey = task.escalatedStep() == null ? "task.type." + task.type() : "task.escalation." + task.escalatedStep();
        for (Directory.Recipient to : recipients) {
            UUID id = UUID.randomUUID();
            Stored n = new Stored(id, kind, task.caseNumber(), stepKey, task.dueAt(), "/tasks/" + task.taskId(),
                    clock.instant(), false);
            jdbc.sql("""
                            insert into notification (id, username, kind, task_id, case_id, case_number, step_key, due_at,
                                link, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, to.username(), kind.name(), task.taskId(), task.caseId(), task.caseNumber(), stepKey,
                            task.dueAt() == null ? null : Timestamp.from(task.dueAt()), n.link(),
                            Timestamp.from(n.createdAt()))
                    .update();
            outbox.mail(to, n);
        }
    }

    /** Immediate danger and the emergency steps: the hours the law gives are few. */
    private boolean urgent(WorkTaskEvent.Created task) {
        return task.priority() >= urgentPriority || task.type() == TaskType.EMERGENCY_DECISION
                || task.type() == TaskType.EMERGENCY_ACTION;
    }

    @Transactional(readOnly = true)
    List<Stored> of(String username, int limit) {
        return jdbc.sql("""
                        select id, kind, case_number, step_key, due_at, link, created_at, read_at from notification
                        where username = ? order by created_at desc, id limit ?""")
                .params(username, limit)
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), Kind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8) != null))
                .list();
    }

    @Transactional(readOnly = true)
    long unread(String username) {
        return jdbc.sql("select count(*) from notification where username = ? and read_at is null")
                .param(username).query(Long.class).single();
    }

    /** Marks one of the person's own notifications read; returns where it leads. Another's is not found. */
    @Transactional
    String read(UUID id, String username) {
        String link = jdbc.sql("select link from notification where id = ? and username = ?").params(id, username)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("notification " + id));
        jdbc.sql("update notification set read_at = ? where id = ? and read_at is null")
                .params(Timestamp.from(clock.instant()), id).update();
        return link;
    }
}
