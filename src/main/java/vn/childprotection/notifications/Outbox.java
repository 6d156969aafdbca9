package vn.childprotection.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import jakarta.mail.internet.MimeMessage;
import vn.childprotection.common.Messages;
import vn.childprotection.directory.Directory;

/**
 * E-mail and text messages through an outbox. A message is written with the notification that causes it, rendered
 * in the recipient's language, and holds no case content: the case number, the step, its deadline and a link to
 * sign in. The dispatcher claims each message with a conditional update (only one node wins a row, on PostgreSQL as
 * on H2), sends it, and marks it sent; a failed send is tried again later, each time waiting twice as long up to
 * {@code max-retry-interval} (so the default 60 attempts span about a day), and after the last attempt the message is FAILED with its error for administrators to see. Where no SMTP server is
 * configured ({@code spring.mail.host}), no e-mail is written to the outbox; where no SMS gateway is
 * ({@link HttpSmsGateway}), no text message.
 */
@Component
class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    enum Channel { EMAIL, SMS }
    /** Messages one dispatch cycle claims at a time. */
    static final int BATCH = 100;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final ObjectProvider<SmsGateway> sms;
    private final Messages messages;
    private final Clock clock;
    private final String baseUrl;
    private final String from;
    private final int maxAttempts;
    private final Duration firstRetry;
    private final Duration maxRetryInterval;
    private final Duration claimFor;
    /** This node's name, in the claims it makes (each claim is unique: two nodes never send the same message). */
    private final String node;

    Outbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, ObjectProvider<SmsGateway> sms, Messages messages, Clock clock,
           @Value("${child-protection.notifications.base-url:http://localhost:8080}") String baseUrl,
           @Value("${child-protection.notifications.mail-from:bao-ve-tre-em@localhost}") String from,
           @Value("${child-protection.notifications.max-attempts:60}") int maxAttempts,
           @Value("${child-protection.notifications.first-retry:PT1M}") Duration firstRetry,
           @Value("${child-protection.notifications.max-retry-interval:PT30M}") Duration maxRetryInterval,
           @Value("${child-protection.notifications.claim-for:PT5M}") Duration claimFor,
           @Value("${spring.mail.host:}") String mailHost, @Value("${child-protection.node-id:node}") String nodeId) {
        this.jdbc = jdbc;
        this.node = nodeId.substring(0, Math.min(60, nodeId.length())); // claimed_by: 100 with "/" and a UUID
        this.mail = mailHost.isBlank() ? null : mail; // docker-compose.yml passes an empty host when there is no server
        this.sms = sms;
        this.messages = messages;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.from = from;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
        this.maxRetryInterval = maxRetryInterval;
        this.claimFor = claimFor;
    }

    /** Whether an e-mail can reach this person: they gave an address and a server is configured. */
    boolean canMail(Directory.Recipient to) {
        return to.email() != null && !to.email().isBlank() && mail != null && mail.getIfAvailable() != null;
    }

    /** Whether a text message can reach this person: they gave a number and a gateway is configured. */
    boolean canText(Directory.Recipient to) {
        return to.phone() != null && !to.phone().isBlank() && sms.getIfAvailable() != null;
    }

    /** Writes the e-mail of a notification, in the caller's transaction, to leave at {@code notBefore} (null: at once). */
    void mail(Directory.Recipient to, Notifications.Stored n, Instant notBefore) {
        if (!canMail(to)) {
            return;
        }
        Locale locale = locale(to);
        String step = messages.textIn(locale, n.stepKey());
        String due = n.dueAt() == null ? "" : WHEN.format(n.dueAt().atZone(clock.getZone()));
        String link = baseUrl + n.link();
        String subject = messages.textIn(locale, "mail.subject." + n.kind(), step, n.caseNumber());
        String text = messages.textIn(locale, "mail.body." + n.kind(), step, n.caseNumber(), due, link);
        write(Channel.EMAIL, to.email(), n.id(), subject, text, notBefore);
    }

    /** Writes the text message of urgent work or an escalation: the step, the case number, the deadline. */
    void text(Directory.Recipient to, Notifications.Stored n) {
        if (!canText(to)) {
            return;
        }
        Locale locale = locale(to);
        String due = n.dueAt() == null ? "" : WHEN.format(n.dueAt().atZone(clock.getZone()));
        String text = messages.textIn(locale, "sms." + n.kind(), messages.textIn(locale, n.stepKey()), n.caseNumber(), due);
        write(Channel.SMS, to.phone(), n.id(), "", text, null);
    }

    /** An e-mail of the person's own making ({@link NewWorkMail}, {@link Digests}): subject and plain text. */
    void mail(Directory.Recipient to, UUID notificationId, String subject, String text, Instant notBefore) {
        if (canMail(to)) {
            write(Channel.EMAIL, to.email(), notificationId, subject, text, notBefore);
        }
    }

    /** The address links in messages lead to. */
    String link(String path) {
        return baseUrl + path;
    }

    static Locale locale(Directory.Recipient to) {
        return Locale.forLanguageTag(to.language() == null ? "vi" : to.language());
    }

    private void write(Channel channel, String recipient, UUID notificationId, String subject, String text,
                       Instant notBefore) {
        String html = channel != Channel.EMAIL ? "" : "<p>" + HtmlUtils.htmlEscape(text, "UTF-8").replace("\n\n", "</p><p>")
                .replace("\n", "<br>").replaceAll("(https?://[^\\s<]+)", "<a href=\"$1\">$1</a>") + "</p>";
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into outbox_message (id, notification_id, channel, recipient, subject, body_text, body_html,
                            status, attempts, next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
                .params(UUID.randomUUID(), notificationId, channel.name(), recipient, subject, text, html,
                        Timestamp.from(notBefore != null && notBefore.isAfter(now) ? notBefore : now), Timestamp.from(now))
                .update();
    }

    @Scheduled(initialDelayString = "${child-protection.notifications.dispatch-every:PT30S}",
            fixedDelayString = "${child-protection.notifications.dispatch-every:PT30S}")
    void dispatch() {
        try {
            // a full batch means more wait (a burst of urgent work): go on at once, well within the claims' time
            Instant started = clock.instant();
            int sent;
            do {
                sent = dispatchOnce(BATCH);
            } while (sent == BATCH && Duration.between(started, clock.instant()).compareTo(claimFor.dividedBy(2)) < 0);
        } catch (RuntimeException e) {
            // the next cycle tries again; nothing is lost, the messages stay in the outbox
            log.warn("Outbox dispatch failed: {}", e.toString());
        }
    }

    /** One cycle: claims up to {@code batch} due messages and sends them; returns how many were sent. */
    int dispatchOnce(int batch) {
        JavaMailSender sender = mail == null ? null : mail.getIfAvailable();
        SmsGateway gateway = sms.getIfAvailable();
        List<String> channels = new ArrayList<>();
        if (sender != null) {
            channels.add(Channel.EMAIL.name());
        }
        if (gateway != null) {
            channels.add(Channel.SMS.name());
        }
        if (channels.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<UUID> due = jdbc.sql("""
                        select id from outbox_message where status = 'PENDING' and next_attempt_at <= :now
                          and (claimed_until is null or claimed_until < :now) and channel in (:channels)
                        order by next_attempt_at, id limit :batch""")
                .param("now", Timestamp.from(now)).param("channels", channels).param("batch", batch)
                .query(UUID.class).list();
        int sent = 0;
        for (UUID id : due) {
            Instant claimedAt = clock.instant();
            if (Duration.between(now, claimedAt).compareTo(claimFor.dividedBy(2)) > 0) {
                // a slow cycle stops well before its claims could lapse; the next cycle goes on
                break;
            }
            String claim = node + "/" + UUID.randomUUID();
            // the row is ours only if nobody claimed it since we read it: the update re-checks under the row lock
            int claimed = jdbc.sql("""
                            update outbox_message set claimed_by = ?, claimed_until = ?
                            where id = ? and status = 'PENDING' and (claimed_until is null or claimed_until < ?)""")
                    .params(claim, Timestamp.from(claimedAt.plus(claimFor)), id, Timestamp.from(claimedAt)).update();
            if (claimed == 1 && send(sender, gateway, id, claim)) {
                sent++;
            }
        }
        return sent;
    }

    private record Message(Channel channel, String recipient, String subject, String text, String html, int attempts) {
    }

    private boolean send(JavaMailSender sender, SmsGateway gateway, UUID id, String claim) {
        var message = jdbc.sql("select channel, recipient, subject, body_text, body_html, attempts from outbox_message"
                        + " where id = ? and claimed_by = ?")
                .params(id, claim)
                .query((rs, n) -> new Message(Channel.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6)))
                .optional();
        if (message.isEmpty()) {
            return false;
        }
        Message m = message.get();
        int attempts = m.attempts() + 1;
        try {
            if (m.channel() == Channel.SMS) {
                gateway.send(m.recipient(), m.text());
            } else {
                MimeMessage mime = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
                helper.setFrom(from);
                helper.setTo(m.recipient());
                helper.setSubject(m.subject());
                helper.setText(m.text(), m.html());
                sender.send(mime);
            }
        } catch (Exception e) {
            boolean last = attempts >= maxAttempts;
            Duration wait = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
            Instant next = clock.instant().plus(wait.compareTo(maxRetryInterval) > 0 ? maxRetryInterval : wait);
            String error = String.valueOf(e.getMessage());
            jdbc.sql("""
                            update outbox_message set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?,
                                claimed_by = null, claimed_until = null where id = ? and claimed_by = ?""")
                    .params(last ? "FAILED" : "PENDING", attempts, Timestamp.from(next),
                            error.length() > 1000 ? error.substring(0, 1000) : error, id, claim)
                    .update();
            log.warn("{} {} not sent (attempt {} of {}): {}", m.channel(), id, attempts, maxAttempts, error);
            return false;
        }
        return jdbc.sql("""
                        update outbox_message set status = 'SENT', attempts = ?, sent_at = ?, claimed_by = null,
                            claimed_until = null, last_error = null where id = ? and claimed_by = ?""")
                .params(attempts, Timestamp.from(clock.instant()), id, claim).update() == 1;
    }
}
