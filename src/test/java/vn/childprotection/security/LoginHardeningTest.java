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

/** Sign-in throttling, session fixation, session timeout, security headers, secure cookies. */
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
        jdbc.sql("delete from login_throttle where throttle_key like ?").param("%" + USER + "%").update();
    }

    @Test
    void thirtyParallelWrongPasswordsAreNotAllCheckedAndTheRightOneSignsInAfterTheDelay() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(30);
        try {
            var replies = pool.invokeAll(java.util.stream.IntStream.range(0, 30)
                    .mapToObj(i -> (java.util.concurrent.Callable<Reply>) () -> me("wrong-" + i)).toList());
            for (var reply : replies) {
                assertThat(reply.get().status()).isEqualTo(401);
            }
        } finally {
            pool.shutdown();
        }

        assertThat(throttle("user:" + USER, "checks")).as("passwords checked of 30 sent at once")
                .isBetween(5, 10);
        assertThat(me(PASSWORD).status()).as("the right password waits for the delay too").isEqualTo(401);
        int checked = throttle("user:" + USER, "checks");
        assertThat(me(PASSWORD).status()).isEqualTo(401);
        assertThat(throttle("user:" + USER, "checks")).as("not checked while delayed").isEqualTo(checked);

        // the delay runs out
        jdbc.sql("update login_throttle set blocked_until = ? where throttle_key like ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), "%" + USER + "%").update();
        assertThat(me(PASSWORD).status()).isEqualTo(200);
        assertThat(throttle("user:" + USER, "failures")).as("a success starts the count again").isZero();
    }

    @Test
    void hammeringWhileDelayedDoesNotExtendTheDelay() {
        for (int i = 0; i < 5; i++) {
            assertThat(me("wrong").status()).isEqualTo(401);
        }
        String until = blockedUntil();
        assertThat(until).as("slowed down after five").isNotNull();
        for (int i = 0; i < 10; i++) {
            assertThat(me("wrong").status()).isEqualTo(401);
        }
        assertThat(blockedUntil()).isEqualTo(until);
        assertThat(throttle("user:" + USER, "failures")).isEqualTo(5);
    }

    @Test
    void tenHonestRequestsAtOnceAllSignIn() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            // several rounds: a sign-in that ends while the next begins must not wait on it in a circle (once, the
            // counters were released in the opposite order to the one they are locked in: a deadlock, a 500)
            for (int round = 0; round < 5; round++) {
                for (var reply : pool.invokeAll(java.util.stream.IntStream.range(0, 10)
                        .mapToObj(i -> (java.util.concurrent.Callable<Reply>) () -> me(PASSWORD)).toList())) {
                    assertThat(reply.get().status()).as("round %d", round).isEqualTo(200);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    private String blockedUntil() {
        return jdbc.sql("select blocked_until from login_throttle where throttle_key like ?")
                .param("pair:" + USER + "|%").query((rs, n) -> rs.getString(1)).single();
    }

    @Test
    void unknownSlowedDownAndWrongSignInsGetTheSameAnswer() {
        Reply wrong = me("wrong");
        Reply unknown = meAs("nobody." + System.nanoTime(), PASSWORD);
        for (int i = 0; i < 6; i++) {
            me("wrong");
        }
        Reply slowed = me(PASSWORD);

        for (Reply reply : java.util.List.of(wrong, unknown, slowed)) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.body().get("detail")).isEqualTo(wrong.body().get("detail"));
            assertThat(reply.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                    .isEqualTo(wrong.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE));
        }
        assertThat(wrong.body().toString()).doesNotContain("khóa", "locked");
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
    void anAccountTakesAtMostOneHundredFailuresADay() {
        jdbc.sql("insert into login_throttle (throttle_key, failure_day, day_failures) values (?, ?, 100)")
                .params("user:" + USER,
                        java.sql.Date.valueOf(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")))).update();
        assertThat(me(PASSWORD).status()).isEqualTo(401);

        jdbc.sql("update login_throttle set failure_day = ? where throttle_key = ?")
                .params(java.sql.Date.valueOf(java.time.LocalDate.now().minusDays(2)), "user:" + USER).update();
        assertThat(me(PASSWORD).status()).as("the next day").isEqualTo(200);
    }

    @Test
    void oneHundredFailuresFromOneAddressAcrossManyUsernamesSlowThatAddressOnly() throws IOException {
        String spraying = "127.0.0.2";
        jdbc.sql("delete from login_throttle where throttle_key = ?").param("addr:" + spraying).update();
        for (int i = 0; i < 100; i++) {
            assertThat(rawMe(spraying, "user" + i + "." + System.nanoTime(), "Password1")).isEqualTo(401);
        }
        assertThat(rawMe(spraying, USER, PASSWORD)).as("the spraying address waits").isEqualTo(401);
        assertThat(rawMe("127.0.0.3", USER, PASSWORD)).as("another address is unaffected").isEqualTo(200);
        assertThat(throttle("addr:" + spraying, "failures")).as("checked before the address was slowed")
                .isEqualTo(20);
    }

    private int throttle(String key, String column) {
        return jdbc.sql("select " + column + " from login_throttle where throttle_key = ?").param(key)
                .query(Integer.class).optional().orElse(0);
    }

    /** GET /api/me with Basic credentials over a socket from the given loopback address. */
    private int rawMe(String fromAddress, String username, String password) throws IOException {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(fromAddress, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
            String credentials = java.util.Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("GET /api/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                    + credentials + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
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
    void aBearerThatIsNotAClientKeyIsRefusedAlthoughASignedInSessionCameWithIt() throws Exception {
        // a bearer excuses the CSRF token on the API (a page cannot make a browser send one), so it must be a key:
        // a made-up one is refused before anything runs, and the session beside it counts for nothing
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> loginPage = client.send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String session = sessionCookie(loginPage);
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(uri("/login"))
                        .header("Cookie", "JSESSIONID=" + session)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=worker.a&password=" + PASSWORD + "&_csrf="
                                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        String signedInSession = sessionCookie(signedIn);
        String caseId = openCase(COMMUNE_A);
        long referrals = count("police_referral");

        HttpResponse<String> forged = client.send(HttpRequest.newBuilder(uri("/api/cases/" + caseId + "/police-referrals"))
                        .header("Cookie", "JSESSIONID=" + signedInSession)
                        .header("Authorization", "Bearer x")
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(count("police_referral")).as("nothing stored").isEqualTo(referrals);
        HttpResponse<String> noHeader = client.send(HttpRequest.newBuilder(uri("/api/cases/" + caseId + "/police-referrals"))
                        .header("Cookie", "JSESSIONID=" + signedInSession)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noHeader.statusCode()).as("the session alone still needs its CSRF token").isEqualTo(403);
        assertThat(count("police_referral")).as("nothing stored").isEqualTo(referrals);
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
        return meAs(USER, password);
    }

    private Reply meAs(String username, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(username, password);
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
