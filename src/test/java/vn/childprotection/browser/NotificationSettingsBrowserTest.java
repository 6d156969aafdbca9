package vn.childprotection.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A worker sets how they are told of work: their address, mobile, language, channels and quiet hours. */
class NotificationSettingsBrowserTest extends BrowserTestBase {

    static final String USER = "worker.settings";

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void aWorkerOfCommuneA() {
        forget();
        jdbc.sql("insert into staff_user (username, display_name, password_hash, enabled, demo)"
                        + " select ?, 'Đỗ Thị Thu', password_hash, true, true from staff_user where username = 'worker.a'")
                .param(USER).update();
        jdbc.sql("insert into staff_role (username, role, commune_code) values (?, 'WORKER', '00004')").param(USER).update();
    }

    @AfterEach
    void forget() {
        for (String table : new String[] {"notification_preference", "notification_quiet_hours", "notification_batch"}) {
            jdbc.sql("delete from " + table + " where username = ?").param(USER).update();
        }
        jdbc.sql("delete from outbox_message where notification_id in (select id from notification where username = ?)")
                .param(USER).update();
        jdbc.sql("delete from notification where username = ?").param(USER).update();
        jdbc.sql("delete from recovery_code where username = ?").param(USER).update();
        jdbc.sql("delete from staff_role where username = ?").param(USER).update();
        jdbc.sql("delete from staff_user where username = ?").param(USER).update();
    }

    @Test
    void aWorkerChoosesHowTheyAreToldAndSeesWhatTheyChoseOnAPhone() {
        browser.manage().window().setSize(new Dimension(375, 812));
        signIn(USER, "demo");
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        // from the bell's list to the settings
        browser.findElement(By.cssSelector("header a.bell")).click();
        wait.until(ExpectedConditions.urlContains("/notifications"));
        browser.findElement(By.linkText("Thông báo của tôi")).click();
        wait.until(ExpectedConditions.urlContains("/notifications/settings"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thông báo của tôi");
        WebElement urgentInApp = browser.findElement(By.id("URGENT.APP"));
        assertThat(urgentInApp.isSelected()).as("urgent work always rings the bell").isTrue();
        assertThat(urgentInApp.isEnabled()).isFalse();
        assertThat(fitsTheScreen()).as("the page fits a 375 px phone").isTrue();

        // a mobile number mistyped and half the quiet hours: each error beside its field, nothing typed lost
        type("email", "thu.do@phuong-ba-dinh.example");
        type("phone", "không có");
        time("quietFrom", "22:00");
        WebElement newWorkByMail = browser.findElement(By.id("NEW_WORK.EMAIL"));
        if (newWorkByMail.isSelected()) {
            newWorkByMail.click();
        }
        save();
        assertThat(browser.findElement(By.id("err-phone")).getText()).isEqualTo("Không phải số điện thoại.");
        assertThat(browser.findElement(By.id("phone")).getAttribute("aria-describedby")).isEqualTo("err-phone");
        assertThat(browser.findElement(By.id("err-quietTo")).getText()).isEqualTo("Nhập cả hai giờ, hoặc để trống cả hai.");
        assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo("thu.do@phuong-ba-dinh.example");
        assertThat(browser.findElement(By.id("NEW_WORK.EMAIL")).isSelected()).isFalse();
        assertThat(browser.findElements(By.cssSelector(".flash.ok"))).isEmpty();
        screenshot("notification-settings-errors");

        type("phone", "0912 345 678");
        time("quietTo", "06:00");
        new Select(browser.findElement(By.id("language"))).selectByValue("en");
        save();
        wait.until(ExpectedConditions.urlContains("?saved"));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("Đã lưu lựa chọn của anh/chị.");
        // what is shown now is what was stored
        browser.get(url("/notifications/settings"));
        assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo("thu.do@phuong-ba-dinh.example");
        assertThat(browser.findElement(By.id("phone")).getAttribute("value")).isEqualTo("0912 345 678");
        assertThat(browser.findElement(By.id("quietFrom")).getAttribute("value")).isEqualTo("22:00");
        assertThat(browser.findElement(By.id("quietTo")).getAttribute("value")).isEqualTo("06:00");
        assertThat(new Select(browser.findElement(By.id("language"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("en");
        assertThat(browser.findElement(By.id("NEW_WORK.EMAIL")).isSelected()).isFalse();
        assertThat(browser.findElement(By.id("URGENT.EMAIL")).isSelected()).isTrue();
        assertThat(fitsTheScreen()).isTrue();
        screenshot("notification-settings-saved");
    }

    private void type(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** The time picker's typed format follows the browser's language: set the value it submits. */
    private void time(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), value);
    }

    private void save() {
        follow(By.cssSelector("main form button[type=submit]"));
    }

    private boolean fitsTheScreen() {
        return (Boolean) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth");
    }
}
