package vn.childprotection.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.childprotection.ApiTestBase;

/** Failed-login lockout, session fixation, session timeout, security headers, secure cookies. */
class LoginHardeningTest extends ApiTestBase {

    /** An account of this test alone, so that locking it disturbs no other test. */
    private static final String USER = "lockout.worker";

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ServerProperties server;

    @LocalServerPort
    int port;

    @BeforeEach
    void freshAccount() {
        if (jdbc.sql("select count(*) from staff_user where username = ?").param(USER).query(Long.class).single() == 0) {
            jdbc.sql("insert into staff_user (username, display_name, password_hash) values (?, ?, ?)")
                    .params(USER, "Lockout test", passwords.encode(PASSWORD)).update();
            jdbc.sql("insert into staff_role (username, role, commune_code) values (?, 'WORKER', ?)")
                    .params(USER, COMMUNE_A).update();
        }
        jdbc.sql("delete from login_failure where username = ?").param(USER).update();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
        for (int i = 0; i < 5; i++) {
            assertThat(me("wrong-" + i).status()).isEqualTo(401);
        }
        Reply locked = me(PASSWORD);
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.body().get("detail").asText()).contains("khóa");

        // the lock runs out
        jdbc.sql("update login_failure set locked_until = ? where username = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), USER).update();
        assertThat(me(PASSWORD).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from login_failure where username = ?").param(USER)
                .query(Long.class).single()).as("a success clears the failures").isZero();
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() {
        for (int i = 0; i < 4; i++) {
            assertThat(me("wrong").status()).isEqualTo(401);
        }
        assertThat(me(PASSWORD).status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(me("wrong").status()).isEqualTo(401);
        }
        assertThat(me(PASSWORD).status()).as("eight failures, never five in a row").isEqualTo(200);
    }

    @Test
    void theLockedMessageIsInEnglishOnRequest() {
        for (int i = 0; i < 5; i++) {
            me("wrong");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(USER, PASSWORD);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        Reply reply = exchange(HttpMethod.GET, "/api/me", new HttpEntity<>(headers));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body().get("detail").asText()).contains("locked");
    }

    @Test
    void signingInGivesANewSessionId() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> loginPage = client.send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String before = sessionCookie(loginPage);
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();

        String form = "username=worker.a&password=" + PASSWORD + "&_csrf=" + URLEncoder.encode(csrf.group(1),
                StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(uri("/login"))
                        .header("Cookie", "JSESSIONID=" + before)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String after = sessionCookie(signedIn);
        assertThat(after).as("session fixation: the id changes at sign-in").isNotNull().isNotEqualTo(before);
        assertThat(signedIn.headers().allValues("Set-Cookie").get(0)).containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void idleSessionsEndAfterThirtyMinutes() {
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void productionCookiesAreSecure() throws IOException {
        var production = new YamlPropertySourceLoader()
                .load("prod", new FileSystemResource("src/main/resources/application-prod.yml")).get(0);
        assertThat(production.getProperty("server.servlet.session.cookie.secure")).isEqualTo(true);
    }

    @Test
    void apiAnswersCarrySecurityHeaders() {
        HttpHeaders headers = get("worker.a", "/api/me").headers();
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(headers.getFirst("Cache-Control")).contains("no-store");
    }

    @Test
    void pagesCarryAContentSecurityPolicy() {
        var response = http.getForEntity("/login", String.class);
        assertThat(response.getHeaders().getFirst("Content-Security-Policy"))
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'self'");
        assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    private Reply me(String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(USER, password);
        return exchange(HttpMethod.GET, "/api/me", new HttpEntity<>(headers));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';')))
                .findFirst().orElse(null);
    }
}
