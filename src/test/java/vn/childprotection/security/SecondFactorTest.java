package vn.childprotection.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

import com.bastiaanjansen.otp.TOTPGenerator;

import vn.childprotection.ApiTestBase;

/**
 * Administrators (here; all the powerful roles under prod) sign in with a password and a TOTP code: the
 * first sign-in enrols an authenticator app, a wrong code is refused, a recovery code works once.
 */
@TestPropertySource(properties = "child-protection.second-factor.roles=ADMIN")
class SecondFactorTest extends ApiTestBase {

    @LocalServerPort
    int port;

    /** A browser: a cookie jar, no redirects followed, the page's CSRF token at hand. */
    private final class Browser {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf;

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return page;
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return client.send(HttpRequest.newBuilder(uri(path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf="
                                    + URLEncoder.encode(csrf, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Signs in with the password; answers where the application sends the user next. */
        String signIn() throws Exception {
            return signIn("admin", PASSWORD);
        }

        String signIn(String username, String password) throws Exception {
            get("/login");
            HttpResponse<String> signedIn = post("/login", "username=" + username + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8));
            assertThat(signedIn.statusCode()).isEqualTo(302);
            HttpResponse<String> home = get("/tasks");
            return home.statusCode() == 302 ? home.headers().firstValue("Location").orElseThrow() : "/tasks";
        }
    }

    @Test
    void aNewAdministratorWithAOneTimePasswordEnrolsTheSecondFactorThenChoosesAPasswordWithoutGoingRoundInCircles()
            throws Exception {
        String login = "quantri." + System.nanoTime() % 100_000;
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("admin", PASSWORD);
        headers.set("X-Second-Factor", adminCode());
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        Reply created = exchange(HttpMethod.POST, "/api/admin/staff", new HttpEntity<>(json.writeValueAsString(
                java.util.Map.of("username", login, "displayName", "Quản trị viên mới",
                        "roles", List.of(java.util.Map.of("role", "ADMIN", "unitCode", "")))), headers));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        String once = created.body().get("oneTimePassword").asText();
        try {
            Browser browser = new Browser();
            browser.signIn(login, once);
            // from any page: first the second factor, never back and forth between it and the password page
            String at = "/tasks";
            List<String> visited = new ArrayList<>();
            HttpResponse<String> page = browser.get(at);
            while (page.statusCode() == 302 && visited.size() < 5) {
                at = URI.create(page.headers().firstValue("Location").orElseThrow()).getPath();
                visited.add(at);
                page = browser.get(at);
            }
            assertThat(visited).as("redirects followed").endsWith("/second-factor/enrol").hasSizeLessThan(5);
            Matcher secret = Pattern.compile("<code id=\"secret\">([A-Z2-7=]+)</code>").matcher(page.body());
            assertThat(secret.find()).isTrue();
            TOTPGenerator app = TOTPGenerator.withDefaultValues(secret.group(1).getBytes(StandardCharsets.US_ASCII));
            assertThat(browser.post("/second-factor/enrol", "code=" + app.now()).statusCode()).isEqualTo(200);

            HttpResponse<String> next = browser.get("/tasks");
            assertThat(next.headers().firstValue("Location").orElse("")).as("then the password").endsWith("/password");
            browser.get("/password");
            HttpResponse<String> changed = browser.post("/password", "currentPassword=" + once
                    + "&newPassword=" + URLEncoder.encode("Hai con thằn lằn con cắn nhau đứt đuôi", StandardCharsets.UTF_8)
                    + "&repeatPassword=" + URLEncoder.encode("Hai con thằn lằn con cắn nhau đứt đuôi", StandardCharsets.UTF_8));
            assertThat(changed.statusCode()).isEqualTo(302);
            assertThat(browser.get("/tasks").statusCode()).as("at work").isEqualTo(200);
        } finally {
            for (String table : new String[] {"recovery_code", "staff_role", "staff_user"}) {
                jdbc.sql("delete from " + table + " where username = ?").param(login).update();
            }
        }
    }

    /** The demo administrator's current code: enrolled here with a secret of the test's own. */
    private String adminCode() {
        String secret = jdbc.sql("select totp_secret from staff_user where username = 'admin'").query(String.class)
                .optional().orElse(null);
        if (secret == null) {
            secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
            jdbc.sql("update staff_user set totp_secret = ? where username = 'admin'").param(secret).update();
        }
        return TOTPGenerator.withDefaultValues(secret.getBytes(StandardCharsets.US_ASCII)).now();
    }

    @Test
    void anAdministratorEnrolsAtTheFirstSignInThenNeedsACodeAndARecoveryCodeWorksOnce() throws Exception {
        jdbc.sql("update staff_user set totp_secret = null where username = 'admin'").update();

        Browser first = new Browser();
        assertThat(first.signIn()).as("the password alone leads to enrolment").endsWith("/second-factor/enrol");
        String enrolment = first.get("/second-factor/enrol").body();
        assertThat(enrolment).contains("data:image/png;base64,");
        Matcher secret = Pattern.compile("<code id=\"secret\">([A-Z2-7=]+)</code>").matcher(enrolment);
        assertThat(secret.find()).as("the key shown for typing").isTrue();
        TOTPGenerator app = TOTPGenerator.withDefaultValues(secret.group(1).getBytes(StandardCharsets.US_ASCII));
        assertThat(first.post("/second-factor/enrol", "code=000000").body()).contains("flash error");
        HttpResponse<String> enrolled = first.post("/second-factor/enrol", "code=" + app.now());
        List<String> recovery = new ArrayList<>();
        Matcher codes = Pattern.compile("<li><code>([A-Z0-9]{10})</code></li>").matcher(enrolled.body());
        while (codes.find()) {
            recovery.add(codes.group(1));
        }
        assertThat(recovery).as("ten single-use recovery codes").hasSize(10);
        assertThat(first.get("/tasks").statusCode()).isEqualTo(200);

        Browser wrong = new Browser();
        assertThat(wrong.signIn()).endsWith("/second-factor");
        wrong.get("/second-factor");
        assertThat(wrong.post("/second-factor", "code=123456").body()).contains("flash error");
        assertThat(wrong.get("/tasks").statusCode()).as("still held at the second factor").isEqualTo(302);

        Browser recovered = new Browser();
        recovered.signIn();
        recovered.get("/second-factor");
        assertThat(recovered.post("/second-factor", "code=" + recovery.get(0)).statusCode()).isEqualTo(302);
        assertThat(recovered.get("/tasks").statusCode()).isEqualTo(200);

        Browser again = new Browser();
        again.signIn();
        again.get("/second-factor");
        assertThat(again.post("/second-factor", "code=" + recovery.get(0)).body()).as("a recovery code works once")
                .contains("flash error");

        // an API call that signs in on its own carries the code with it
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("admin", PASSWORD);
        assertThat(exchange(HttpMethod.GET, "/api/me", new HttpEntity<>(headers)).status()).isEqualTo(401);
        headers.set("X-Second-Factor", app.now());
        assertThat(exchange(HttpMethod.GET, "/api/me", new HttpEntity<>(headers)).status()).isEqualTo(200);
        assertThat(get("worker.a", "/api/me").status()).as("roles without a second factor sign in as before")
                .isEqualTo(200);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
