package vn.childprotection.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import vn.childprotection.ApiTestBase;
import vn.childprotection.directory.Directory;

class AccessApiTest extends ApiTestBase {

    @Autowired
    Directory directory;

    @Test
    void healthIsOpenForLoadBalancers() {
        Reply health = get(null, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void apiWithoutCredentialsIs401WithProblemDetails() {
        Reply reply = get(null, "/api/tasks");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body().get("status").asInt()).isEqualTo(401);
        assertThat(reply.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(get("worker.a", "/api/tasks").status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordIs401() {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setBasicAuth("worker.a", "not-the-password");
        var response = http.exchange("/api/me", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void meTellsRolesAndJurisdiction() {
        Reply me = get("worker.a", "/api/me");
        assertThat(me.body().get("username").asText()).isEqualTo("worker.a");
        assertThat(me.body().get("displayName").asText()).isNotBlank();
        assertThat(me.body().get("roles").get(0).asText()).isEqualTo("WORKER");
        assertThat(me.body().get("communeCodes").get(0).asText()).isEqualTo(COMMUNE_A);
        assertThat(me.body().get("provinceCodes")).isEmpty();

        Reply supervisor = get("supervisor.q", "/api/me");
        assertThat(supervisor.body().get("roles").get(0).asText()).isEqualTo("SUPERVISOR");
        assertThat(supervisor.body().get("provinceCodes").get(0).asText()).isEqualTo("15");
    }

    @Test
    void directoryListsTheDemoCommunesWithTheirProvinces() {
        Reply communes = get("worker.c", "/api/directory/communes");
        assertThat(communes.status()).isEqualTo(200);
        assertThat(communes.body().findValuesAsText("code")).contains(COMMUNE_A, COMMUNE_B, COMMUNE_C);
        for (var commune : communes.body()) {
            assertThat(commune.get("name").asText()).isNotBlank();
            assertThat(commune.get("provinceName").asText()).isNotBlank();
        }
    }

    /** A case not referred to the police: the commune's police liaison does not see it (DOMAIN.md, need to know). */
    @ParameterizedTest(name = "{0} reads a case of commune A: {1}")
    @CsvSource({
            "worker.a, 200", "chair.a, 200", "police.a, 404", "supervisor.p, 200", "intake, 200",
            "worker.b, 404", "worker.c, 404", "supervisor.q, 404", "police.supervisor.p, 404", "admin, 404"})
    void caseFileIsShownOnlyWithinJurisdiction(String user, int status) {
        String caseId = openCase(COMMUNE_A);
        assertThat(get(user, "/api/cases/" + caseId).status()).isEqualTo(status);
    }

    @Test
    void unknownCaseIsTheSame404AsAForeignOne() {
        Reply unknown = get("worker.b", "/api/cases/" + java.util.UUID.randomUUID());
        Reply foreign = get("worker.b", "/api/cases/" + openCase(COMMUNE_A));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body().get("detail")).isEqualTo(unknown.body().get("detail"));
    }

    @ParameterizedTest(name = "{0} sees the named reporter: {1}")
    @CsvSource({"intake, true", "supervisor.p, true", "worker.a, false", "police.a, false", "chair.a, false"})
    void reporterIsShownOnlyToIntakeAndSupervisors(String user, boolean seesReporter) {
        String caseId = openCase(COMMUNE_A);
        Reply caseFile = get(user, "/api/cases/" + caseId);
        var reporter = caseFile.body().at("/reports/0/reporter");
        if (seesReporter) {
            assertThat(reporter.get("fullName").asText()).isEqualTo("Trần Văn Nam");
        } else {
            assertThat(reporter.isNull() || reporter.isMissingNode()).isTrue();
            assertThat(caseFile.body().toString()).doesNotContain("Trần Văn Nam").doesNotContain("0912345678");
        }
    }

    @Test
    void engineRestAndCamundaWebappsAreForAdministratorsOnly() {
        assertThat(get(null, "/engine-rest/engine").status()).isIn(401, 302);
        assertThat(get("worker.a", "/engine-rest/engine").status()).isEqualTo(403);
        assertThat(get("supervisor.p", "/engine-rest/process-definition").status()).isEqualTo(403);
        assertThat(get("admin", "/engine-rest/engine").status()).isEqualTo(200);
        assertThat(get("worker.a", "/camunda/app/cockpit/default/").status()).isEqualTo(403);
        assertThat(get("admin", "/camunda/app/cockpit/default/").status()).isEqualTo(200);
    }

    @Test
    void camundaWebappsKeepTheirCsrfProtectionForAdministratorsToo() {
        Reply withoutToken = post("admin", "/camunda/api/admin/auth/user/default/logout", null);
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.headers().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");
    }

    @Test
    void engineSeesTheDirectorysUsersAndGroups() {
        Reply users = get("admin", "/engine-rest/user?memberOfGroup=worker-" + COMMUNE_A);
        assertThat(users.body().findValuesAsText("id")).contains("worker.a").doesNotContain("worker.b");
        Reply groups = get("admin", "/engine-rest/group?member=supervisor.p");
        assertThat(groups.body().findValuesAsText("id")).containsExactly("supervisor-01");
        // checking someone's password through the engine would go round the sign-in throttle: refused
        Reply check = post("admin", "/engine-rest/identity/verify", Map.of("username", "chair.a", "password", PASSWORD));
        assertThat(check.status()).isEqualTo(403);
    }

    @Test
    void demoUsersAreRefusedUnderTheProdProfile() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");
        StaffUserDetailsService prodUsers = new StaffUserDetailsService(directory, production);
        assertThatThrownBy(() -> prodUsers.loadUserByUsername("worker.a")).isInstanceOf(UsernameNotFoundException.class);

        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        assertThat(new StaffUserDetailsService(directory, demo).loadUserByUsername("worker.a").getUsername())
                .isEqualTo("worker.a");
    }

    @Test
    void prodAndDemoProfilesTogetherRefuseToStart() {
        MockEnvironment both = new MockEnvironment();
        both.setActiveProfiles("prod", "demo");
        assertThatThrownBy(() -> new ProductionGuard(both).check()).isInstanceOf(IllegalStateException.class);
    }
}
