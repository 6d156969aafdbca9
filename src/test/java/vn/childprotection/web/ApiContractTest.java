package vn.childprotection.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import vn.childprotection.ContractedApiTest;

/**
 * The contract's error answers, operation by operation, as the application really gives them (the authorization
 * matrix holds every operation's successes, 401, 403 and 404 to the contract): a body that is not JSON, a body of
 * another media type, a body over the limit, a conflict. Each answer must be one the document lists, with its schema
 * (ContractedApiTest).
 */
class ApiContractTest extends ContractedApiTest {

    /** Someone whose role passes the operation's rule, so that the body is what is judged. */
    private static String caller(String path) {
        if (path.startsWith("/api/v1/admin/staff")) {
            return "admin";
        }
        if (path.startsWith("/api/v1/admin") || path.startsWith("/api/v1/directory")) {
            return path.startsWith("/api/v1/directory") ? "supervisor.p" : "admin";
        }
        if (path.endsWith("/police-outcome")) {
            return "police.a";
        }
        if (path.endsWith("/transfer") || path.endsWith("/duplicate")) {
            return "supervisor.p";
        }
        return path.equals("/api/v1/reports") ? "intake" : "worker.a";
    }

    private Reply send(String user, HttpMethod method, String path, String body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        credentials(headers, user);
        return exchange(method, path, new HttpEntity<>(body, headers));
    }

    @Test
    void everyOperationWithABodyAnswersBrokenJsonAndAnotherMediaTypeAsItsContractSays() {
        JsonNode paths = get(null, "/v3/api-docs").body().get("paths");
        int operations = 0;
        for (var path : (Iterable<Map.Entry<String, JsonNode>>) paths::fields) {
            for (var operation : (Iterable<Map.Entry<String, JsonNode>>) () -> path.getValue().fields()) {
                JsonNode body = operation.getValue().get("requestBody");
                if (body == null) {
                    continue;
                }
                operations++;
                HttpMethod method = HttpMethod.valueOf(operation.getKey().toUpperCase());
                String concrete = path.getKey().replaceAll("\\{username}", "worker.b")
                        .replaceAll("\\{[A-Za-z]+}", UUID.randomUUID().toString());
                String user = caller(concrete);
                boolean takesJson = body.get("content").has("application/json");
                Reply broken = send(user, method, concrete, takesJson ? "{\"channel\": " : "--x", takesJson
                        ? MediaType.APPLICATION_JSON : MediaType.MULTIPART_FORM_DATA);
                assertThat(broken.status()).as("%s %s with a broken body", method, concrete).isIn(400, 404);
                Reply other = send(user, method, concrete, "tin báo", MediaType.TEXT_PLAIN);
                // a JSON operation refuses the media type; a multipart one finds no file in it
                assertThat(other.status()).as("%s %s as text/plain", method, concrete)
                        .isIn(takesJson ? List.of(415, 404) : List.of(415, 400, 404));
            }
        }
        assertThat(operations).as("operations with a body (the loop ran)").isGreaterThan(10);
    }

    @Test
    void aBodyOverTheLimitAndAConflictAreAnsweredAsTheContractSays() {
        Reply large = send("intake", HttpMethod.POST, "/api/v1/reports",
                "{\"description\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}", MediaType.APPLICATION_JSON);
        assertThat(large.status()).isEqualTo(413);

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        credentials(headers, "intake");
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        assertThat(exchange(HttpMethod.POST, "/api/v1/reports", new HttpEntity<>(json.valueToTree(report(COMMUNE_A))
                .toString(), headers)).status()).isEqualTo(201);
        assertThat(exchange(HttpMethod.POST, "/api/v1/reports", new HttpEntity<>(json.valueToTree(report(COMMUNE_A))
                .toString(), headers)).status()).isEqualTo(409);

        String caseId = openCase(COMMUNE_A);
        String task = taskOf(caseId, "INITIAL_ASSESSMENT");
        assertThat(post("worker.a", "/api/v1/tasks/" + task + "/claim", null).status()).isEqualTo(200);
        assertThat(post("chair.a", "/api/v1/tasks/" + task + "/claim", null).status()).isIn(409, 404);
    }
}
