package vn.childprotection.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Administrators reach the Camunda webapps with their directory account; nobody else does. */
class CockpitBrowserTest extends BrowserTestBase {

    @Test
    void administratorSignsInOnceAndReachesCockpit() {
        signIn("admin", "demo");
        browser.get(url("/camunda/app/cockpit/default/"));

        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Process Definitions"));
        } finally {
            screenshot("cockpit-dashboard");
        }
        assertThat(browser.findElements(By.cssSelector("input[type=password]"))).as("no second sign-in").isEmpty();
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).as("signed in as the directory's administrator").contains("Camunda Cockpit", "Quản trị hệ thống");

        browser.get(url("/camunda/app/cockpit/default/#/processes"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Bảo vệ trẻ em: xử lý tin báo"));
        screenshot("cockpit-processes");
    }

    @Test
    void workerIsTurnedAwayFromCockpit() {
        signIn("worker.a", "demo");
        browser.get(url("/camunda/app/cockpit/default/"));
        screenshot("cockpit-refused-for-worker");
        assertThat(browser.findElements(By.cssSelector("input[type=password]"))).isEmpty();
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Camunda Cockpit");
    }
}
