package vn.childprotection.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;

import vn.childprotection.ApiTestBase;

/**
 * The API's contract, as served at /v3/api-docs, written to docs/openapi.json on every build so that a change of the
 * contract shows in review (and CI lints that file).
 */
class OpenApiDocumentTest extends ApiTestBase {

    static final Path DOCUMENT = Path.of("docs", "openapi.json");

    @Test
    void theContractIsServedAndWrittenIntoTheDocs() throws Exception {
        Reply served = get(null, "/v3/api-docs");
        assertThat(served.status()).isEqualTo(200);
        JsonNode document = served.body();
        Files.writeString(DOCUMENT, json.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(document) + "\n");
        assertThat(document.get("paths").fieldNames()).toIterable().isNotEmpty();
    }

    @Test
    void swaggerUiDrawsTheContractForAnyone() {
        var page = http.getForEntity("/swagger-ui/index.html", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("swagger-ui");
        assertThat(http.getForObject("/v3/api-docs/swagger-config", String.class)).contains("/v3/api-docs");
    }
}
