package vn.childprotection.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.childprotection.common.Messages;
import vn.childprotection.directory.Commune;
import vn.childprotection.directory.Directory;
import vn.childprotection.directory.Role;
import vn.childprotection.directory.RoleGrant;
import vn.childprotection.directory.StaffUser;

/**
 * The daily digest (07:00 Vietnam time by default, {@code digest-cron}): to each person by e-mail, their open and
 * overdue work, the steps they hold and those of their groups nobody holds; and on Mondays ({@code weekly-cron})
 * to each province supervisor the province's overdue work by commune and step. Nothing is sent to someone with
 * nothing open (or, for the summary, nothing overdue). One node sends a period's digest: the period's row in
 * {@code notification_digest_run} is taken first.
 */
@Component
class Digests {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    /** The most lines a digest lists of each part; the inbox has the rest. */
    private static final int MOST = 50;

    private record Work(String taskId, String caseNumber, String stepKey, Instant dueAt) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Outbox outbox;
    private final Preferences preferences;
    private final Messages messages;
    private final Clock clock;
    private final TransactionTemplate tx;

    Digests(JdbcClient jdbc, Directory directory, Outbox outbox, Preferences preferences, Messages messages, Clock clock,
            TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.outbox = outbox;
        this.preferences = preferences;
        this.messages = messages;
        this.clock = clock;
        this.tx = tx;
    }

    @Scheduled(cron = "${child-protection.notifications.digest-cron:0 0 7 * * *}", zone = "${child-protection.zone}")
    void daily() {
        try {
            int sent = sendDaily(clock.instant());
            log.info("Daily digest: {} written", sent);
        } catch (RuntimeException e) {
            log.warn("Daily digest failed: {}", e.toString());
        }
    }

    @Scheduled(cron = "${child-protection.notifications.weekly-cron:0 0 7 * * MON}", zone = "${child-protection.zone}")
    void weekly() {
        try {
            int sent = sendWeekly(clock.instant());
            log.info("Weekly summary: {} written", sent);
        } catch (RuntimeException e) {
            log.warn("Weekly summary failed: {}", e.toString());
        }
    }

    /** Writes the day's digest of everyone with open work, unless it was written already; returns how many. */
    int sendDaily(Instant now) {
        LocalDate day = now.atZone(clock.getZone()).toLocalDate();
        if (!take("DAILY", day.toString(), now)) {
            return 0;
        }
        int written = 0;
        for (StaffUser user : directory.users()) {
            if (user.enabled() && !user.groups().isEmpty()) {
                written += each(user.username(), () -> tx.execute(s -> dailyFor(user, day, now)));
            }
        }
        return written;
    }

    /** Writes the week's summary to every province supervisor whose province has overdue work; returns how many. */
    int sendWeekly(Instant now) {
        LocalDate day = now.atZone(clock.getZone()).toLocalDate();
        if (!take("WEEKLY", day.toString(), now)) {
            return 0;
        }
        int written = 0;
        for (StaffUser user : directory.users()) {
            for (RoleGrant grant : user.grants()) {
                if (user.enabled() && grant.role() == Role.SUPERVISOR && grant.provinceCode() != null) {
                    written += each(user.username(), () -> tx.execute(s -> weeklyFor(user, grant.provinceCode(), day, now)));
                }
            }
        }
        return written;
    }

    /** One person's digest in its own transaction; a failure is logged and the others still get theirs. */
    private static int each(String username, java.util.function.Supplier<Boolean> digest) {
        try {
            return Boolean.TRUE.equals(digest.get()) ? 1 : 0;
        } catch (RuntimeException e) {
            log.warn("Digest for {} not written: {}", username, e.toString());
            return 0;
        }
    }

    /** The period's row: only the node that adds it sends the digest. */
    private boolean take(String kind, String period, Instant now) {
        try {
            tx.executeWithoutResult(s -> jdbc.sql("insert into notification_digest_run (kind, period, started_at) values (?, ?, ?)")
                    .params(kind, period, Timestamp.from(now)).update());
            return true;
        } catch (DuplicateKeyException sentAlready) {
            return false;
        }
    }

    private boolean dailyFor(StaffUser user, LocalDate day, Instant now) {
        Optional<Directory.Recipient> to = directory.recipient(user.username());
        if (to.isEmpty() || !outbox.canMail(to.get())
                || !preferences.of(user.username()).wants(Preferences.Topic.DIGEST, Preferences.Channel.EMAIL)) {
            return false;
        }
        List<Work> work = jdbc.sql("""
                        select task_id, case_number, task_type, escalated_step, due_at from task_inbox
                        where assignee = :me or (assignee is null and candidate_group in (:groups))
                        order by case when due_at is null then 1 else 0 end, due_at, case_number""")
                .param("me", user.username()).param("groups", user.groups())
                .query((rs, n) -> new Work(rs.getString(1), rs.getString(2),
                        Notifications.stepKey(vn.childprotection.process.TaskType.valueOf(rs.getString(3)), rs.getString(4)),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
        if (work.isEmpty()) {
            return false;
        }
        Locale locale = Outbox.locale(to.get());
        List<Work> overdue = work.stream().filter(w -> w.dueAt() != null && w.dueAt().isBefore(now)).toList();
        List<Work> open = work.stream().filter(w -> !overdue.contains(w)).toList();
        String subject = messages.textIn(locale, "mail.subject.DIGEST", DAY.format(day), overdue.size(), open.size());
        String text = messages.textIn(locale, "mail.body.DIGEST", lines(overdue, locale), lines(open, locale),
                outbox.link("/tasks"));
        outbox.mail(to.get(), record(user.username(), Notifications.Kind.DIGEST, "/tasks", now), subject, text,
                preferences.of(user.username()).mailNotBefore(Preferences.Topic.DIGEST, now, clock));
        return true;
    }

    private boolean weeklyFor(StaffUser user, String province, LocalDate day, Instant now) {
        Optional<Directory.Recipient> to = directory.recipient(user.username());
        if (to.isEmpty() || !outbox.canMail(to.get())
                || !preferences.of(user.username()).wants(Preferences.Topic.DIGEST, Preferences.Channel.EMAIL)) {
            return false;
        }
        Locale locale = Outbox.locale(to.get());
        List<String> lines = new ArrayList<>();
        int[] total = {0};
        jdbc.sql("""
                        select commune_code, task_type, escalated_step, count(*) from task_inbox
                        where province_code = ? and due_at < ? group by commune_code, task_type, escalated_step
                        order by commune_code, task_type, escalated_step""")
                .params(province, Timestamp.from(now))
                .query(rs -> {
                    String commune = directory.commune(rs.getString(1)).map(Commune::name).orElse(rs.getString(1));
                    String step = messages.textIn(locale, Notifications.stepKey(
                            vn.childprotection.process.TaskType.valueOf(rs.getString(2)), rs.getString(3)));
                    if (lines.size() < MOST) {
                        lines.add("- " + messages.textIn(locale, "mail.summaryLine", commune, step, rs.getLong(4)));
                    }
                    total[0] += rs.getInt(4);
                });
        if (lines.isEmpty()) {
            return false;
        }
        String provinceName = jdbc.sql("select name from province where code = ?").param(province).query(String.class)
                .optional().orElse(province);
        String subject = messages.textIn(locale, "mail.subject.WEEKLY_SUMMARY", DAY.format(day), total[0]);
        String text = messages.textIn(locale, "mail.body.WEEKLY_SUMMARY", provinceName, String.join("\n", lines),
                outbox.link("/oversight"));
        outbox.mail(to.get(), record(user.username(), Notifications.Kind.WEEKLY_SUMMARY, "/oversight", now), subject,
                text, preferences.of(user.username()).mailNotBefore(Preferences.Topic.DIGEST, now, clock));
        return true;
    }

    private String lines(List<Work> work, Locale locale) {
        if (work.isEmpty()) {
            return messages.textIn(locale, "mail.none");
        }
        List<String> lines = new ArrayList<>();
        for (Work w : work.subList(0, Math.min(MOST, work.size()))) {
            String step = messages.textIn(locale, w.stepKey());
            lines.add("- " + (w.dueAt() == null ? messages.textIn(locale, "mail.lineNoDue", step, w.caseNumber())
                    : messages.textIn(locale, "mail.line", step, w.caseNumber(), WHEN.format(w.dueAt().atZone(clock.getZone())))));
        }
        if (work.size() > MOST) {
            lines.add("- ... (" + (work.size() - MOST) + ")");
        }
        return String.join("\n", lines);
    }

    /** The digest on record (not under the bell: the inbox is there), so the outbox names what it sent. */
    private UUID record(String username, Notifications.Kind kind, String link, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into notification (id, username, kind, step_key, link, created_at, in_app)
                        values (?, ?, ?, ?, ?, ?, false)""")
                .params(id, username, kind.name(), "notification." + kind.name(), link, Timestamp.from(now)).update();
        return id;
    }
}
