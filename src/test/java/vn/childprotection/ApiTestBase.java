package vn.childprotection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.childprotection.process.CaseWorkflow;

/**
 * The whole application on a real port and a real database (H2, or PostgreSQL with -Ppostgres),
 * called over HTTP as integrators call it. All API tests share this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTestBase {

    public static final String COMMUNE_A = "00004";
    public static final String COMMUNE_B = "00070";
    public static final String COMMUNE_C = "04405";
    public static final String PASSWORD = "demo";

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected ObjectMapper json;

    /** The real workflow port; a test may make it fail to check that nothing is half-stored. */
    @MockitoSpyBean
    protected CaseWorkflow workflow;

    /** A response with its body read as JSON. */
    public record Reply(int status, HttpHeaders headers, JsonNode body) {
    }

    protected Reply call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        credentials(headers, user);
        Object payload = body;
        if (body != null && !(body instanceof String)) {
            payload = json.valueToTree(body).toString();
        }
        return exchange(method, path, new HttpEntity<>(payload, headers));
    }

    /** How {@code user} signs in: HTTP Basic with the demo password; nobody for {@code null}. */
    protected void credentials(HttpHeaders headers, String user) {
        if (user != null) {
            headers.setBasicAuth(user, PASSWORD);
        }
    }

    /** The HTTP client the helpers use; a test may answer one that does not follow redirects. */
    protected TestRestTemplate client() {
        return http;
    }

    /** Sends exactly the given request (raw bytes, other credentials, other headers). */
    protected Reply exchange(HttpMethod method, String path, HttpEntity<?> request) {
        ResponseEntity<String> response = client().exchange(path, method, request, String.class);
        answered(method, path, response);
        return new Reply(response.getStatusCode().value(), response.getHeaders(), parse(response.getBody()));
    }

    /** Every answer the helpers got, as it came; a test may hold it to the API's contract ({@link Contract}). */
    protected void answered(HttpMethod method, String path, ResponseEntity<String> response) {
    }

    protected Reply get(String user, String path) {
        return call(user, HttpMethod.GET, path, null);
    }

    protected Reply post(String user, String path, Object body) {
        return call(user, HttpMethod.POST, path, body);
    }

    private static final java.util.concurrent.atomic.AtomicLong CHILDREN = new java.util.concurrent.atomic.AtomicLong(
            System.nanoTime() % 1_000_000_000L);

    /** Today as the application judges it: in Vietnam, also between 00:00 and 07:00 there when UTC is on yesterday. */
    protected static java.time.LocalDate todayInVietnam() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    /** A child no other test reported, so that its report opens a case of its own. */
    protected static String newChildName() {
        String letters = Long.toString(CHILDREN.incrementAndGet(), 26).toUpperCase();
        return "Nguyễn Thị Hoa " + letters;
    }

    /** A valid report about a new child in the given commune; tests change what they need. */
    protected static Map<String, Object> report(String communeCode) {
        return new java.util.LinkedHashMap<>(Map.of(
                "channel", "HOTLINE_111",
                "receivedAt", java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(7)).minusHours(1).withNano(0).toString(),
                "communeCode", communeCode,
                "child", Map.of("fullName", newChildName(), "sex", "FEMALE", "birthDate", "2017-05-02", "ageYears", 9),
                "harmTypes", java.util.List.of("PHYSICAL_VIOLENCE"),
                "setting", "FAMILY",
                "description", "Hàng xóm nghe tiếng trẻ khóc và bị đánh nhiều lần trong tuần.",
                "immediateDanger", false,
                "reporter", Map.of("anonymous", false, "fullName", "Trần Văn Nam", "phone", "0912345678",
                        "relationship", "hàng xóm")));
    }

    /** Records a report as the intake officer and returns the new case's id. */
    protected String openCase(String communeCode) {
        Reply reply = post("intake", "/api/reports", report(communeCode));
        assertThat(reply.status()).as("report accepted: %s", reply.body()).isEqualTo(201);
        return reply.body().get("caseId").asText();
    }

    /** The id of the open task of a case with the given type, from the task inbox. */
    protected String taskOf(String caseId, String type) {
        return jdbc.sql("select task_id from task_inbox where case_id = ? and task_type = ?")
                .params(java.util.UUID.fromString(caseId), type).query(String.class).single();
    }

    /** Claims the case's open task of the given type and completes it with the form; asserts it went through. */
    protected void complete(String user, String caseId, String type, Map<String, Object> form) {
        Reply reply = completeReply(user, caseId, type, form);
        assertThat(reply.status()).as("%s completes %s: %s", user, type, reply.body()).isEqualTo(204);
    }

    /** Claims the case's open task of the given type and tries to complete it with the form. */
    protected Reply completeReply(String user, String caseId, String type, Object form) {
        String taskId = taskOf(caseId, type);
        Reply claim = post(user, "/api/tasks/" + taskId + "/claim", null);
        assertThat(claim.status()).as("%s claims %s", user, type).isEqualTo(200);
        return post(user, "/api/tasks/" + taskId + "/complete", form);
    }

    /** Applies the official list of units (CSV) as an administrator does; asserts it was applied. */
    protected void importUnits(String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setBasicAuth("admin", PASSWORD);
        org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
        parts.add("file", new org.springframework.core.io.ByteArrayResource(
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "units.csv";
            }
        });
        Reply imported = exchange(HttpMethod.POST, "/api/admin/units/import?apply=true", new HttpEntity<>(parts, headers));
        assertThat(imported.status()).as("%s", imported.body()).isEqualTo(200);
    }

    protected long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.nullNode();
        }
        try {
            return json.readTree(body);
        } catch (Exception e) {
            return json.getNodeFactory().textNode(body);
        }
    }
}
