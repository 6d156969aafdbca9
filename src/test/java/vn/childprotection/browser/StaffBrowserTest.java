package vn.childprotection.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** An administrator puts a new worker into service; the worker signs in, chooses a password and works. */
class StaffBrowserTest extends BrowserTestBase {

    @Test
    void anAdministratorCreatesAWorkerWhoSignsInChangesThePasswordAndSeesTheCommunesInbox() {
        String login = "can.bo." + Long.toString(System.nanoTime() % 1_000_000, 36);
        signIn("admin", "demo");
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.get(url("/admin/staff"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cán bộ");
        follow(By.id("new-person"));

        // a mistake first: a commune role without its commune; the error is beside the field, the rest kept
        type("username", login);
        type("displayName", "Hoàng Thị Mai");
        type("title", "Cán bộ LĐTBXH phường Ba Đình");
        new Select(browser.findElement(By.id("role-0"))).selectByValue("WORKER");
        follow(By.cssSelector("#staffform button[type=submit]"));
        assertThat(browser.findElement(By.id("err-unit-0")).getText()).contains("mã một xã");
        assertThat(browser.findElement(By.id("unit-0")).getAttribute("aria-describedby")).isEqualTo("err-unit-0");
        assertThat(browser.findElement(By.id("displayName")).getAttribute("value")).isEqualTo("Hoàng Thị Mai");
        type("unit-0", "00004");
        follow(By.cssSelector("#staffform button[type=submit]"));

        String once = browser.findElement(By.id("one-time-password")).getText();
        assertThat(once).hasSize(16);
        assertThat(browser.findElement(By.id("state")).getText()).contains(login, "Chưa đổi mật khẩu");
        screenshot("staff-created");

        // the worker signs in with it and is sent to choose their own password
        browser.manage().deleteAllCookies();
        signIn(login, once);
        wait.until(ExpectedConditions.urlContains("/password"));
        assertThat(browser.findElement(By.cssSelector(".flash.warn")).getText()).contains("mật khẩu dùng một lần");
        browser.get(url("/tasks"));
        assertThat(browser.getCurrentUrl()).as("nowhere else first").contains("/password");
        type("currentPassword", once);
        type("newPassword", "matkhau123456");
        type("repeatPassword", "matkhau123456");
        follow(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.findElement(By.id("err-newPassword")).getText()).contains("dễ đoán");
        assertThat(browser.findElement(By.id("currentPassword")).getAttribute("value")).as("passwords are not sent back")
                .isEmpty();
        screenshot("password-refused");
        type("currentPassword", once);
        type("newPassword", "Cây đa giếng nước sân đình 1975");
        type("repeatPassword", "Cây đa giếng nước sân đình 1975");
        follow(By.cssSelector("main form button[type=submit]"));
        wait.until(ExpectedConditions.urlContains("/tasks"));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("Đã đổi mật khẩu.");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Việc");
        assertThat(browser.findElement(By.cssSelector("header .who")).getText()).isEqualTo("Hoàng Thị Mai");
        screenshot("new-worker-inbox");

        // and signs in again with the password they chose
        browser.manage().deleteAllCookies();
        signIn(login, "Cây đa giếng nước sân đình 1975");
        wait.until(ExpectedConditions.urlContains("/tasks"));
    }

    private void type(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

}
