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
            get("/login");
            HttpResponse<String> signedIn = post("/login", "username=admin&password=" + PASSWORD);
            assertThat(signedIn.statusCode()).isEqualTo(302);
            HttpResponse<String> home = get("/tasks");
            return home.statusCode() == 302 ? home.headers().firstValue("Location").orElseThrow() : "/tasks";
        }
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
