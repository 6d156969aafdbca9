package vn.childprotection.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import vn.childprotection.workflow.ProcessIds;

/**
 * One case walked through the pages as the people who do the work would: intake, assessment, the
 * chair's emergency decision, the police, the plan, its approval, the review and the closure.
 */
class CaseWalkBrowserTest extends BrowserTestBase {

    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static final String SCRIPT = "<script>alert('x')</script>";

    @Test
    void oneCaseFromReportToClosure() {
        // the intake officer records the report
        signIn("intake", "demo");
        wait.until(ExpectedConditions.urlContains("/reports/new"));
        assertThat(heading()).isEqualTo("Tiếp nhận tin báo (Mẫu 01)");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        String childName = "Phạm Thị Lan " + System.nanoTime() % 100_000;
        new Select(browser.findElement(By.name("channel"))).selectByValue("HOTLINE_111");
        new Select(browser.findElement(By.name("communeCode"))).selectByValue("00004");
        type("child.fullName", childName);
        new Select(browser.findElement(By.name("child.sex"))).selectByValue("FEMALE");
        type("child.ageYears", "11");
        browser.findElement(By.cssSelector("input[name=harmTypes][value=SEXUAL_ABUSE]")).click();
        type("description", "Cô giáo báo trẻ bị cha dượng xâm hại. " + SCRIPT);
        browser.findElement(By.name("immediateDanger")).click();
        new Select(browser.findElement(By.name("allegedAbuser.relationship"))).selectByValue("STEP_PARENT");
        screenshot("intake-form");
        browser.findElement(By.cssSelector("#reportform button[type=submit]")).click();
        WebElement receipt = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
        screenshot("intake-received");
        Matcher number = Pattern.compile("CP-\\d{4}-\\d{6}").matcher(receipt.getText());
        assertThat(number.find()).as("the case number is shown: %s", receipt.getText()).isTrue();
        String caseNumber = number.group();
        String caseUrl = receipt.findElement(By.tagName("a")).getAttribute("href");

        // the supervisor sees it on the dashboard while it is open
        signIn("supervisor.p", "demo");
        wait.until(ExpectedConditions.urlContains("/oversight"));
        assertThat(body()).contains(caseNumber, "Đánh giá ban đầu mức độ nguy hiểm");
        assertThat(Integer.parseInt(browser.findElement(By.id("open-total")).getText())).isPositive();
        screenshot("supervisor-dashboard");

        // the worker claims the assessment; a missing field is shown beside it and nothing typed is lost
        signIn("worker.a", "demo");
        wait.until(ExpectedConditions.urlContains("/tasks"));
        screenshot("worker-inbox");
        // a report of immediate danger rang the worker's bell: the list leads to the task, and opening it reads it
        int unread = bellCount();
        assertThat(unread).isPositive();
        follow(By.cssSelector("header a.bell"));
        WebElement line = browser.findElement(By.xpath("//ul[@class='notifications']/li[contains(., '" + caseNumber + "')]"));
        assertThat(line.getText()).contains("Việc khẩn", "Đánh giá ban đầu mức độ nguy hiểm", caseNumber, "Mới");
        screenshot("notifications");
        follow(By.xpath("//ul[@class='notifications']/li[contains(., '" + caseNumber + "')]/a"));
        assertThat(browser.getCurrentUrl()).contains("/tasks/");
        assertThat(heading()).contains("Đánh giá ban đầu");
        assertThat(bellCount()).isEqualTo(unread - 1);
        browser.get(url("/tasks"));
        claim(caseNumber, "INITIAL_ASSESSMENT");
        assertThat(body()).contains("Bạn đã nhận việc này.", caseNumber);
        choose("dangerLevel", "HIGH");
        choose("immediateDanger", "true");
        submit();
        assertThat(browser.findElement(By.id("err-crimeSuspected")).getText()).isEqualTo("Bắt buộc.");
        assertThat(browser.findElement(By.id("err-summary")).getText()).isEqualTo("Bắt buộc.");
        assertThat(new Select(browser.findElement(By.name("dangerLevel"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("HIGH");
        assertThat(browser.findElement(By.cssSelector("input[name=immediateDanger][value=true]")).isSelected()).isTrue();
        screenshot("task-validation");
        complete(Map.of("crimeSuspected", "true", "summary", "Nguy hiểm cao: trẻ đang sống cùng người bị tố giác."));

        // the commune chair decides the emergency measures
        signIn("chair.a", "demo");
        claim(caseNumber, "EMERGENCY_DECISION");
        complete(Map.of("measures", "Đưa trẻ đến nhà bà ngoại, công an xã ngăn chặn hành vi",
                "separation", "true", "placement", "Nhà bà ngoại, thôn 3", "reason", "Người bị tố giác sống cùng nhà"));

        // the police acknowledge the referral and record the outcome; they see no assessment
        signIn("police.a", "demo");
        claim(caseNumber, "POLICE_ACKNOWLEDGE");
        complete(Map.of("agency", "Cơ quan CSĐT Công an TP Hà Nội", "forwardedAt",
                java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).withSecond(0).withNano(0).toString(),
                "recordNumber", "CA-15/2026", "officer", "Thượng úy Nguyễn Văn Hùng"));
        claim(caseNumber, "POLICE_OUTCOME");
        complete(Map.of("outcome", "CASE_OPENED", "detail", "Đã khởi tố vụ án"));
        browser.get(caseUrl);
        assertThat(body()).contains(childName, "Xâm hại tình dục", "Khởi tố vụ án")
                .doesNotContain("Nguy hiểm cao: trẻ đang sống", "Nhà bà ngoại, thôn 3");
        screenshot("police-case-view");

        // the worker carries out the measures, assesses risk and needs, meets, drafts the plan
        signIn("worker.a", "demo");
        claim(caseNumber, "EMERGENCY_ACTION");
        complete(Map.of("actionsTaken", "Đã đưa trẻ đi khám và đến nhà bà ngoại", "policeTookPart", "true",
                "healthFacilityTookPart", "true", "childSafe", "true"));
        claim(caseNumber, "RISK_NEEDS_ASSESSMENT");
        complete(Map.of("riskLevel", "HIGH", "needs", "Hỗ trợ tâm lý, y tế, trợ giúp pháp lý"));
        claim(caseNumber, "CASE_MEETING");
        complete(Map.of("heldOn", LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString(), "participants", "Chủ tịch xã, công an xã, trạm y tế",
                "minutes", "Thống nhất các biện pháp hỗ trợ"));
        claim(caseNumber, "PLAN_DRAFT");
        screenshot("task-plan-draft");
        complete(Map.of("goals", "Trẻ an toàn và ổn định tâm lý", "activities", "Tư vấn tâm lý hằng tuần; trợ giúp pháp lý"));
        // each service the plan names is an item with its provider and its day
        browser.get(caseUrl);
        choose("service", "HEALTH");
        new Select(browser.findElement(By.name("providerId"))).selectByVisibleText("Trạm y tế phường Ba Đình — Y tế");
        choose("action", "Khám và theo dõi sức khỏe hằng tuần");
        choose("responsible", "Bác sĩ trạm y tế");
        choose("dueOn", LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(3).toString());
        follow(By.cssSelector("#planform button[type=submit]"));
        assertThat(body()).contains("Đã thêm việc vào kế hoạch.");
        assertThat(browser.findElement(By.cssSelector("ul.plan-items li")).getText())
                .contains("Khám và theo dõi sức khỏe hằng tuần", "Trạm y tế phường Ba Đình", "Đã đề nghị");

        // the chair approves the plan
        signIn("chair.a", "demo");
        claim(caseNumber, "PLAN_APPROVAL");
        assertThat(browser.findElement(By.id("decided-on")).getText()).as("the chair reads the plan")
                .contains("Trẻ an toàn và ổn định tâm lý", "Tư vấn tâm lý hằng tuần");
        assertThat(browser.findElement(By.id("plan-items")).getText()).as("and its items")
                .contains("Khám và theo dõi sức khỏe hằng tuần", "Trạm y tế phường Ba Đình");
        screenshot("task-plan-approval");
        // sent back with the reason: the worker gets it, with the plan as it was
        type("reason", "Bổ sung người chịu trách nhiệm từng hoạt động");
        decide("Trả lại", "Đã trả lại kế hoạch cho cán bộ kèm lý do của bạn.");
        signIn("worker.a", "demo");
        claim(caseNumber, "PLAN_DRAFT");
        assertThat(browser.findElement(By.id("refusal")).getText()).contains("Bổ sung người chịu trách nhiệm từng hoạt động");
        assertThat(browser.findElement(By.name("goals")).getAttribute("value")).isEqualTo("Trẻ an toàn và ổn định tâm lý");
        complete(Map.of("responsible", "Cán bộ LĐTBXH xã; trạm y tế"));
        signIn("chair.a", "demo");
        claim(caseNumber, "PLAN_APPROVAL");
        assertThat(browser.findElement(By.id("decided-on")).getText()).contains("Cán bộ LĐTBXH xã; trạm y tế");
        decide("Phê duyệt", "Đã phê duyệt kế hoạch; cán bộ sẽ tổ chức thực hiện.");

        // the item's day passes without a result: it shows on the worker's inbox, overdue
        String caseId = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);
        jdbc.sql("update plan_item set due_on = ? where case_id = ?")
                .params(java.sql.Date.valueOf(LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1)),
                        java.util.UUID.fromString(caseId))
                .update();
        signIn("worker.a", "demo");
        browser.get(url("/tasks"));
        assertThat(browser.findElement(By.id("overdueitems")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("tr[data-case='" + caseNumber + "'][data-item]")).getText())
                .contains("Khám và theo dõi sức khỏe hằng tuần", "Quá hạn", "Bác sĩ trạm y tế");
        screenshot("inbox-plan-item-overdue");

        // thirty days on, the review falls due: the worker proposes closure and the chair closes
        reviewFallsDue(caseNumber);
        signIn("worker.a", "demo");
        claim(caseNumber, "PLAN_REVIEW");
        complete(Map.of("remainingHarm", "LOW", "abuserAccess", "LOW", "careSettingObstacles", "LOW",
                "selfProtection", "MEDIUM", "recommendation", "CLOSE", "summary", "Trẻ ổn định, không còn nguy cơ"));
        signIn("chair.a", "demo");
        claim(caseNumber, "SEPARATION_REVIEW");
        complete(Map.of("decision", "RETURNED_HOME"));
        claim(caseNumber, "CLOSURE_APPROVAL");
        assertThat(browser.findElement(By.id("decided-on")).getText()).as("the chair reads the review")
                .contains("Trẻ ổn định, không còn nguy cơ");
        // closing, the chair sets a follow-up visit in a fortnight by the worker, chosen by name
        LocalDate visitDay = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(14);
        assertThat(new Select(browser.findElement(By.name("followUpBy"))).getOptions())
                .extracting(WebElement::getText).contains("Nguyễn Thị An").noneMatch(o -> o.contains("worker."));
        choose("followUpOn", visitDay.toString());
        choose("followUpBy", "worker.a");
        decide("Phê duyệt đóng hồ sơ", "Đã đóng hồ sơ; cán bộ sẽ thăm lại trẻ ngày "
                + visitDay.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ".");

        // the supervisor reads the whole timeline at the end
        signIn("supervisor.p", "demo");
        browser.get(caseUrl);
        assertThat(heading()).contains(caseNumber, "Đã đóng");
        assertThat(browser.findElement(By.cssSelector("p.description")).getText()).as("script shown as text")
                .contains(SCRIPT);
        var steps = browser.findElements(By.cssSelector("ol.timeline li"));
        assertThat(steps).extracting(li -> li.getAttribute("data-type")).contains("REPORT_RECEIVED",
                "INITIAL_ASSESSMENT", "EMERGENCY_DECISION", "POLICE_ACKNOWLEDGE", "POLICE_OUTCOME", "PLAN_DRAFT",
                "PLAN_APPROVAL", "PLAN_REVIEW", "CLOSURE_APPROVAL", "CASE_CLOSED");
        assertThat(steps).filteredOn(li -> "INITIAL_ASSESSMENT".equals(li.getAttribute("data-type")))
                .extracting(li -> li.getAttribute("data-state")).containsExactly("ONTIME");
        assertThat(body()).contains("Đúng hạn", "Đóng hồ sơ", "Thượng úy Nguyễn Văn Hùng", "Tiếp nhận tin báo (Tổng đài 111)");
        screenshot("case-file-closed");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('timeline').scrollIntoView()");
        screenshot("case-timeline");

        // closed, the case has no open task: the worker finds it in the register by the name typed without accents
        signIn("worker.a", "demo");
        follow(By.linkText("Hồ sơ"));
        type("q", "pham thi lan " + childName.substring("Phạm Thị Lan ".length()));
        browser.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
        WebElement found = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-case='" + caseNumber + "']")));
        assertThat(found.getText()).contains(childName, "Đã đóng", "Không có việc đang mở");
        screenshot("case-register");
        found.findElement(By.linkText(caseNumber)).click();
        wait.until(ExpectedConditions.urlContains(caseUrl.substring(caseUrl.indexOf("/cases/"))));
        assertThat(heading()).contains(caseNumber);

        // on the visit's day the visit is the worker's already; the child is at risk again: the case reopens
        followUpFallsDue(caseNumber);
        browser.get(url("/tasks"));
        WebElement visit = browser.findElement(By.cssSelector("tr[data-case='" + caseNumber + "'][data-type='FOLLOW_UP_VISIT']"));
        assertThat(visit.getText()).contains("Thăm lại trẻ sau khi đóng hồ sơ");
        follow(By.cssSelector("tr[data-case='" + caseNumber + "'][data-type='FOLLOW_UP_VISIT'] a[href^='/tasks/']"));
        choose("visitedOn", LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString());
        choose("metWith", "Bà ngoại và trẻ");
        choose("wellbeing", "AT_RISK");
        choose("observations", "Người cha đã quay về sống cùng; trẻ sợ hãi, bỏ học hai ngày.");
        choose("reopen", "false");
        submit();
        assertThat(browser.findElement(By.id("err-reopen")).getText()).isEqualTo("Trẻ lại có nguy cơ thì cần mở lại hồ sơ.");
        choose("reopen", "true");
        choose("reopenReason", "Người gây hại quay lại sống cùng trẻ");
        submit();
        wait.until(ExpectedConditions.urlMatches(".*/tasks$"));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText())
                .isEqualTo("Hồ sơ đã mở lại: việc đánh giá nguy cơ và nhu cầu mới đã vào danh sách việc của xã.");
        assertThat(browser.findElements(By.cssSelector("tr[data-case='" + caseNumber + "'][data-type='RISK_NEEDS_ASSESSMENT']")))
                .isNotEmpty();
        browser.get(caseUrl);
        assertThat(heading()).doesNotContain("Đã đóng");
        assertThat(browser.findElements(By.cssSelector("ol.timeline li"))).extracting(li -> li.getAttribute("data-type"))
                .containsSubsequence("CASE_CLOSED", "FOLLOW_UP_VISIT", "CASE_REOPENED");
        assertThat(body()).contains("Mở lại hồ sơ sau khi thăm lại trẻ", "Lại có nguy cơ", "Nguyễn Thị An");
        screenshot("case-reopened-after-follow-up");
    }

    @Test
    void aWorkerOfAnotherCommuneGetsTheNotFoundPage() {
        String caseUrl = reportedCase("Trẻ thường xuyên bị bỏ đói. " + SCRIPT);

        signIn("worker.b", "demo");
        browser.get(caseUrl);
        assertThat(heading()).isEqualTo("Không tìm thấy");
        assertThat(body()).doesNotContain("bỏ đói");
        screenshot("case-not-found-for-other-commune");

        signIn("worker.a", "demo");
        browser.get(caseUrl);
        assertThat(browser.findElement(By.cssSelector("p.description")).getText()).contains(SCRIPT);
        assertThatThrownBy(() -> browser.switchTo().alert()).as("no script ran")
                .isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void theIntakeFormWarnsWhileTypingThatTheChildMayHaveAnOpenCase() {
        String nationalId = String.format("%012d", System.nanoTime() % 1_000_000_000_000L);
        signIn("intake", "demo");
        wait.until(ExpectedConditions.urlContains("/reports/new"));
        new Select(browser.findElement(By.name("channel"))).selectByValue("PHONE");
        new Select(browser.findElement(By.name("communeCode"))).selectByValue("04405");
        new Select(browser.findElement(By.name("child.sex"))).selectByValue("MALE");
        type("child.nationalId", nationalId);
        browser.findElement(By.cssSelector("input[name=harmTypes][value=CHILD_LABOUR]")).click();
        type("description", "Trẻ phải làm việc ở lò gạch cả ngày.");
        browser.findElement(By.cssSelector("#reportform button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));

        browser.get(url("/reports/new"));
        assertThat(browser.findElements(By.cssSelector("#duplicate .flash"))).isEmpty();
        new Select(browser.findElement(By.name("communeCode"))).selectByValue("04405");
        type("child.nationalId", nationalId);
        browser.findElement(By.name("child.ethnicity")).click(); // leaving the field tells the page it changed
        WebElement warning = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#duplicate .flash")));
        assertThat(warning.getText()).contains("có thể đã có hồ sơ đang xử lý");
        screenshot("intake-possible-open-case");
    }

    @Test
    void aReportTypedWhenTheSessionExpiredIsThereAfterSigningInAgain() {
        signIn("intake", "demo");
        wait.until(ExpectedConditions.urlContains("/reports/new"));
        type("child.fullName", "Lò Văn Páo");
        type("description", "Trẻ bị bỏ đói nhiều ngày, hàng xóm phải cho ăn.");
        browser.findElement(By.cssSelector("input[name=harmTypes][value=NEGLECT]")).click();
        wait.until(driver -> String.valueOf(((JavascriptExecutor) driver).executeScript(
                "return Object.keys(localStorage).join(' ')")).contains("draft:intake:report-new"));
        assertThat(String.valueOf(((JavascriptExecutor) browser).executeScript("return JSON.stringify(localStorage)")))
                .as("kept encrypted: the next person at this computer reads nothing").doesNotContain("bỏ đói", "Páo");
        // the session ends on the server (expired): sending the form does not take it
        browser.manage().deleteCookieNamed("JSESSIONID");
        browser.findElement(By.cssSelector("#reportform button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlMatches(".*/reports/new$")));

        signIn("intake", "demo");
        browser.get(url("/reports/new"));

        assertThat(browser.findElement(By.name("description")).getAttribute("value"))
                .isEqualTo("Trẻ bị bỏ đói nhiều ngày, hàng xóm phải cho ăn.");
        assertThat(browser.findElement(By.name("child.fullName")).getAttribute("value")).isEqualTo("Lò Văn Páo");
        assertThat(browser.findElement(By.cssSelector("input[name=harmTypes][value=NEGLECT]")).isSelected()).isTrue();
        assertThat(browser.findElement(By.cssSelector("#reportform [data-draft-restored]")).isDisplayed()).isTrue();
        screenshot("intake-draft-restored");

        // signing out forgets it
        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        signIn("intake", "demo");
        browser.get(url("/reports/new"));
        assertThat(browser.findElement(By.name("description")).getAttribute("value")).isEmpty();
    }

    @Test
    void pagesSwitchToEnglishAndBack() {
        signIn("worker.a", "demo");
        wait.until(ExpectedConditions.urlContains("/tasks"));
        browser.get(url("/tasks?lang=en"));
        assertThat(heading()).isEqualTo("My work");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        browser.get(url("/tasks"));
        assertThat(heading()).as("the choice is kept").isEqualTo("My work");
        screenshot("worker-inbox-english");
        browser.get(url("/tasks?lang=vi"));
        assertThat(heading()).isEqualTo("Việc của tôi");

        // on a phone the inbox stacks into one column and nothing is cut off
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
        browser.get(url("/tasks"));
        Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no sideways scrolling").isLessThanOrEqualTo(0L);
        screenshot("worker-inbox-phone");
    }

    @Test
    void aScannedCertificateIsAttachedOnAPhoneAndDownloadedAsAFile() throws Exception {
        String caseUrl = reportedCase("Trẻ có vết bầm ở tay, cô giáo đưa đi khám.");
        Path scan = Files.createTempFile("giay-kham-benh", ".pdf");
        Files.write(scan, "%PDF-1.4\n% giấy khám bệnh\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path tooLarge = Files.createTempFile("anh-chup-qua-lon", ".jpg");
        try (var out = Files.newOutputStream(tooLarge)) {
            out.write(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            out.write(new byte[21 * 1024 * 1024]);
        }

        // on a phone: the case page with its decisions and its upload form, nothing cut off at the side
        signIn("worker.a", "demo");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
        browser.get(caseUrl);
        Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no sideways scrolling on the case page").isLessThanOrEqualTo(0L);

        // a file over 20 MB is refused at once, without sending it
        browser.findElement(By.id("attach-file")).sendKeys(tooLarge.toString());
        browser.findElement(By.cssSelector("#attachform button[type=submit]")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attach-err")));
        assertThat(error.getText()).contains("tối đa 20 MB");
        assertThat(browser.findElements(By.cssSelector("ul.attachments li"))).isEmpty();

        browser.findElement(By.id("attach-file")).clear();
        browser.findElement(By.id("attach-file")).sendKeys(scan.toString());
        follow(By.cssSelector("#attachform button[type=submit]"));
        assertThat(body()).contains("Tệp " + scan.getFileName() + " đã được đưa vào hồ sơ");
        WebElement listed = browser.findElement(By.cssSelector("ul.attachments li"));
        assertThat(listed.getText()).contains(scan.getFileName().toString(), "PDF", "Nguyễn Thị An");
        screenshot("case-attachment-phone");

        // the link downloads the file as a file, the same bytes
        String href = listed.findElement(By.tagName("a")).getAttribute("href");
        @SuppressWarnings("unchecked")
        Map<String, Object> download = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.text().then(t => done({status: r.status, text: t,
                    disposition: r.headers.get('Content-Disposition')})));""", href);
        assertThat(download.get("status")).isEqualTo(200L);
        assertThat((String) download.get("disposition")).startsWith("attachment;");
        assertThat((String) download.get("text")).startsWith("%PDF-1.4");
    }

    // --- as a user would ---

    /** A report taken by the intake officer through the intake page; the case page's address. */
    private String reportedCase(String description) {
        signIn("intake", "demo");
        wait.until(ExpectedConditions.urlContains("/reports/new"));
        new Select(browser.findElement(By.name("channel"))).selectByValue("SCHOOL");
        new Select(browser.findElement(By.name("communeCode"))).selectByValue("00004");
        new Select(browser.findElement(By.name("child.sex"))).selectByValue("MALE");
        browser.findElement(By.cssSelector("input[name=harmTypes][value=NEGLECT]")).click();
        type("description", description);
        browser.findElement(By.cssSelector("#reportform button[type=submit]")).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#receipt a")))
                .getAttribute("href");
    }

    @Override
    void signIn(String username, String password) {
        browser.manage().deleteAllCookies();
        super.signIn(username, password);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** From the inbox, claims the case's task of the given type with one click; lands on the task's page. */
    private void claim(String caseNumber, String type) {
        By row = By.cssSelector("tr[data-case='" + caseNumber + "'][data-type='" + type + "'] button");
        // work the engine does in the background (the police referral) may take a moment to arrive
        wait.until(driver -> {
            driver.get(url("/tasks"));
            return !driver.findElements(row).isEmpty();
        });
        browser.findElement(row).click();
        wait.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("taskform")),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash.error"))));
        if (browser.findElements(By.id("taskform")).isEmpty()) {
            // the engine answered that the task changed meanwhile (its timers run in the background): as a
            // person would, claim it again from the refreshed inbox
            screenshot("claim-retried-" + type);
            wait.until(ExpectedConditions.elementToBeClickable(row)).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("taskform")));
        }
    }

    /** Fills in the task form and completes it; back in the inbox with the confirmation. */
    private void complete(Map<String, String> fields) {
        new LinkedHashMap<>(fields).forEach(this::choose);
        submit();
        wait.until(ExpectedConditions.urlMatches(".*/tasks$"));
        assertThat(body()).contains("Đã hoàn thành và lưu biểu mẫu.");
    }

    /** A decision is taken with the button that says it ("Phê duyệt", "Trả lại"); the message says what was decided. */
    private void decide(String button, String message) {
        browser.findElement(By.xpath("//form[@id='taskform']//button[normalize-space()='" + button + "']")).click();
        wait.until(ExpectedConditions.urlMatches(".*/tasks$"));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo(message);
    }

    /** Sends the task form; returns once the server's answer has replaced the page (the next step or the errors). */
    private void submit() {
        follow(By.cssSelector("#taskform button[type=submit]"));
    }


    /** Sets a field as a person would: a radio button, a list choice, a date, or typed text. */
    private void choose(String name, String value) {
        WebElement field = browser.findElement(By.name(name));
        String kind = field.getTagName().equals("select") ? "select" : String.valueOf(field.getAttribute("type"));
        switch (kind) {
            case "radio" -> browser.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']")).click();
            case "select" -> new Select(field).selectByValue(value);
            // the date picker's typed format follows the browser's language; set the ISO value it submits
            case "date", "datetime-local" ->
                    ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", field, value);
            default -> {
                field.clear();
                field.sendKeys(value);
            }
        }
    }

    private void type(String name, String value) {
        WebElement field = browser.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    /** The unread count on the header's bell; none shown is zero. */
    private int bellCount() {
        var count = browser.findElements(By.cssSelector("header a.bell .count"));
        return count.isEmpty() ? 0 : Integer.parseInt(count.get(0).getText().strip());
    }

    private String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    private String body() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /**
     * Thirty days pass: the engine runs the review timer now, as its job executor would when it falls due
     * (not through the engine's REST API, where an administrator may not fire a case's timers).
     */
    private void followUpFallsDue(String caseNumber) {
        var job = management.createJobQuery().processDefinitionKey(ProcessIds.FOLLOW_UP_PROCESS)
                .activityId(ProcessIds.TIMER_FOLLOW_UP_DUE).list().stream()
                .filter(j -> caseNumber.equals(jdbc.sql("select BUSINESS_KEY_ from ACT_RU_EXECUTION where ID_ = ?")
                        .param(j.getProcessInstanceId()).query(String.class).single()))
                .toList();
        assertThat(job).hasSize(1);
        management.executeJob(job.get(0).getId());
    }

    private void reviewFallsDue(String caseNumber) {
        var instance = management.createJobQuery().processDefinitionKey(ProcessIds.CASE_PROCESS)
                .activityId(ProcessIds.TIMER_REVIEW_DUE).list().stream()
                .filter(job -> caseNumber.equals(jdbc.sql("select BUSINESS_KEY_ from ACT_RU_EXECUTION where ID_ = ?")
                        .param(job.getProcessInstanceId()).query(String.class).single()))
                .toList();
        assertThat(instance).hasSize(1);
        management.executeJob(instance.get(0).getId());
    }
}
