package vn.childprotection.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The application on a real port, driven by Debian's headless Chromium as a person would use it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserTestBase {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    WebDriver browser;
    WebDriverWait wait;
    /** Where the browser saves what it downloads, a folder of each test's own. */
    Path downloads;

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        // the machine has no internet: keep Chromium from phoning home
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1366,768", "--lang=vi");
        try {
            downloads = Files.createTempDirectory("downloads");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "plugins.always_open_pdf_externally", true));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in through the application's login form. */
    void signIn(String username, String password) {
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /**
     * Clicks what leads to another page and waits until that page has replaced this one: nothing is read from the
     * page left behind. Asked about the old page while it is being replaced, ChromeDriver may answer "does not belong
     * to the document" rather than "stale": that means not gone yet, so the wait goes on.
     */
    void follow(By target) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        wait.until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException replacing) {
                if (String.valueOf(replacing.getMessage()).contains("does not belong to the document")) {
                    return false;
                }
                throw replacing;
            }
        });
    }

    /** The file the browser downloaded whose name ends so, once it is all there. */
    Path downloaded(String ending) {
        wait.until(d -> {
            try (java.util.stream.Stream<Path> files = Files.list(downloads)) {
                return files.anyMatch(f -> f.getFileName().toString().endsWith(ending));
            } catch (IOException e) {
                return false;
            }
        });
        try (java.util.stream.Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> f.getFileName().toString().endsWith(ending)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Saves what the user sees under target/screenshots/ and prints the path for the CI log. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            System.out.println("screenshot: " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
