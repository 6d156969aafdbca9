package vn.childprotection.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import vn.childprotection.ApiTestBase;

/**
 * Staff managed through {@code /api/admin/staff}: a new person gets a one-time password they must change before
 * anything else, a disabled account cannot sign in and its session ends, the tasks it held go back to their group,
 * roles changed take effect, a supervisor manages only their province's commune staff, and every action is audited
 * without a password in it.
 */
class StaffApiTest extends ApiTestBase {

    static final String GOOD_PASSWORD = "Ba con mèo trèo cây cau năm 2026";

    @LocalServerPort
    int port;

    private static String newLogin(String prefix) {
        return prefix + "." + Long.toString(System.nanoTime() % 10_000_000, 36);
    }

    private Reply as(String user, String password, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        // a Vietnamese passphrase: UTF-8, as the server reads Basic credentials
        headers.setBasicAuth(user, password, StandardCharsets.UTF_8);
        return exchange(method, path, new HttpEntity<>(body == null ? null : json.valueToTree(body).toString(), headers));
    }

    private static Map<String, Object> person(String username, String role, String unit) {
        return Map.of("username", username, "displayName", "Đỗ Văn Phúc", "title", "Cán bộ LĐTBXH phường",
                "email", username + "@phuong.example", "language", "vi",
                "roles", List.of(Map.of("role", role, "unitCode", unit)));
    }

    /** Creates the person as the administrator; returns their one-time password. */
    private String created(String username, String role, String unit) {
        Reply reply = post("admin", "/api/admin/staff", person(username, role, unit));
        assertThat(reply.status()).as("created: %s", reply.body()).isEqualTo(201);
        assertThat(reply.headers().getCacheControl()).contains("no-store");
        return reply.body().get("oneTimePassword").asText();
    }

    /** A person who has set their own password and can work. */
    private void ready(String username, String role, String unit) {
        String once = created(username, role, unit);
        assertThat(as(username, once, HttpMethod.POST, "/api/me/password",
                Map.of("currentPassword", once, "newPassword", GOOD_PASSWORD)).status()).isEqualTo(204);
    }

    @Test
    void aNewWorkerGetsAOneTimePasswordMustChangeItAndThenWorks() {
        String username = newLogin("can.bo");
        String once = created(username, "WORKER", COMMUNE_A);
        assertThat(once).hasSize(16);

        Reply blocked = as(username, once, HttpMethod.GET, "/api/tasks", null);
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.body().get("detail").asText()).contains("/api/me/password");
        assertThat(as(username, once, HttpMethod.GET, "/api/me", null).body().get("mustChangePassword").asBoolean())
                .isTrue();

        // the policy, field by field; nothing changes meanwhile
        Reply tooShort = as(username, once, HttpMethod.POST, "/api/me/password",
                Map.of("currentPassword", once, "newPassword", "ngan qua"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body().toString()).contains("newPassword", "12");
        Reply common = as(username, once, HttpMethod.POST, "/api/me/password",
                Map.of("currentPassword", once, "newPassword", "password123456"));
        assertThat(common.status()).isEqualTo(400);
        assertThat(common.body().toString()).contains("dễ đoán");
        Reply ownName = as(username, once, HttpMethod.POST, "/api/me/password",
                Map.of("currentPassword", once, "newPassword", "xx" + username + "2026"));
        assertThat(ownName.body().toString()).contains("tên đăng nhập");
        Reply wrongCurrent = as(username, once, HttpMethod.POST, "/api/me/password",
                Map.of("currentPassword", "not it at all", "newPassword", GOOD_PASSWORD));
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.body().toString()).contains("currentPassword");
        assertThat(as(username, once, HttpMethod.GET, "/api/tasks", null).status()).as("still one-time").isEqualTo(403);

        assertThat(as(username, once, HttpMethod.POST, "/api/me/password",
                Map.of("currentPassword", once, "newPassword", GOOD_PASSWORD)).status()).isEqualTo(204);
        assertThat(as(username, GOOD_PASSWORD, HttpMethod.GET, "/api/tasks", null).status()).isEqualTo(200);
        assertThat(as(username, once, HttpMethod.GET, "/api/tasks", null).status()).as("the one-time password is spent")
                .isEqualTo(401);
        JsonNode me = as(username, GOOD_PASSWORD, HttpMethod.GET, "/api/me", null).body();
        assertThat(me.get("communeCodes").toString()).contains(COMMUNE_A);

        List<String> audited = jdbc.sql("select action || ' ' || coalesce(detail, '') from audit_event where detail like ?")
                .param(username + "%").query(String.class).list();
        assertThat(audited).anyMatch(a -> a.startsWith("STAFF_CREATED " + username + ": WORKER " + COMMUNE_A));
        assertThat(jdbc.sql("select count(*) from audit_event where username = ? and action = 'PASSWORD_CHANGED'")
                .param(username).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where detail like ? or detail like ?")
                .params("%" + once + "%", "%" + GOOD_PASSWORD + "%").query(Long.class).single())
                .as("no password in the audit trail").isZero();
    }

    @Test
    void aDisabledAccountCannotSignInItsSessionEndsAndTheTaskItHeldIsBackInTheGroup() throws Exception {
        String username = newLogin("nghi.viec");
        ready(username, "WORKER", COMMUNE_A);
        String caseId = openCase(COMMUNE_A);
        String taskId = taskOf(caseId, "INITIAL_ASSESSMENT");
        assertThat(as(username, GOOD_PASSWORD, HttpMethod.POST, "/api/tasks/" + taskId + "/claim", null).status())
                .isEqualTo(200);
        String session = pageSession(username, GOOD_PASSWORD);
        String another = pageSession(username, GOOD_PASSWORD);
        assertThat(page(session, "/tasks").statusCode()).isEqualTo(200);

        Reply disabled = post("admin", "/api/admin/staff/" + username + "/disable", null);
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.body().get("tasksReleased").asInt()).isEqualTo(1);

        assertThat(as(username, GOOD_PASSWORD, HttpMethod.GET, "/api/tasks", null).status()).isEqualTo(401);
        // the session sent with any Basic header (which Spring Security lets stand without a password check) ends too
        HttpResponse<String> withHeader = client.send(HttpRequest.newBuilder(uri("/api/tasks"))
                        .header("Cookie", "JSESSIONID=" + another)
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                .encodeToString((username + ":anything").getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withHeader.statusCode()).isEqualTo(401);
        HttpResponse<String> after = page(session, "/tasks");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login?ended");
        assertThat(jdbc.sql("select assignee from task_inbox where task_id = ?").param(taskId).query(String.class)
                .optional().orElse(null)).as("back in the group").isNull();
        // and another worker of the commune can take it
        assertThat(post("worker.a", "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(200);
        assertThat(get("admin", "/api/admin/staff/" + username).body().get("enabled").asBoolean()).isFalse();

        assertThat(post("admin", "/api/admin/staff/" + username + "/enable", null).status()).isEqualTo(200);
        assertThat(as(username, GOOD_PASSWORD, HttpMethod.GET, "/api/tasks", null).status()).isEqualTo(200);
        assertThat(post("admin", "/api/admin/staff/admin/disable", null).status()).as("not oneself").isEqualTo(409);
    }

    @Test
    void rolesChangedTakeEffectAtOnceAndTasksOutsideThemGoBack() throws Exception {
        String username = newLogin("chuyen.xa");
        ready(username, "WORKER", COMMUNE_A);
        String taskId = taskOf(openCase(COMMUNE_A), "INITIAL_ASSESSMENT");
        assertThat(as(username, GOOD_PASSWORD, HttpMethod.POST, "/api/tasks/" + taskId + "/claim", null).status())
                .isEqualTo(200);
        String session = pageSession(username, GOOD_PASSWORD);

        Map<String, Object> moved = new java.util.HashMap<>(person(username, "WORKER", COMMUNE_B));
        Reply changed = call("admin", HttpMethod.PUT, "/api/admin/staff/" + username, moved);
        assertThat(changed.status()).as("%s", changed.body()).isEqualTo(200);
        assertThat(changed.body().get("roles").get(0).get("unitCode").asText()).isEqualTo(COMMUNE_B);

        assertThat(jdbc.sql("select assignee from task_inbox where task_id = ?").param(taskId).query(String.class)
                .optional().orElse(null)).isNull();
        assertThat(as(username, GOOD_PASSWORD, HttpMethod.GET, "/api/me", null).body().get("communeCodes").toString())
                .contains(COMMUNE_B).doesNotContain(COMMUNE_A);
        // the signed-in page session follows at its next request: commune A's case is no longer theirs to see
        assertThat(page(session, "/tasks/" + taskId).statusCode()).isIn(403, 404);
    }

    @Test
    void aSupervisorManagesOnlyTheCommuneStaffOfTheirProvince() {
        // commune B is in the supervisor's province, commune C is not
        Reply own = post("supervisor.p", "/api/admin/staff", person(newLogin("xa.b"), "WORKER", COMMUNE_B));
        assertThat(own.status()).as("%s", own.body()).isEqualTo(201);
        Reply elsewhere = post("supervisor.p", "/api/admin/staff", person(newLogin("xa.c"), "WORKER", COMMUNE_C));
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.headers().getContentType().toString()).contains("problem+json");
        Reply supervisor = post("supervisor.p", "/api/admin/staff", person(newLogin("gs"), "SUPERVISOR", "01"));
        assertThat(supervisor.status()).as("supervisors are the administrators' to make").isEqualTo(403);

        assertThat(get("supervisor.p", "/api/admin/staff/worker.c").status()).isEqualTo(404);
        assertThat(post("supervisor.p", "/api/admin/staff/worker.c/disable", null).status()).isEqualTo(404);
        JsonNode listed = get("supervisor.p", "/api/admin/staff").body();
        assertThat(listed.findValuesAsText("username")).contains("worker.a", "worker.b").doesNotContain("worker.c");
        assertThat(get("worker.a", "/api/admin/staff").status()).isEqualTo(403);
        // an administrator still sees no case
        assertThat(get("admin", "/api/cases/" + openCase(COMMUNE_A)).status()).isEqualTo(404);
    }

    @Test
    void nobodyChangesTheirOwnRolesAndAnAdministratorHoldsNoOtherRole() {
        Map<String, Object> adminAsSupervisor = Map.of("displayName", "Quản trị hệ thống", "roles",
                List.of(Map.of("role", "ADMIN", "unitCode", ""), Map.of("role", "SUPERVISOR", "unitCode", "01")));
        Reply both = call("admin", HttpMethod.PUT, "/api/admin/staff/admin", adminAsSupervisor);
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body().toString()).contains("roles");
        Reply own = call("admin", HttpMethod.PUT, "/api/admin/staff/admin", Map.of("displayName", "Quản trị hệ thống",
                "roles", List.of(Map.of("role", "INTAKE", "unitCode", ""))));
        assertThat(own.status()).isEqualTo(409);
        assertThat(get("admin", "/api/me").body().get("roles").toString()).isEqualTo("[\"ADMIN\"]");
        // one's own details, roles unchanged, are fine
        assertThat(call("admin", HttpMethod.PUT, "/api/admin/staff/admin", Map.of("displayName", "Quản trị hệ thống",
                "roles", List.of(Map.of("role", "ADMIN", "unitCode", "")))).status()).isEqualTo(200);
    }

    @Test
    void provincePoliceElsewhereGiveASupervisorNoReachThere() {
        String username = newLogin("gs.ca");
        Reply created = post("admin", "/api/admin/staff", Map.of("username", username, "displayName", "Trần Minh Giám",
                "roles", List.of(Map.of("role", "SUPERVISOR", "unitCode", "01"),
                        Map.of("role", "POLICE_SUPERVISOR", "unitCode", "15"))));
        assertThat(created.status()).isEqualTo(201);
        String once = created.body().get("oneTimePassword").asText();
        assertThat(as(username, once, HttpMethod.POST, "/api/me/password",
                Map.of("currentPassword", once, "newPassword", GOOD_PASSWORD)).status()).isEqualTo(204);
        assertThat(as(username, GOOD_PASSWORD, HttpMethod.POST, "/api/admin/staff",
                person(newLogin("xa.c"), "WORKER", COMMUNE_C)).status()).isEqualTo(403);
        assertThat(as(username, GOOD_PASSWORD, HttpMethod.GET, "/api/admin/staff/worker.c", null).status()).isEqualTo(404);
        assertThat(as(username, GOOD_PASSWORD, HttpMethod.POST, "/api/admin/staff",
                person(newLogin("xa.b"), "WORKER", COMMUNE_B)).status()).isEqualTo(201);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() {
        long before = count("staff_user");
        Reply bad = post("admin", "/api/admin/staff", Map.of("username", "Có Dấu", "displayName", " ",
                "email", "không phải", "roles", List.of(Map.of("role", "WORKER", "unitCode", "99999"),
                        Map.of("role", "KING", "unitCode", ""))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().toString()).contains("username", "displayName", "email", "roles[0].unitCode",
                "roles[1].role");
        Reply none = post("admin", "/api/admin/staff", Map.of("username", "khong.vai.tro", "displayName", "Ai đó",
                "roles", List.of()));
        assertThat(none.body().toString()).contains("roles");
        Reply taken = post("admin", "/api/admin/staff", person("worker.a", "WORKER", COMMUNE_A));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body().toString()).contains("username");
        assertThat(count("staff_user")).isEqualTo(before);
    }

    @Test
    void aLockedAccountIsUnlockedAndAResetGivesANewOneTimePassword() {
        String username = newLogin("khoa");
        ready(username, "CHAIR", COMMUNE_A);
        for (int i = 0; i < 12; i++) {
            as(username, "wrong password " + i, HttpMethod.GET, "/api/tasks", null);
        }
        assertThat(as(username, GOOD_PASSWORD, HttpMethod.GET, "/api/tasks", null).status()).as("held back").isEqualTo(401);
        assertThat(get("admin", "/api/admin/staff/" + username).body().get("locked").asBoolean()).isTrue();

        Reply unlocked = post("admin", "/api/admin/staff/" + username + "/unlock", null);
        assertThat(unlocked.body().get("locked").asBoolean()).isFalse();
        assertThat(as(username, GOOD_PASSWORD, HttpMethod.GET, "/api/tasks", null).status()).isEqualTo(200);

        Reply reset = post("admin", "/api/admin/staff/" + username + "/reset-password", null);
        String once = reset.body().get("oneTimePassword").asText();
        assertThat(as(username, GOOD_PASSWORD, HttpMethod.GET, "/api/tasks", null).status()).isEqualTo(401);
        assertThat(as(username, once, HttpMethod.GET, "/api/tasks", null).status()).isEqualTo(403);
        assertThat(jdbc.sql("select action from audit_event where detail like ? order by seq").param(username + "%")
                .query(String.class).list()).contains("STAFF_CREATED", "STAFF_UNLOCKED", "STAFF_PASSWORD_RESET");
    }

    // --- a browser's session, without a browser ---

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private String pageSession(String username, String password) throws Exception {
        HttpResponse<String> loginPage = client.send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(uri("/login"))
                        .header("Cookie", "JSESSIONID=" + sessionCookie(loginPage))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return sessionCookie(signedIn);
    }

    private HttpResponse<String> page(String session, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Cookie", "JSESSIONID=" + session).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';'))).findFirst().orElseThrow();
    }
}
