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

import vn.childprotection.common.CaseNews;
import vn.childprotection.common.NotFoundException;
import vn.childprotection.directory.Directory;
import vn.childprotection.process.TaskType;
import vn.childprotection.process.WorkTaskEvent;

/**
 * What people are told, written in the transaction of the change that causes it: new urgent work (immediate
 * danger, emergency decision or action) reaches every member of the task's group at once, an escalation whoever
 * receives it (the commune chair, then the province supervisor; police steps the province police supervisor),
 * other new work the group (its e-mail gathered, {@link NewWorkMail}), and news of a case ({@link CaseNews}) the
 * worker concerned or the commune's workers. Each becomes a line under the bell and, as the person chose
 * ({@link Preferences}), an e-mail or for urgent work a text message in the outbox.
 */
@Service
class Notifications {

    enum Kind {
        URGENT_TASK(Preferences.Topic.URGENT), ESCALATION(Preferences.Topic.URGENT), REMINDER(Preferences.Topic.REMINDER),
        NEW_TASK(Preferences.Topic.NEW_WORK), CASE_NEWS(Preferences.Topic.CASE_NEWS), DIGEST(Preferences.Topic.DIGEST),
        WEEKLY_SUMMARY(Preferences.Topic.DIGEST);

        final Preferences.Topic topic;

        Kind(Preferences.Topic topic) {
            this.topic = topic;
        }
    }

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
    private final Preferences preferences;
    private final Clock clock;
    private final int urgentPriority;

    Notifications(JdbcClient jdbc, Directory directory, Outbox outbox, Preferences preferences, Clock clock,
                  @Value("${child-protection.notifications.urgent-priority:100}") int urgentPriority) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.outbox = outbox;
        this.preferences = preferences;
        this.clock = clock;
        this.urgentPriority = urgentPriority;
    }

    @EventListener
    void on(WorkTaskEvent event) {
        if (!(event instanceof WorkTaskEvent.Created task)) {
            return;
        }
        Kind kind = task.type() == TaskType.ESCALATION ? Kind.ESCALATION
                : urgent(task) ? Kind.URGENT_TASK : Kind.NEW_TASK;
        tell(kind, task.taskId(), task.caseId(), task.caseNumber(), stepKey(task.type(), task.escalatedStep()),
                task.dueAt(), task.assignee(), task.candidateGroup());
    }

    @EventListener
    void on(CaseNews news) {
        // a closed case of a commune merged since: the workers of the commune it is now
        List<Directory.Recipient> workers = directory.members("worker-" + directory.current(news.communeCode()));
        // the worker concerned, while they still work for the case's commune; otherwise all its workers
        List<Directory.Recipient> concerned = workers.stream().filter(w -> w.username().equals(news.username())).toList();
        // a case that moved away is no longer theirs to open: the news leads to their inbox
        String link = news.what() == CaseNews.What.CASE_MOVED_OUT ? "/tasks" : "/cases/" + news.caseId();
        tell(Kind.CASE_NEWS, null, news.caseId(), news.caseNumber(), "news." + news.what(), null,
                concerned.isEmpty() ? workers : concerned, link);
    }

    /** The title key of a step: its type, or for an escalation the step it is about. */
    static String stepKey(TaskType type, String escalatedStep) {
        return escalatedStep == null ? "task.type." + type : "task.escalation." + escalatedStep;
    }

    /** Tells the task's assignee, or every member of its group when nobody holds it, in the caller's transaction. */
    void tell(Kind kind, String taskId, UUID caseId, String caseNumber, String stepKey, Instant dueAt, String assignee,
              String group) {
        List<Directory.Recipient> recipients = assignee != null
                ? directory.recipient(assignee).stream().toList()
                : directory.members(group);
        tell(kind, taskId, caseId, caseNumber, stepKey, dueAt, recipients, "/tasks/" + taskId);
    }

    /**
     * Tells each of them as they chose: a line under the bell, an e-mail (new work waits to be gathered; mail that
     * is not urgent waits out quiet hours), a text message for urgent work; in the caller's transaction.
     */
    void tell(Kind kind, String taskId, UUID caseId, String caseNumber, String stepKey, Instant dueAt,
              List<Directory.Recipient> recipients, String link) {
        Instant now = clock.instant();
        for (Directory.Recipient to : recipients) {
            Preferences.Settings settings = preferences.of(to.username());
            boolean inApp = settings.wants(kind.topic, Preferences.Channel.APP);
            boolean mail = settings.wants(kind.topic, Preferences.Channel.EMAIL) && outbox.canMail(to);
            boolean sms = settings.wants(kind.topic, Preferences.Channel.SMS) && outbox.canText(to);
            if (!inApp && !mail && !sms) {
                continue;
            }
            boolean gathered = kind == Kind.NEW_TASK;
            Stored n = new Stored(UUID.randomUUID(), kind, caseNumber, stepKey, dueAt, link, now, false);
            jdbc.sql("""
                            insert into notification (id, username, kind, task_id, case_id, case_number, step_key, due_at,
                                link, created_at, in_app, mail_waiting) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(n.id(), to.username(), kind.name(), taskId, caseId, caseNumber, stepKey,
                            dueAt == null ? null : Timestamp.from(dueAt), link, Timestamp.from(now), inApp,
                            mail && gathered)
                    .update();
            if (mail && !gathered) {
                outbox.mail(to, n, settings.mailNotBefore(kind.topic, now, clock));
            }
            if (sms) {
                outbox.text(to, n);
            }
        }
    }

    /**
     * The emergency steps, and the assessment of a report of immediate danger: the hours the law gives are few.
     * Only the assessment is judged by its priority: a case's later steps carry the triage's priority on, and
     * a plan or a review is not urgent for being in a case that once was.
     */
    private boolean urgent(WorkTaskEvent.Created task) {
        return task.type() == TaskType.EMERGENCY_DECISION || task.type() == TaskType.EMERGENCY_ACTION
                || (task.type() == TaskType.INITIAL_ASSESSMENT && task.priority() >= urgentPriority);
    }

    @Transactional(readOnly = true)
    List<Stored> of(String username, int limit) {
        return jdbc.sql("""
                        select id, kind, case_number, step_key, due_at, link, created_at, read_at from notification
                        where username = ? and in_app order by created_at desc, id limit ?""")
                .params(username, limit)
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), Kind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8) != null))
                .list();
    }

    @Transactional(readOnly = true)
    long unread(String username) {
        return jdbc.sql("select count(*) from notification where username = ? and in_app and read_at is null")
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
