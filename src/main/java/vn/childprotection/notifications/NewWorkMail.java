package vn.childprotection.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.childprotection.common.Messages;
import vn.childprotection.directory.Directory;
import vn.childprotection.directory.StaffUser;

/**
 * New work that is not urgent reaches the group under the bell at once, and by e-mail gathered: one message per
 * person at most every {@code new-work-every} (30 minutes), listing each step still open with its case number and
 * deadline. The person's row in {@code notification_batch}, locked while their message is written, keeps two
 * nodes from both sending it.
 */
@Component
class NewWorkMail {

    private static final Logger log = LoggerFactory.getLogger(NewWorkMail.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    /** The most steps one message lists; the inbox has the rest. */
    private static final int MOST = 50;

    private record Waiting(UUID id, String stepKey, String caseNumber, Instant dueAt, boolean stillTheirs) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Outbox outbox;
    private final Preferences preferences;
    private final Messages messages;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Duration every;

    NewWorkMail(JdbcClient jdbc, Directory directory, Outbox outbox, Preferences preferences, Messages messages,
                Clock clock, TransactionTemplate tx,
                @Value("${child-protection.notifications.new-work-every:PT30M}") Duration every) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.outbox = outbox;
        this.preferences = preferences;
        this.messages = messages;
        this.clock = clock;
        this.tx = tx;
        this.every = every;
    }

    @Scheduled(initialDelayString = "${child-protection.notifications.remind-every:PT1M}",
            fixedDelayString = "${child-protection.notifications.remind-every:PT1M}")
    void gather() {
        try {
            gatherDue(clock.instant());
        } catch (RuntimeException e) {
            log.warn("New work not gathered: {}", e.toString());
        }
    }

    /** Writes the gathered mail of everyone whose last one is at least the interval old; returns how many. */
    int gatherDue(Instant now) {
        List<String> people = jdbc.sql("select distinct username from notification where mail_waiting")
                .query(String.class).list();
        int written = 0;
        for (String username : people) {
            try {
                // the person's row first, in a transaction of its own: two nodes may both try to add it
                tx.executeWithoutResult(s -> jdbc.sql("insert into notification_batch (username) select ? where not exists"
                        + " (select 1 from notification_batch where username = ?)").params(username, username).update());
            } catch (DuplicateKeyException alreadyThere) {
                // another node added it meanwhile
            }
            Boolean sent = tx.execute(s -> gatherFor(username, now));
            written += Boolean.TRUE.equals(sent) ? 1 : 0;
        }
        return written;
    }

    private boolean gatherFor(String username, Instant now) {
        // the row lock: a second node waits here, then finds the interval not yet passed or nothing waiting
        Optional<Timestamp> last = jdbc.sql("select last_sent_at from notification_batch where username = ? for update")
                .param(username).query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1))).single();
        if (last.isPresent() && last.get().toInstant().plus(every).isAfter(now)) {
            return false;
        }
        Optional<Directory.Recipient> to = directory.recipient(username);
        Preferences.Settings settings = preferences.of(username);
        if (to.isPresent() && settings.mailNotBefore(Preferences.Topic.NEW_WORK, now, clock) != null) {
            // quiet hours: the lines keep waiting, and one message lists what is still open when they end
            return false;
        }
        Set<String> groups = directory.user(username).map(StaffUser::groups).orElse(Set.of());
        // every waiting line, and whether its step is still open and still theirs (held by them, or unclaimed in
        // one of their groups): one done, cancelled or moved to another commune meanwhile is not their news any more
        List<Waiting> found = jdbc.sql("""
                        select n.id, n.step_key, n.case_number, n.due_at,
                               case when n.task_id is null or exists (select 1 from task_inbox t where t.task_id = n.task_id
                                   and (t.assignee = :me or (t.assignee is null and t.candidate_group in (:groups))))
                               then 1 else 0 end
                        from notification n where n.username = :me and n.mail_waiting
                        order by n.created_at, n.id""")
                .param("me", username).param("groups", groups.isEmpty() ? Set.of("-") : groups)
                .query((rs, n) -> new Waiting(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getInt(5) == 1))
                .list();
        // only the lines read here are done with: one written meanwhile waits for the next message
        found.forEach(w -> jdbc.sql("update notification set mail_waiting = false where id = ?").param(w.id()).update());
        List<Waiting> waiting = found.stream().filter(Waiting::stillTheirs).toList();
        if (waiting.isEmpty() || to.isEmpty()) {
            return false;
        }
        Locale locale = Outbox.locale(to.get());
        StringBuilder lines = new StringBuilder();
        for (Waiting w : waiting.subList(0, Math.min(MOST, waiting.size()))) {
            String step = messages.textIn(locale, w.stepKey());
            lines.append(lines.length() == 0 ? "- " : "\n- ").append(w.dueAt() == null
                    ? messages.textIn(locale, "mail.lineNoDue", step, w.caseNumber())
                    : messages.textIn(locale, "mail.line", step, w.caseNumber(), WHEN.format(w.dueAt().atZone(clock.getZone()))));
        }
        if (waiting.size() > MOST) {
            lines.append("\n- ... (").append(waiting.size() - MOST).append(')');
        }
        String subject = messages.textIn(locale, "mail.subject.NEW_WORK", waiting.size());
        String text = messages.textIn(locale, "mail.body.NEW_WORK", lines.toString(), outbox.link("/tasks"));
        outbox.mail(to.get(), null, subject, text, null);
        jdbc.sql("update notification_batch set last_sent_at = ? where username = ?").params(Timestamp.from(now), username)
                .update();
        return true;
    }
}
