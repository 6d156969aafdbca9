package vn.childprotection.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

    private record Waiting(String stepKey, String caseNumber, Instant dueAt) {
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
        // the steps still open; one already done or cancelled is not news any more
        List<Waiting> waiting = jdbc.sql("""
                        select n.step_key, n.case_number, n.due_at from notification n
                        where n.username = ? and n.mail_waiting
                          and (n.task_id is null or exists (select 1 from task_inbox t where t.task_id = n.task_id))
                        order by n.created_at, n.id""")
                .param(username)
                .query((rs, n) -> new Waiting(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .list();
        jdbc.sql("update notification set mail_waiting = false where username = ? and mail_waiting").param(username)
                .update();
        Optional<Directory.Recipient> to = directory.recipient(username);
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
        Preferences.Settings settings = preferences.of(username);
        outbox.mail(to.get(), null, subject, text, settings.mailNotBefore(Preferences.Topic.NEW_WORK, now, clock));
        jdbc.sql("update notification_batch set last_sent_at = ? where username = ?").params(Timestamp.from(now), username)
                .update();
        return true;
    }
}
