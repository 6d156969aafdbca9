package vn.childprotection.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import vn.childprotection.ContractedApiTest;

/** The hotline's call software files reports with a key of its own: only reports, only for its communes. */
class ClientSystemsApiTest extends ContractedApiTest {

    /** Registers a system as the administrator; its name and key. */
    private String[] register(List<String> units, List<String> scopes, int perMinute) {
        String name = "hotline-" + UUID.randomUUID().toString().substring(0, 8);
        Reply reply = post("admin", "/api/admin/clients", Map.of("name", name, "displayName", "Tổng đài 111",
                "units", units, "scopes", scopes, "requestsPerMinute", perMinute));
        assertThat(reply.status()).as("registered: %s", reply.body()).isEqualTo(201);
        return new String[] {name, reply.body().get("key").asText(), reply.body().get("client").get("id").asText()};
    }

    private Reply asClient(String key, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(key);
        return exchange(method, path, new HttpEntity<>(body == null ? null : json.valueToTree(body).toString(), headers));
    }

    @Test
    void aRegisteredSystemFilesAReportForItsCommuneUnderItsOwnNameAndReadsBackItsStatus() {
        String[] client = register(List.of(COMMUNE_A), List.of("reports:write", "reports:read"), 60);
        assertThat(client[1]).startsWith("cpk_");

        Reply filed = asClient(client[1], HttpMethod.POST, "/api/v1/reports", report(COMMUNE_A));

        assertThat(filed.status()).as("%s", filed.body()).isEqualTo(201);
        UUID caseId = UUID.fromString(filed.body().get("caseId").asText());
        assertThat(jdbc.sql("select recorded_by from report where case_id = ?").param(caseId).query(String.class).single())
                .isEqualTo("client:" + client[0]);
        assertThat(jdbc.sql("select username from audit_event where case_id = ? and action = 'REPORT'").param(caseId)
                .query(String.class).single()).as("audited under the system's name").isEqualTo("client:" + client[0]);
        Reply status = asClient(client[1], HttpMethod.GET, "/api/v1/reports/" + caseId + "/status", null);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body().get("caseNumber").asText()).isEqualTo(filed.body().get("caseNumber").asText());
        assertThat(status.body().get("reportsFiled").asInt()).isEqualTo(1);
        assertThat(status.body().has("child")).as("nothing about the child").isFalse();
    }

    @Test
    void aSystemFilesOnlyForItsCommunesReadsNoCaseFileAndNoStatusOfOthersReports() {
        String[] client = register(List.of(COMMUNE_A), List.of("reports:write", "reports:read"), 60);
        String othersCase = openCase(COMMUNE_A);
        Map<String, Object> elsewhere = report(COMMUNE_C);

        Reply refused = asClient(client[1], HttpMethod.POST, "/api/reports", elsewhere);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.headers().getContentType()).matches(MediaType.APPLICATION_PROBLEM_JSON::isCompatibleWith);
        assertThat(refused.body().get("detail").asText()).as("said why").contains("xã này");
        @SuppressWarnings("unchecked")
        String child = (String) ((Map<String, Object>) elsewhere.get("child")).get("fullName");
        assertThat(jdbc.sql("select count(*) from case_file where child_full_name = ?").param(child).query(Long.class)
                .single()).as("nothing stored").isZero();
        assertThat(asClient(client[1], HttpMethod.GET, "/api/cases/" + othersCase, null).status()).isEqualTo(403);
        assertThat(asClient(client[1], HttpMethod.GET, "/api/cases/" + othersCase + "/timeline", null).status())
                .isEqualTo(403);
        assertThat(asClient(client[1], HttpMethod.GET, "/api/tasks", null).status()).isEqualTo(403);
        assertThat(asClient(client[1], HttpMethod.GET, "/api/me", null).status()).isEqualTo(403);
        assertThat(asClient(client[1], HttpMethod.GET, "/api/reports/" + othersCase + "/status", null).status())
                .as("a case it did not report").isEqualTo(404);
        HttpHeaders bearer = new HttpHeaders();
        bearer.setBearerAuth(client[1]);
        var page = http.withRedirects(org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects
                .DONT_FOLLOW).exchange("/cases/" + othersCase, HttpMethod.GET, new HttpEntity<>(bearer), String.class);
        assertThat(page.getStatusCode().value()).as("the pages do not know a key: to the sign-in").isEqualTo(302);
        assertThat(page.getHeaders().getLocation().getPath()).isEqualTo("/login");
    }

    @Test
    void aSystemForAProvinceFilesForEachOfItsCommunesAndScopesAreHeld() {
        String[] province = register(List.of("01"), List.of("reports:write"), 60);
        assertThat(asClient(province[1], HttpMethod.POST, "/api/reports", report(COMMUNE_B)).status()).isEqualTo(201);
        String caseId = asClient(province[1], HttpMethod.POST, "/api/reports", report(COMMUNE_A)).body().get("caseId")
                .asText();
        assertThat(asClient(province[1], HttpMethod.POST, "/api/reports", report(COMMUNE_C)).status()).isEqualTo(403);
        assertThat(asClient(province[1], HttpMethod.GET, "/api/reports/" + caseId + "/status", null).status())
                .as("no reports:read").isEqualTo(403);
    }

    @Test
    void aSystemDoesNotSpeakAsThePoliceNorDateAReportBackMoreThanAWeek() {
        String[] client = register(List.of(COMMUNE_A), List.of("reports:write"), 60);
        Map<String, Object> asPolice = report(COMMUNE_A);
        asPolice.put("channel", "POLICE");
        asPolice.put("receivedAt", java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(7)).minusDays(30)
                .withNano(0).toString());

        Reply refused = asClient(client[1], HttpMethod.POST, "/api/reports", asPolice);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("channel", "receivedAt");
        assertThat(post("intake", "/api/reports", asPolice).status()).as("a person entering a late paper report may")
                .isEqualTo(201);
    }

    @Test
    void aSystemWhoseHttpClientKeptASessionCookieIsNotAskedForACsrfToken() {
        String[] client = register(List.of(COMMUNE_A), List.of("reports:write"), 60);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(client[1]);
        headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + UUID.randomUUID());

        Reply filed = exchange(HttpMethod.POST, "/api/reports", new HttpEntity<>(json.valueToTree(report(COMMUNE_A))
                .toString(), headers));

        assertThat(filed.status()).as("%s", filed.body()).isEqualTo(201);
        headers.setBearerAuth("cpk_made_up");
        assertThat(exchange(HttpMethod.POST, "/api/reports", new HttpEntity<>(json.valueToTree(report(COMMUNE_A))
                .toString(), headers)).status()).as("a key that is not one excuses nothing").isEqualTo(401);
    }

    @Test
    void aRevokedSystemIsRefusedAtItsNextRequest() {
        String[] client = register(List.of(COMMUNE_A), List.of("reports:write"), 60);
        assertThat(asClient(client[1], HttpMethod.POST, "/api/reports", report(COMMUNE_A)).status()).isEqualTo(201);

        Reply revoked = post("admin", "/api/admin/clients/" + client[2] + "/revoke", null);

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body().get("revokedBy").asText()).isEqualTo("admin");
        Reply refused = asClient(client[1], HttpMethod.POST, "/api/reports", report(COMMUNE_A));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
        assertThat(asClient(client[1] + "x", HttpMethod.POST, "/api/reports", report(COMMUNE_A)).status())
                .as("a key not given").isEqualTo(401);
        assertThat(asClient("cpk_nothing", HttpMethod.GET, "/api/me", null).status()).isEqualTo(401);
    }

    @Test
    void aSystemOverItsRateIsToldWhenToComeBack() {
        String[] client = register(List.of(COMMUNE_A), List.of("reports:read"), 3);
        Reply reply = null;
        // three a minute: the fourth is refused (at most seven if a minute turns meanwhile)
        for (int i = 0; i < 7; i++) {
            reply = asClient(client[1], HttpMethod.GET, "/api/reports/" + UUID.randomUUID() + "/status", null);
            if (reply.status() == 429) {
                break;
            }
            assertThat(reply.status()).isEqualTo(404);
        }
        assertThat(reply.status()).isEqualTo(429);
        assertThat(Integer.parseInt(reply.headers().getFirst("Retry-After"))).isBetween(1, 61);
        assertThat(reply.headers().getContentType()).matches(MediaType.APPLICATION_PROBLEM_JSON::isCompatibleWith);
    }

    @Test
    void aRetriedReportOfASystemWithItsIdempotencyKeyIsFiledOnce() {
        String[] client = register(List.of(COMMUNE_A), List.of("reports:write"), 60);
        Map<String, Object> report = report(COMMUNE_A);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(client[1]);
        headers.set("Idempotency-Key", "call-2026-12-06-0001");
        HttpEntity<String> request = new HttpEntity<>(json.valueToTree(report).toString(), headers);

        Reply first = exchange(HttpMethod.POST, "/api/v1/reports", request);
        Reply again = exchange(HttpMethod.POST, "/api/v1/reports", request);

        assertThat(again.body().get("caseNumber")).isEqualTo(first.body().get("caseNumber"));
        assertThat(jdbc.sql("select count(*) from report where recorded_by = ?").param("client:" + client[0])
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theAdministratorsFormIsCheckedWholeAndTheKeyIsNeverShownAgain() {
        Reply bad = post("admin", "/api/admin/clients", Map.of("name", "Tổng đài", "displayName", "",
                "units", List.of("99999"), "scopes", List.of("cases:read"), "requestsPerMinute", 0));
        java.util.Map<String, Object> nullScope = new java.util.HashMap<>(Map.of("name", "no-scope", "displayName", "X",
                "units", List.of(COMMUNE_A)));
        nullScope.put("scopes", java.util.Arrays.asList((String) null));
        assertThat(post("admin", "/api/admin/clients", nullScope).status()).as("a null scope").isEqualTo(400);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").findValuesAsText("field"))
                .contains("name", "displayName", "units", "scopes", "requestsPerMinute");
        String[] client = register(List.of(COMMUNE_A), List.of("reports:write"), 60);
        assertThat(post("admin", "/api/admin/clients", Map.of("name", client[0], "displayName", "Lần hai",
                "units", List.of(COMMUNE_A), "scopes", List.of("reports:write"))).status()).isEqualTo(409);

        Reply listed = get("admin", "/api/admin/clients");
        assertThat(listed.body().toString()).contains(client[0]).doesNotContain(client[1])
                .doesNotContain(client[1].substring("cpk_".length() + 13));
        assertThat(get("admin", "/api/admin/clients/" + client[2]).body().has("key")).isFalse();
        assertThat(jdbc.sql("select key_hash from client_system where name = ?").param(client[0]).query(String.class)
                .single()).as("kept as a hash").hasSize(64).isNotEqualTo(client[1]);
    }
}
