package vn.childprotection.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import vn.childprotection.ApiTestBase;

/**
 * Urgent work and escalations reach people in the app and by e-mail, through the outbox, with a real SMTP server
 * (GreenMail, in-process) that the tests read: nothing of the child leaves in a message, an SMTP server that is
 * down delays mail and loses none, and two dispatchers never send a message twice.
 */
class NotificationsApiTest extends ApiTestBase {

    static final int SMTP_PORT = freePort();
    static GreenMail smtp = started();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        // the tests run the dispatcher's cycles themselves
        registry.add("child-protection.notifications.dispatch-every", () -> "PT1H");
        registry.add("child-protection.notifications.base-url", () -> "https://baove.example.vn");
        registry.add("child-protection.notifications.max-attempts", () -> "3");
    }

    @Autowired
    Outbox outbox;

    @Autowired
    ManagementService management;

    @Autowired
    DeadlineReminders reminders;

    @BeforeEach
    void secondWorkerOfCommuneA() {
        forgetSecondWorker();
        // signs in with the demo password, reads English
        jdbc.sql("insert into staff_user (username, display_name, password_hash, enabled, demo, email, language)"
                        + " select 'worker.a2', 'Lý Thị Hằng', password_hash, true, true, 'hang@phuong-ba-dinh.example', 'en'"
                        + " from staff_user where username = 'worker.a'")
                .update();
        jdbc.sql("insert into staff_role (username, role, commune_code) values ('worker.a2', 'WORKER', ?)")
                .param(COMMUNE_A).update();
    }

    @AfterEach
    void removeSecondWorker() throws Exception {
        if (!smtp.isRunning()) {
            smtp = started();
        }
        smtp.purgeEmailFromAllMailboxes();
        forgetSecondWorker();
    }

    /** Everything the second worker left: their notifications and mail, sign-in records, roles and the person. */
    private void forgetSecondWorker() {
        jdbc.sql("delete from outbox_message where notification_id in (select id from notification where username = 'worker.a2')").update();
        jdbc.sql("delete from notification where username = 'worker.a2'").update();
        jdbc.sql("delete from recovery_code where username = 'worker.a2'").update();
        jdbc.sql("delete from staff_role where username = 'worker.a2'").update();
        jdbc.sql("delete from staff_user where username = 'worker.a2'").update();
    }

    @AfterAll
    static void stop() {
        smtp.stop();
    }

    @Test
    void aReportOfImmediateDangerMailsEveryWorkerOfTheCommuneWithinOneCycleAndNothingOfTheChild() throws Exception {
        Map<String, Object> report = report(COMMUNE_A);
        report.put("immediateDanger", true);
        String caseId = created(report);
        String caseNumber = caseNumber(caseId);

        outbox.dispatchOnce(10_000);

        List<MimeMessage> mails = mailsAbout(caseNumber);
        assertThat(mails).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrder("worker.a@demo.invalid", "hang@phuong-ba-dinh.example");
        @SuppressWarnings("unchecked")
        String childName = ((Map<String, Object>) report.get("child")).get("fullName").toString();
        for (MimeMessage mail : mails) {
            String subject = mail.getSubject();
            String body = text(mail);
            assertThat(subject + body).contains(caseNumber)
                    .doesNotContain(childName).doesNotContain("Hàng xóm nghe tiếng trẻ khóc").doesNotContain("Trần Văn Nam");
            assertThat(body).contains("https://baove.example.vn/tasks/");
        }
        MimeMessage english = mails.stream().filter(m -> recipient(m).startsWith("hang@")).findFirst().orElseThrow();
        assertThat(english.getSubject()).startsWith("[Child protection] Urgent: Initial danger assessment");
        MimeMessage vietnamese = mails.stream().filter(m -> recipient(m).startsWith("worker.a@")).findFirst().orElseThrow();
        assertThat(vietnamese.getSubject()).startsWith("[Bảo vệ trẻ em] Việc khẩn: ");
        assertThat(mailsAbout(caseNumber)).as("sent once").hasSize(2);
        outbox.dispatchOnce(10_000);
        assertThat(mailsAbout(caseNumber)).as("a second cycle sends nothing again").hasSize(2);
    }

    @Test
    void theBellListsTheTaskAndOpeningItMarksItRead() {
        Map<String, Object> report = report(COMMUNE_A);
        report.put("immediateDanger", true);
        String caseId = created(report);
        String caseNumber = caseNumber(caseId);
        String taskId = taskOf(caseId, "INITIAL_ASSESSMENT");

        var mine = notificationAbout("worker.a", caseNumber);
        assertThat(mine.get("kind").asText()).isEqualTo("URGENT_TASK");
        assertThat(mine.get("link").asText()).isEqualTo("/tasks/" + taskId);
        assertThat(mine.get("read").asBoolean()).isFalse();
        assertThat(mine.get("title").asText()).contains(caseNumber).startsWith("Việc khẩn");
        assertThat(notificationAbout("worker.c", caseNumber)).as("not another province's").isNull();

        String id = mine.get("id").asText();
        assertThat(post("worker.c", "/api/notifications/" + id + "/read", null).status()).as("not theirs").isEqualTo(404);
        assertThat(post("worker.a", "/api/notifications/" + id + "/read", null).status()).isEqualTo(204);
        assertThat(notificationAbout("worker.a", caseNumber).get("read").asBoolean()).isTrue();
        assertThat(notificationAbout("worker.a2", caseNumber).get("read").asBoolean()).as("each their own").isFalse();
    }

    @Test
    void anSmtpServerThatIsDownDelaysTheMailAndLosesNoneAndSendsItOnce() throws Exception {
        smtp.stop();
        Map<String, Object> report = report(COMMUNE_A);
        report.put("immediateDanger", true);
        String caseNumber = caseNumber(created(report));

        assertThat(outbox.dispatchOnce(10_000)).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from outbox_message o join notification n on n.id = o.notification_id
                        where n.case_number = ? and o.status = 'PENDING' and o.attempts = 1 and o.last_error is not null""")
                .param(caseNumber).query(Long.class).single()).as("kept, to try again later").isEqualTo(2);

        smtp = started();
        outbox.dispatchOnce(10_000);
        assertThat(mailsAbout(caseNumber)).as("not before its back-off").isEmpty();
        // the back-off passes
        jdbc.sql("update outbox_message set next_attempt_at = ? where status = 'PENDING'")
                .param(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1))).update();
        outbox.dispatchOnce(10_000);
        outbox.dispatchOnce(10_000);

        assertThat(mailsAbout(caseNumber)).hasSize(2);
        assertThat(jdbc.sql("""
                        select count(*) from outbox_message o join notification n on n.id = o.notification_id
                        where n.case_number = ? and o.status = 'SENT' and o.attempts = 2""")
                .param(caseNumber).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aMessageThatFailsAfterItsLastAttemptShowsToAdministratorsWithItsError() throws Exception {
        smtp.stop();
        Map<String, Object> report = report(COMMUNE_A);
        report.put("immediateDanger", true);
        String caseNumber = caseNumber(created(report));
        for (int attempt = 0; attempt < 3; attempt++) {
            jdbc.sql("update outbox_message set next_attempt_at = ? where status = 'PENDING'")
                    .param(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1))).update();
            outbox.dispatchOnce(10_000);
        }
        assertThat(jdbc.sql("""
                        select count(*) from outbox_message o join notification n on n.id = o.notification_id
                        where n.case_number = ? and o.status = 'FAILED' and o.attempts = 3""")
                .param(caseNumber).query(Long.class).single()).isEqualTo(2);

        Reply page = get("admin", "/admin/outbox");
        assertThat(page.status()).isEqualTo(200);
        String html = page.body().asText();
        assertThat(html).contains("hang@phuong-ba-dinh.example", caseNumber, "Connection refused");
        assertThat(get("worker.a", "/admin/outbox").status()).isEqualTo(403);
        smtp = started();
        outbox.dispatchOnce(10_000);
        assertThat(mailsAbout(caseNumber)).as("failed for good: not sent again by itself").isEmpty();
    }

    @Test
    void aTwelveHourStepRemindsTheGroupAtSixHoursAndTheAssigneeAtTenOnceEach() throws Exception {
        Map<String, Object> report = report(COMMUNE_A);
        report.put("immediateDanger", true);
        report.put("receivedAt", java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(7)).minusSeconds(5)
                .withNano(0).toString());
        String caseId = created(report);
        String caseNumber = caseNumber(caseId);
        complete("worker.a", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "HIGH", "immediateDanger", true,
                "crimeSuspected", false, "summary", "Nguy hiểm tức thời."));
        String action = taskOf(caseId, "EMERGENCY_ACTION");
        java.time.Instant started = jdbc.sql("select created_at from task_inbox where task_id = ?").param(action)
                .query(java.sql.Timestamp.class).single().toInstant();
        java.time.Instant due = jdbc.sql("select due_at from task_inbox where task_id = ?").param(action)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(java.time.Duration.between(started, due)).as("the 12 hours of the law, from receipt")
                .isBetween(java.time.Duration.ofHours(11).plusMinutes(50), java.time.Duration.ofHours(12));

        reminders.fireDue(started.plus(java.time.Duration.ofHours(5).plusMinutes(50)));
        assertThat(reminded("worker.a", action)).as("not before half the time").isZero();
        reminders.fireDue(started.plus(java.time.Duration.ofHours(6)));
        reminders.fireDue(started.plus(java.time.Duration.ofHours(6).plusMinutes(1)));
        assertThat(reminded("worker.a", action)).as("half the time: the group, once").isEqualTo(1);
        assertThat(reminded("worker.a2", action)).isEqualTo(1);

        assertThat(post("worker.a", "/api/tasks/" + action + "/claim", null).status()).isEqualTo(200);
        reminders.fireDue(due.minus(java.time.Duration.ofHours(2)).plusSeconds(1));
        assertThat(reminded("worker.a", action)).as("two hours before: the one who holds it").isEqualTo(2);
        assertThat(reminded("worker.a2", action)).isEqualTo(1);
        assertThat(notificationAbout("worker.a", caseNumber).get("title").asText()).startsWith("Sắp đến hạn: ");

        outbox.dispatchOnce(10_000);
        // by mail too, in each one's language; the chair was reminded of the emergency decision the same way
        assertThat(mailsAbout(caseNumber)).filteredOn(m -> subject(m).contains("Sắp đến hạn"))
                .extracting(NotificationsApiTest::recipient).containsExactlyInAnyOrder("worker.a@demo.invalid",
                        "worker.a@demo.invalid", "chair.a@demo.invalid", "chair.a@demo.invalid");
        assertThat(mailsAbout(caseNumber)).filteredOn(m -> subject(m).contains("Deadline near"))
                .extracting(NotificationsApiTest::recipient).containsExactly("hang@phuong-ba-dinh.example");
    }

    @Test
    void aStepOfWorkingDaysIsRemindedHalfwayAndOnTheWorkingMorningBefore() {
        // started Monday 30 November 2026, 09:00 Vietnam time; due Monday 7 December
        java.time.Instant started = java.time.Instant.parse("2026-11-30T02:00:00Z");
        java.time.Instant due = java.time.Instant.parse("2026-12-07T02:00:00Z");
        assertThat(reminders.moments(started, due)).containsExactly(
                java.time.Instant.parse("2026-12-03T14:00:00Z"),
                // Friday 4 December, 07:30 (the weekend is skipped)
                java.time.Instant.parse("2026-12-04T00:30:00Z"));
    }

    private long reminded(String user, String taskId) {
        return jdbc.sql("select count(*) from notification where username = ? and task_id = ? and kind = 'REMINDER'")
                .params(user, taskId).query(Long.class).single();
    }

    @Test
    void twoDispatchersAtOnceSendEveryMessageOnce() throws Exception {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> report = report(COMMUNE_A);
            report.put("immediateDanger", true);
            numbers.add(caseNumber(created(report)));
        }
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> sent = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            sent.add(nodes.submit(() -> {
                go.await();
                return outbox.dispatchOnce(10_000);
            }));
        }
        go.countDown();
        int total = 0;
        for (Future<Integer> f : sent) {
            total += f.get();
        }
        nodes.shutdown();

        assertThat(total).as("every message of these cases, and any other waiting").isGreaterThanOrEqualTo(8);
        for (String number : numbers) {
            assertThat(mailsAbout(number)).as("mails about %s", number).hasSize(2);
        }
    }

    @Test
    void aMissedAssessmentReachesTheChairInTheAppAndByMail() throws Exception {
        String caseId = openCase(COMMUNE_A);
        String caseNumber = caseNumber(caseId);
        String processId = jdbc.sql("""
                        select ID_ from ACT_RU_EXECUTION
                        where BUSINESS_KEY_ = ? and PARENT_ID_ is null and PROC_DEF_ID_ like 'ChildProtectionCase:%'""")
                .param(caseNumber).query(String.class).single();
        management.executeJob(management.createJobQuery().processInstanceId(processId)
                .activityId("Timer_InitialAssessmentOverdue").singleResult().getId());

        assertThat(notificationAbout("chair.a", caseNumber).get("kind").asText()).isEqualTo("ESCALATION");
        assertThat(notificationAbout("worker.a", caseNumber)).as("a normal report is not urgent").isNull();
        outbox.dispatchOnce(10_000);
        assertThat(mailsAbout(caseNumber)).extracting(NotificationsApiTest::recipient)
                .containsExactly("chair.a@demo.invalid");
        assertThat(mailsAbout(caseNumber).get(0).getSubject()).startsWith("[Bảo vệ trẻ em] Quá hạn: ");
    }

    private String created(Map<String, Object> report) {
        Reply reply = post("intake", "/api/reports", report);
        assertThat(reply.status()).isEqualTo(201);
        return reply.body().get("caseId").asText();
    }

    private String caseNumber(String caseId) {
        return get("supervisor.p", "/api/cases/" + caseId).body().get("caseNumber").asText();
    }

    private com.fasterxml.jackson.databind.JsonNode notificationAbout(String user, String caseNumber) {
        for (var n : get(user, "/api/notifications").body()) {
            if (n.get("title").asText().contains(caseNumber)) {
                return n;
            }
        }
        return null;
    }

    private static List<MimeMessage> mailsAbout(String caseNumber) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().contains(caseNumber)) {
                found.add(m);
            }
        }
        return found;
    }

    /** The plain-text part, decoded, as a mail program shows it. */
    private static String text(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                String found = text(multi.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail started() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
