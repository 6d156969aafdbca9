package vn.childprotection;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * The API's OpenAPI document as the running application serves it, and a check of real answers against it
 * (swagger-request-validator): the status must be one the operation lists, the body must match its schema for the
 * media type it came with. The unversioned paths are the same operations as {@code /api/v1/}.
 */
public final class Contract {

    private final OpenApiInteractionValidator validator;

    private Contract(String document) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
    }

    private static volatile Contract served;

    public static Contract of(String document) {
        return new Contract(document);
    }

    /** The document the running application serves, read once for all tests (it is the same in every context). */
    public static Contract served(org.springframework.boot.test.web.client.TestRestTemplate http) {
        if (served == null) {
            served = of(http.getForObject("/v3/api-docs", String.class));
        }
        return served;
    }

    /** What is wrong with this answer to {@code method path}, as the contract says; empty when nothing is. */
    public List<String> problems(HttpMethod method, String path, ResponseEntity<String> response) {
        String asked = path.replaceFirst("[?#].*$", "");
        if (!asked.startsWith("/api/")) {
            return List.of();
        }
        String operation = asked.startsWith("/api/v1/") ? asked : "/api/v1" + asked.substring("/api".length());
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.getStatusCode().value());
        if (response.getHeaders().getContentType() != null) {
            answer.withContentType(response.getHeaders().getContentType().toString());
        }
        response.getHeaders().forEach((name, values) -> answer.withHeader(name, values));
        if (response.getBody() != null) {
            answer.withBody(response.getBody());
        }
        ValidationReport report = validator.validateResponse(operation, Request.Method.valueOf(method.name()),
                answer.build());
        // a path the API does not have is no operation of the contract (its 404 is the application's)
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !m.getKey().equals("validation.request.path.missing"))
                .map(m -> method + " " + operation + " " + response.getStatusCode().value() + ": " + m.getMessage())
                .toList();
    }
}
