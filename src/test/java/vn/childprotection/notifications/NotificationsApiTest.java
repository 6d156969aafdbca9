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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
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
        // the tests gather new work, check plan items and send digests themselves too
        registry.add("child-protection.notifications.remind-every", () -> "PT1H");
        registry.add("child-protection.notifications.digest-cron", () -> "-");
        registry.add("child-protection.notifications.weekly-cron", () -> "-");
        // text messages through a gateway on this machine that records what it got
        registry.add("child-protection.notifications.sms.url", () -> "http://127.0.0.1:" + SMS.port() + "/send?to={to}");
        registry.add("child-protection.notifications.sms.success-pattern", () -> "\\\"status\\\"\\s*:\\s*\\\"ok\\\"");
    }

    static final SmsGatewayOnThisMachine SMS = new SmsGatewayOnThisMachine();

    @Autowired
    Outbox outbox;

    @Autowired
    ManagementService management;

    @Autowired
    DeadlineReminders reminders;

    @Autowired
    NewWorkMail newWork;

    @Autowired
    Digests digests;

    @Autowired
    Preferences preferences;

    @Autowired
    Environment environment;

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
        SMS.received().clear();
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
        jdbc.sql("delete from notification_batch where username = 'worker.a2'").update();
        jdbc.sql("delete from notification_preference where username = 'worker.a2'").update();
        jdbc.sql("delete from notification_quiet_hours where username = 'worker.a2'").update();
        jdbc.sql("delete from recovery_code where username = 'worker.a2'").update();
        jdbc.sql("delete from staff_role where username = 'worker.a2'").update();
        jdbc.sql("delete from staff_user where username = 'worker.a2'").update();
    }

    @AfterAll
    static void stop() {
        smtp.stop();
        SMS.stop();
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
    void twoApplicationInstancesOnOneDatabaseSendEveryMessageOnce() throws Exception {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Map<String, Object> report = report(COMMUNE_A);
            report.put("immediateDanger", true);
            numbers.add(caseNumber(created(report)));
        }
        // a second instance of the application, with its own engine, connection pool and dispatcher, on this database
        try (ConfigurableApplicationContext other = secondInstance()) {
            Outbox theirs = other.getBean(Outbox.class);
            assertThat(theirs).isNotSameAs(outbox);
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> sent = new ArrayList<>();
            for (Outbox node : List.of(outbox, theirs)) {
                sent.add(nodes.submit(() -> {
                    go.await();
                    // small batches, so that the two instances read the same waiting rows again and again
                    int total = 0;
                    for (int cycle = 0; cycle < 200 && waitingAbout(numbers) > 0; cycle++) {
                        total += node.dispatchOnce(3);
                    }
                    return total;
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> f : sent) {
                total += f.get();
            }
            nodes.shutdown();
            assertThat(waitingAbout(numbers)).as("nothing of these cases left waiting").isZero();
            assertThat(total).as("every message of these cases, and any other waiting").isGreaterThanOrEqualTo(12);
        }
        for (String number : numbers) {
            assertThat(mailsAbout(number)).as("mails about %s", number).extracting(NotificationsApiTest::recipient)
                    .containsExactlyInAnyOrder("worker.a@demo.invalid", "hang@phuong-ba-dinh.example");
        }
    }

    @Test
    void aBurstOfMessagesLeavesInOneCycleNotOneBatchEachCycle() throws Exception {
        String marker = "burst-" + System.nanoTime();
        for (int i = 0; i < Outbox.BATCH * 2 + 10; i++) {
            jdbc.sql("""
                            insert into outbox_message (id, channel, recipient, subject, body_text, body_html, status,
                                attempts, next_attempt_at, created_at)
                            values (?, 'EMAIL', 'worker.a@demo.invalid', ?, 'x', '<p>x</p>', 'PENDING', 0, ?, ?)""")
                    .params(java.util.UUID.randomUUID(), marker + " " + i, java.sql.Timestamp.from(java.time.Instant.now()),
                            java.sql.Timestamp.from(java.time.Instant.now()))
                    .update();
        }

        outbox.dispatch();

        assertThat(smtp.getReceivedMessages()).extracting(NotificationsApiTest::subject)
                .filteredOn(subject -> subject.startsWith(marker)).hasSize(Outbox.BATCH * 2 + 10);
    }

    /** Messages of these cases still waiting to be sent. */
    private long waitingAbout(List<String> numbers) {
        return jdbc.sql("""
                        select count(*) from outbox_message o join notification n on n.id = o.notification_id
                        where o.status = 'PENDING' and n.case_number in (:numbers)""")
                .param("numbers", numbers).query(Long.class).single();
    }

    /**
     * The application started a second time in this JVM on the same database (as a second node behind the load
     * balancer would be), with the same mail server and its dispatcher driven by the test.
     */
    private ConfigurableApplicationContext secondInstance() {
        return new SpringApplicationBuilder(vn.childprotection.ChildProtectionApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                // its own engine beside this one's in the JVM's registry of engines
                "--camunda.bpm.process-engine-name=secondNode",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + SMTP_PORT,
                "--child-protection.notifications.dispatch-every=PT1H",
                "--child-protection.notifications.base-url=https://baove.example.vn",
                "--child-protection.notifications.remind-every=PT1H",
                "--child-protection.notifications.digest-cron=-",
                "--child-protection.notifications.weekly-cron=-",
                "--child-protection.notifications.sms.url=http://127.0.0.1:" + SMS.port() + "/send?to={to}",
                "--child-protection.notifications.sms.success-pattern=\\\"status\\\"\\s*:\\s*\\\"ok\\\"");
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
        assertThat(notificationAbout("worker.a", caseNumber).get("kind").asText()).as("a normal report is new work, not urgent")
                .isEqualTo("NEW_TASK");
        outbox.dispatchOnce(10_000);
        assertThat(mailsAbout(caseNumber)).extracting(NotificationsApiTest::recipient)
                .containsExactly("chair.a@demo.invalid");
        assertThat(mailsAbout(caseNumber).get(0).getSubject()).startsWith("[Bảo vệ trẻ em] Quá hạn: ");
    }

    @Test
    void otherNewWorkRingsTheGroupAtOnceAndIsMailedGatheredAtMostEveryHalfHour() throws Exception {
        jdbc.sql("delete from notification_batch where username in ('worker.a', 'worker.a2')").update();
        String first = caseNumber(openCase(COMMUNE_A));
        String second = caseNumber(openCase(COMMUNE_A));
        var line = notificationAbout("worker.a", first);
        assertThat(line.get("kind").asText()).isEqualTo("NEW_TASK");
        assertThat(line.get("title").asText()).startsWith("Việc mới: Đánh giá ban đầu");
        outbox.dispatchOnce(10_000);
        assertThat(newWorkMailsTo("worker.a@demo.invalid")).as("not mailed one by one").isEmpty();

        java.time.Instant now = java.time.Instant.now();
        newWork.gatherDue(now);
        outbox.dispatchOnce(10_000);
        List<MimeMessage> mails = newWorkMailsTo("worker.a@demo.invalid");
        assertThat(mails).as("one message for both").hasSize(1);
        assertThat(text(mails.get(0))).contains(first, second, "https://baove.example.vn/tasks")
                .doesNotContain("Hàng xóm nghe tiếng trẻ khóc");
        assertThat(newWorkMailsTo("hang@phuong-ba-dinh.example")).extracting(NotificationsApiTest::subject)
                .singleElement().asString().startsWith("[Child protection] New work: ");

        String third = caseNumber(openCase(COMMUNE_A));
        newWork.gatherDue(now.plus(java.time.Duration.ofMinutes(10)));
        outbox.dispatchOnce(10_000);
        assertThat(newWorkMailsTo("worker.a@demo.invalid")).as("at most one every half hour").hasSize(1);
        newWork.gatherDue(now.plus(java.time.Duration.ofMinutes(31)));
        outbox.dispatchOnce(10_000);
        mails = newWorkMailsTo("worker.a@demo.invalid");
        assertThat(mails).hasSize(2);
        assertThat(mails.stream().map(m -> {
            try {
                return text(m);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(t -> t.contains(third)).toList()).singleElement().asString().doesNotContain(first);
    }

    @Test
    void theDigestAtSevenListsEachPersonsOverdueWorkAndTheWeeklySummaryTheProvincesOnce() throws Exception {
        String caseId = openCase(COMMUNE_A);
        String number = caseNumber(caseId);
        // long overdue, so that it leads the list however much other tests left open (the digest lists 50)
        jdbc.sql("update task_inbox set due_at = ? where case_id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.parse("2026-01-05T05:00:00Z")), java.util.UUID.fromString(caseId))
                .update();
        java.time.ZoneId vietnam = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
        java.time.LocalDate day = java.time.LocalDate.now(vietnam).plusDays(3);
        java.time.Instant seven = day.atTime(7, 0).atZone(vietnam).toInstant();
        jdbc.sql("delete from notification_digest_run").update();

        assertThat(digests.sendDaily(seven)).isPositive();
        assertThat(digests.sendDaily(seven)).as("once a day, whichever node").isZero();
        outbox.dispatchOnce(10_000);
        List<MimeMessage> digest = mailsTo("worker.a@demo.invalid", "[Bảo vệ trẻ em] Việc của anh/chị ngày ");
        assertThat(digest).hasSize(1);
        String body = text(digest.get(0));
        assertThat(body.substring(body.indexOf("Quá hạn:"), body.indexOf("Đang mở:"))).as("12 hours long past")
                .contains(number, "Đánh giá ban đầu");
        assertThat(body).doesNotContain("Hàng xóm nghe tiếng trẻ khóc");
        assertThat(mailsTo("worker.c@demo.invalid", "[Bảo vệ trẻ em] Việc của anh/chị ngày ")).as("another province's work")
                .allSatisfy(m -> assertThat(text(m)).doesNotContain(number));
        assertThat(mailsTo("admin@demo.invalid", "[Bảo vệ trẻ em]")).as("nothing open, nothing sent").isEmpty();
        assertThat(get("worker.a", "/api/notifications").body().findValuesAsText("kind")).as("not under the bell")
                .doesNotContain("DIGEST");

        assertThat(digests.sendWeekly(seven)).isPositive();
        outbox.dispatchOnce(10_000);
        String communeA = jdbc.sql("select name from commune where code = ?").param(COMMUNE_A).query(String.class).single();
        List<MimeMessage> summary = mailsTo("supervisor.p@demo.invalid", "[Bảo vệ trẻ em] Tuần ");
        assertThat(summary).hasSize(1);
        assertThat(text(summary.get(0))).contains(communeA + ": Đánh giá ban đầu").doesNotContain(number);
        assertThat(mailsTo("worker.a@demo.invalid", "[Bảo vệ trẻ em] Tuần ")).as("for supervisors").isEmpty();
    }

    @Test
    void aCaseMovedIsNewsForBothCommunesAndAPlanSentBackForItsDrafter() throws Exception {
        String caseId = openCase(COMMUNE_A);
        String number = caseNumber(caseId);
        Reply requested = post("supervisor.p", "/api/cases/" + caseId + "/transfer",
                Map.of("communeCode", COMMUNE_C, "reason", "Gia đình chuyển nơi ở"));
        assertThat(requested.status()).isEqualTo(202);
        complete("supervisor.q", caseId, "TRANSFER_ACCEPTANCE", Map.of("accepted", true));

        var movedIn = notificationAbout("worker.c", number);
        assertThat(movedIn.get("kind").asText()).isEqualTo("CASE_NEWS");
        assertThat(movedIn.get("title").asText()).isEqualTo("Có hồ sơ chuyển đến xã, phường của anh/chị: hồ sơ " + number);
        assertThat(movedIn.get("link").asText()).isEqualTo("/cases/" + caseId);
        assertThat(notificationAbout("worker.a", number).get("title").asText()).startsWith("Một hồ sơ đã chuyển sang");
        outbox.dispatchOnce(10_000);
        assertThat(mailsAbout(number)).extracting(NotificationsApiTest::subject)
                .contains("[Bảo vệ trẻ em] Có hồ sơ chuyển đến xã, phường của anh/chị: hồ sơ " + number);

        String planned = openCase(COMMUNE_A);
        String plannedNumber = caseNumber(planned);
        complete("worker.a", planned, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "LOW", "immediateDanger", false,
                "crimeSuspected", false, "summary", "Ổn định"));
        complete("worker.a", planned, "RISK_NEEDS_ASSESSMENT", Map.of("riskLevel", "MEDIUM", "needs", "Tư vấn tâm lý"));
        complete("worker.a", planned, "CASE_MEETING", Map.of("heldOn", todayInVietnam().toString(),
                "participants", "Chủ tịch xã, gia đình", "minutes", "Thống nhất"));
        complete("worker.a", planned, "PLAN_DRAFT", Map.of("goals", "Trẻ đi học đều", "activities", "Tư vấn hằng tuần"));
        complete("chair.a", planned, "PLAN_APPROVAL", Map.of("approved", false, "reason", "Cần thêm trợ giúp pháp lý"));
        var sentBack = get("worker.a", "/api/notifications").body();
        assertThat(sentBack.findValuesAsText("title")).contains("Chủ tịch đã trả lại kế hoạch hỗ trợ: hồ sơ " + plannedNumber);
        assertThat(get("worker.a2", "/api/notifications").body().findValuesAsText("title")).as("the drafter's news")
                .doesNotContain("Chủ tịch đã trả lại kế hoạch hỗ trợ: hồ sơ " + plannedNumber);
    }

    @Test
    void aPoliceOutcomeIsNewsForTheCommunesWorkersWithoutWhatThePoliceFound() throws Exception {
        String caseId = openCase(COMMUNE_A);
        String number = caseNumber(caseId);
        assertThat(post("worker.a", "/api/cases/" + caseId + "/police-referrals", null).status()).isLessThan(300);
        complete("police.a", caseId, "POLICE_ACKNOWLEDGE", Map.of("agency", "Cơ quan CSĐT Công an TP Hà Nội",
                "forwardedAt", java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).withNano(0).toString(),
                "recordNumber", "CA-123/2026", "officer", "Đại úy Lê Văn Cường"));
        complete("police.a", caseId, "POLICE_OUTCOME", Map.of("outcome", "CASE_OPENED", "detail", "Khởi tố vụ án hình sự"));

        String news = "Công an đã báo kết quả điều tra: hồ sơ " + number;
        assertThat(get("worker.a", "/api/notifications").body().findValuesAsText("title")).containsOnlyOnce(news);
        assertThat(get("worker.a2", "/api/notifications").body().findValuesAsText("title")).contains(news);
        outbox.dispatchOnce(10_000);
        List<MimeMessage> mails = mailsTo("worker.a@demo.invalid", "[Bảo vệ trẻ em] " + news);
        assertThat(mails).hasSize(1);
        assertThat(text(mails.get(0))).contains("https://baove.example.vn/cases/" + caseId).doesNotContain("Khởi tố");
    }

    @Test
    void urgentWorkReachesAMobileByTextThroughTheGatewayWhichIsTriedAgainWhenItRefuses() throws Exception {
        jdbc.sql("update staff_user set phone = '0912 345 678' where username = 'worker.a2'").update();
        SMS.answer(200, "{\"status\": \"error\", \"code\": 99}");
        Map<String, Object> report = report(COMMUNE_A);
        report.put("immediateDanger", true);
        String number = caseNumber(created(report));

        outbox.dispatchOnce(10_000);
        assertThat(SMS.received()).as("one text, to the worker with a number").hasSize(1);
        assertThat(jdbc.sql("select status || ':' || attempts from outbox_message where channel = 'SMS' and recipient = '0912 345 678'")
                .query(String.class).list()).as("the gateway answered with an error: kept to try again")
                .containsExactly("PENDING:1");

        SMS.answer(200, "{\"status\": \"ok\"}");
        jdbc.sql("update outbox_message set next_attempt_at = ? where status = 'PENDING' and channel = 'SMS'")
                .param(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1))).update();
        outbox.dispatchOnce(10_000);
        assertThat(SMS.received()).hasSize(2);
        String sent = SMS.received().get(1);
        assertThat(sent).startsWith("/send?to=0912+345+678 ").contains("to=0912+345+678&text=");
        String text = java.net.URLDecoder.decode(sent.substring(sent.indexOf("text=") + 5), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("urgent", number).doesNotContain("Hàng xóm");
        assertThat(jdbc.sql("select status from outbox_message where channel = 'SMS' and recipient = '0912 345 678'")
                .query(String.class).list()).containsExactly("SENT");
        outbox.dispatchOnce(10_000);
        assertThat(SMS.received()).as("once").hasSize(2);
    }

    @Test
    void eachPersonChoosesChannelsAndQuietHoursButUrgentWorkAlwaysRingsTheBell() throws Exception {
        Reply page = get("worker.a2", "/notifications/settings");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().asText()).contains("hang@phuong-ba-dinh.example", "Thông báo của tôi");

        java.time.ZoneId vietnam = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
        preferences.save("worker.a2", Map.of(Preferences.Topic.URGENT, Map.of(Preferences.Channel.EMAIL, false,
                        Preferences.Channel.APP, false)),
                new Preferences.Quiet(java.time.LocalTime.of(21, 0), java.time.LocalTime.of(6, 30)));
        Map<String, Object> report = report(COMMUNE_A);
        report.put("immediateDanger", true);
        String number = caseNumber(created(report));

        assertThat(notificationAbout("worker.a2", number).get("kind").asText()).as("urgent work rings the bell all the same")
                .isEqualTo("URGENT_TASK");
        outbox.dispatchOnce(10_000);
        assertThat(mailsAbout(number)).extracting(NotificationsApiTest::recipient).as("no mail: turned off")
                .containsExactly("worker.a@demo.invalid");

        Preferences.Settings settings = preferences.of("worker.a2");
        java.time.Clock clock = java.time.Clock.system(vietnam);
        java.time.Instant night = java.time.LocalDate.of(2026, 12, 7).atTime(23, 15).atZone(vietnam).toInstant();
        assertThat(settings.mailNotBefore(Preferences.Topic.REMINDER, night, clock)).as("held until the quiet hours end")
                .isEqualTo(java.time.LocalDate.of(2026, 12, 8).atTime(6, 30).atZone(vietnam).toInstant());
        assertThat(settings.mailNotBefore(Preferences.Topic.URGENT, night, clock)).as("urgent mail is never held").isNull();
        assertThat(settings.mailNotBefore(Preferences.Topic.REMINDER,
                java.time.LocalDate.of(2026, 12, 7).atTime(9, 0).atZone(vietnam).toInstant(), clock)).isNull();

        // new work in quiet hours waits, and one message lists it once they end
        String ordinary = caseNumber(openCase(COMMUNE_A));
        newWork.gatherDue(night);
        assertThat(jdbc.sql("select count(*) from notification where username = 'worker.a2' and mail_waiting and case_number = ?")
                .param(ordinary).query(Long.class).single()).as("still waiting in the night").isEqualTo(1);
        newWork.gatherDue(java.time.LocalDate.of(2026, 12, 8).atTime(6, 45).atZone(vietnam).toInstant());
        outbox.dispatchOnce(10_000);
        assertThat(newWorkMailsTo("hang@phuong-ba-dinh.example")).as("one message in the morning").singleElement()
                .satisfies(m -> assertThat(text(m)).contains(ordinary));
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

    private static List<MimeMessage> newWorkMailsTo(String address) throws Exception {
        return mailsTo(address, address.startsWith("hang@") ? "[Child protection] New work" : "[Bảo vệ trẻ em] Việc mới");
    }

    private static List<MimeMessage> mailsTo(String address, String subjectStart) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (recipient(m).equals(address) && m.getSubject().startsWith(subjectStart)) {
                found.add(m);
            }
        }
        return found;
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
