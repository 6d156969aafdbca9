package vn.childprotection.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.childprotection.ContractedApiTest;

/** The API under /api/v1/, and the unversioned paths answering as before, marked deprecated. */
class ApiVersionsTest extends ContractedApiTest {

    @Test
    void versionOneAnswersAsTheUnversionedPathsWithoutADeprecation() {
        Reply v1 = get("worker.a", "/api/v1/me");
        Reply unversioned = get("worker.a", "/api/me");

        assertThat(v1.status()).isEqualTo(200);
        assertThat(v1.body()).isEqualTo(unversioned.body());
        assertThat(v1.headers().getFirst("Deprecation")).isNull();
        assertThat(unversioned.headers().getFirst("Deprecation")).isEqualTo("@1796576400");
        assertThat(unversioned.headers().getFirst("Link")).isEqualTo("</api/v1/me>; rel=\"successor-version\"");
    }

    @Test
    void aReportFiledUnderVersionOnePointsToItsCaseUnderVersionOne() {
        Reply filed = post("intake", "/api/v1/reports", report(COMMUNE_A));

        assertThat(filed.status()).isEqualTo(201);
        String caseId = filed.body().get("caseId").asText();
        assertThat(filed.headers().getLocation()).hasToString("/api/v1/cases/" + caseId);
        assertThat(get("worker.a", filed.headers().getLocation().toString()).body().get("caseNumber").asText())
                .isEqualTo(filed.body().get("caseNumber").asText());
        assertThat(post("intake", "/api/reports", report(COMMUNE_A)).headers().getLocation().toString())
                .as("the unversioned path keeps its own Location").startsWith("/api/cases/");
    }

    @Test
    void versionOneIsGuardedAsTheUnversionedPaths() {
        String caseId = openCase(COMMUNE_A);

        assertThat(get(null, "/api/v1/cases/" + caseId).status()).isEqualTo(401);
        assertThat(get("worker.c", "/api/v1/cases/" + caseId).status()).as("another province").isEqualTo(404);
        assertThat(post("chair.a", "/api/v1/reports", report(COMMUNE_A)).status()).isEqualTo(403);
        assertThat(get("worker.a", "/api/v1/admin/staff").status()).isEqualTo(403);
        assertThat(get("worker.a", "/api/v1/nothing-here").status()).isEqualTo(404);
    }
}
