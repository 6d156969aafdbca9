package vn.childprotection.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;

/**
 * What each operation is and really answers, from {@code openapi/operations.yml}: its tag, summary and description,
 * its success statuses (201 with {@code Location}, 204 without a body), the problem details it may answer, who may
 * call it, examples; and each path under {@code /api/v1/}. An operation missing from the table fails the document
 * (and so the build): a new endpoint is not published undescribed.
 */
final class ApiOperations implements OpenApiCustomizer {

    private static final String PROBLEM = "application/problem+json";
    /** Each error status, what it means; answered as problem details. */
    private static final Map<Integer, String> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put(400, "Bad input: a field, parameter or header is missing or wrong (`errors` names each); nothing was stored");
        ERRORS.put(401, "Not signed in, or the credentials or key are wrong, or the key was revoked");
        ERRORS.put(403, "The caller may never do this (their role, the system's scopes or units), or must first change a one-time password");
        ERRORS.put(404, "No such thing, or not within the caller's jurisdiction");
        ERRORS.put(409, "It clashes with what was done first (someone else holds the task, the key was used for another body, the name is taken)");
        ERRORS.put(413, "The body is larger than the server takes");
        ERRORS.put(415, "The body is not of a media type the operation takes");
        ERRORS.put(429, "The client system sent more requests this minute than its rate; try again after `Retry-After` seconds");
        ERRORS.put(503, "The database is out of reach (restarting): nothing was stored; try again after `Retry-After` seconds");
    }

    private final Map<String, Map<String, Object>> table = load();

    @Override
    @SuppressWarnings("rawtypes")
    public void customise(OpenAPI api) {
        ApiSchemas.describe(api);
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        List<String> referenced = new ArrayList<>();
        schemas.values().forEach(schema -> nullable(schema, referenced));
        // a schema an optional property refers to may stand for a null there
        referenced.forEach(name -> schemas.get(name).setNullable(true));
        api.getComponents().addSchemas("Problem", ApiContract.problem());
        ERRORS.forEach((status, meaning) -> api.getComponents().addResponses("Problem" + status, problem(status, meaning)));
        Paths versioned = new Paths();
        api.getPaths().forEach((path, item) -> {
            item.readOperationsMap().forEach((method, operation) -> describe(method.name() + " " + path, operation));
            versioned.addPathItem(path.startsWith("/api/") ? "/api/v1" + path.substring("/api".length()) : path, item);
        });
        api.setPaths(versioned);
    }

    @SuppressWarnings("unchecked")
    private void describe(String key, Operation operation) {
        Map<String, Object> entry = table.get(key);
        if (entry == null) {
            throw new IllegalStateException("openapi/operations.yml does not describe " + key);
        }
        operation.setTags(List.of((String) entry.get("tag")));
        operation.setSummary((String) entry.get("summary"));
        operation.setDescription((String) entry.get("description"));
        Object clients = entry.getOrDefault("clients", false);
        if ("only".equals(clients)) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(ApiContract.CLIENT_KEY)));
        } else if (Boolean.TRUE.equals(clients)) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(ApiContract.BASIC),
                    new SecurityRequirement().addList(ApiContract.SESSION),
                    new SecurityRequirement().addList(ApiContract.CLIENT_KEY)));
        }
        Map<String, Object> example = (Map<String, Object>) entry.get("example");
        if (example != null && example.get("request") != null && operation.getRequestBody() != null) {
            operation.getRequestBody().getContent().values().forEach(media -> media.setExample(example.get("request")));
        }
        ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
        ApiResponses answers = new ApiResponses();
        Object success = entry.getOrDefault("success", 200);
        for (Object code : success instanceof List<?> list ? list : List.of(success)) {
            ApiResponse answer = new ApiResponse().description(successMeaning((Integer) code));
            if (!Integer.valueOf(204).equals(code) && ok != null && ok.getContent() != null) {
                answer.setContent(content(ok.getContent(), (List<String>) entry.get("produces"),
                        example == null ? null : example.get("response")));
            }
            if (Boolean.TRUE.equals(entry.get("created"))) {
                answer.addHeaderObject("Location", new Header().description("Where what was created is read")
                        .schema(new StringSchema()));
            }
            answers.addApiResponse(String.valueOf(code), answer);
        }
        for (int status : errors(operation, entry, clients)) {
            answers.addApiResponse(String.valueOf(status), new ApiResponse().$ref("#/components/responses/Problem" + status));
        }
        operation.setResponses(answers);
    }

    private static List<Integer> errors(Operation operation, Map<String, Object> entry, Object clients) {
        boolean body = operation.getRequestBody() != null;
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean pathParameters = parameters && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()));
        List<Integer> errors = new ArrayList<>();
        for (int status : ERRORS.keySet()) {
            boolean answered = switch (status) {
                case 400 -> body || parameters;
                case 404 -> pathParameters;
                case 409 -> Boolean.TRUE.equals(entry.get("conflict"));
                case 413, 415 -> body;
                case 429 -> !Boolean.FALSE.equals(clients);
                default -> true;
            };
            if (answered) {
                errors.add(status);
            }
        }
        return errors;
    }

    /**
     * What a success answers: JSON (springdoc says any media type), with the example; or, for a download, the media
     * types the table names, as bytes (JSON among them keeps springdoc's schema).
     */
    private static Content content(Content springdoc, List<String> produces, Object example) {
        Schema<?> schema = springdoc.values().stream().map(MediaType::getSchema).filter(s -> s != null).findFirst()
                .orElse(null);
        Content answer = new Content();
        for (String type : produces == null ? List.of("application/json") : produces) {
            MediaType media = new MediaType().schema(type.equals("application/json") ? schema
                    : new StringSchema().format("binary"));
            if (example != null && type.equals("application/json")) {
                media.setExample(example);
            }
            answer.addMediaType(type, media);
        }
        return answer;
    }

    /**
     * The application writes a property it has no value for as {@code null}: every property the schema does not
     * require may be null (a reference to another schema too, through {@code allOf}, as OpenAPI 3.0 wants it).
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullable(Schema<?> schema, List<String> referenced) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = new LinkedHashMap<>();
        schema.getProperties().forEach((name, property) -> {
            boolean optional = !required.contains(name);
            if (property.get$ref() != null) {
                // a reference carries no description of its own in OpenAPI 3.0: through allOf, it does
                Schema wrapper = new Schema<>().type("object").allOf(List.of(new Schema<>().$ref(property.get$ref())))
                        .description(property.getDescription());
                if (optional) {
                    referenced.add(property.get$ref().substring("#/components/schemas/".length()));
                    wrapper.setNullable(true);
                }
                properties.put(name, wrapper);
            } else {
                properties.put(name, optional ? property.nullable(true) : property);
            }
        });
        schema.setProperties(properties);
    }

    private static String successMeaning(int code) {
        return switch (code) {
            case 201 -> "Created";
            case 202 -> "Accepted: it waits for someone else's decision";
            case 204 -> "Done; nothing to answer";
            default -> "OK";
        };
    }

    /** What some problems look like, in Vietnamese, as a person working in Vietnamese gets them. */
    private static final Map<Integer, Map<String, Object>> EXAMPLES = Map.of(
            400, Map.of("type", "about:blank", "title", "Yêu cầu không hợp lệ", "status", 400,
                    "detail", "Một số trường còn thiếu hoặc không hợp lệ.", "instance", "/api/v1/reports",
                    "errors", List.of(Map.of("field", "communeCode", "message", "Không có xã, phường nào mang mã này."))),
            403, Map.of("type", "about:blank", "title", "Forbidden", "status", 403,
                    "detail", "Vai trò của bạn không được làm việc này.", "instance", "/api/v1/admin/staff"),
            409, Map.of("type", "about:blank", "title", "Xung đột", "status", 409,
                    "detail", "Người khác đang xử lý việc này.", "instance", "/api/v1/tasks/3f2b8c1e-5a6d-4e7f-9b0a-1c2d3e4f5a6b/claim"));

    private static ApiResponse problem(int status, String meaning) {
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"));
        if (EXAMPLES.containsKey(status)) {
            media.setExample(EXAMPLES.get(status));
        }
        ApiResponse response = new ApiResponse().description(meaning).content(new Content().addMediaType(PROBLEM, media));
        if (status == 429 || status == 503) {
            response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again")
                    .schema(new StringSchema()));
        }
        if (status == 401) {
            response.addHeaderObject("WWW-Authenticate", new Header().description("How to sign in: Basic, or Bearer for a key")
                    .schema(new StringSchema()));
        }
        return response;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> load() {
        try (InputStream in = new ClassPathResource("openapi/operations.yml").getInputStream()) {
            return (Map<String, Map<String, Object>>) new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
