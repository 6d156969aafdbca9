package vn.childprotection.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

import vn.childprotection.ApiTestBase;

/** Every kind of bad report is 400 with problem details, and nothing is stored. */
class BadReportTest extends ApiTestBase {

    static Stream<Arguments> badReports() {
        return Stream.of(
                bad("missing commune", r -> r.remove("communeCode"), "communeCode"),
                bad("unknown commune", r -> r.put("communeCode", "99999"), "communeCode"),
                bad("future receivedAt", r -> r.put("receivedAt",
                        OffsetDateTime.now(ZoneOffset.ofHours(7)).plusHours(3).toString()), "receivedAt"),
                bad("unknown channel", r -> r.put("channel", "FAX"), "channel"),
                bad("unknown harm type", r -> r.put("harmTypes", List.of("PHYSICAL_VIOLENCE", "TEASING")), "harmTypes[1]"),
                bad("unknown sex", r -> r.put("child", Map.of("sex", "X")), "child.sex"),
                bad("no harm type", r -> r.put("harmTypes", List.of()), "harmTypes"),
                bad("missing description", r -> r.put("description", "  "), "description"),
                bad("1 MB description", r -> r.put("description", "a".repeat(1024 * 1024)), "description"),
                bad("adult", r -> r.put("child", Map.of("sex", "MALE", "birthDate", "2000-01-01")), "child.birthDate"),
                bad("age 18", r -> r.put("child", Map.of("sex", "MALE", "ageYears", 18)), "child.ageYears"),
                bad("age contradicts birth date", r -> r.put("child",
                        Map.of("sex", "MALE", "birthDate", "2017-05-02", "ageYears", 3)), "child.ageYears"),
                bad("short national id", r -> r.put("child", Map.of("sex", "MALE", "nationalId", "12345")),
                        "child.nationalId"),
                bad("receivedAt not a date", r -> r.put("receivedAt", "yesterday"), "receivedAt"),
                bad("wrong type for immediateDanger", r -> r.put("immediateDanger", List.of(1)), "immediateDanger"),
                bad("word for immediateDanger", r -> r.put("immediateDanger", "có"), "immediateDanger"),
                bad("object for description", r -> r.put("description", Map.of("text", "x")), "description"),
                bad("impossible birth date", r -> r.put("child", Map.of("sex", "MALE", "birthDate", "2019-02-30")),
                        "child.birthDate"),
                bad("receivedAt without offset", r -> r.put("receivedAt", "2026-11-23 08:00"), "receivedAt"),
                bad("SQL in the commune code", r -> r.put("communeCode", "00004' OR '1'='1"), "communeCode"),
                bad("SQL in the national id", r -> r.put("child", Map.of("sex", "MALE",
                        "nationalId", "1; DROP TABLE case_file;--")), "child.nationalId"),
                bad("script as channel", r -> r.put("channel", "<script>alert(1)</script>"), "channel"),
                bad("script as harm type", r -> r.put("harmTypes", List.of("<img src=x onerror=alert(1)>")),
                        "harmTypes[0]"),
                bad("too many harm types", r -> r.put("harmTypes", java.util.Collections.nCopies(50, "NEGLECT")),
                        "harmTypes"),
                bad("name too long", r -> r.put("child", Map.of("sex", "MALE", "fullName", "Ă".repeat(5000))),
                        "child.fullName"));
    }

    private static Arguments bad(String what, Consumer<Map<String, Object>> change, String field) {
        Map<String, Object> report = report(COMMUNE_A);
        change.accept(report);
        return Arguments.of(what, report, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReports")
    void isRefusedWithTheFieldNamedAndNothingStored(String what, Map<String, Object> report, String field) {
        long cases = count("case_file");
        long reports = count("report");

        Reply reply = post("intake", "/api/reports", report);

        assertThat(reply.status()).as("%s: %s", what, reply.body()).isEqualTo(400);
        assertThat(reply.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.body().get("errors").findValuesAsText("field")).as(what).contains(field);
        assertThat(count("case_file")).isEqualTo(cases);
        assertThat(count("report")).isEqualTo(reports);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedBodyIsRefused(String what, String body) {
        long cases = count("case_file");

        Reply reply = post("intake", "/api/reports", body);

        assertThat(reply.status()).as(what).isEqualTo(400);
        assertThat(reply.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(count("case_file")).isEqualTo(cases);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("broken JSON", "{\"channel\": \"HOTLINE_111\", "),
                Arguments.of("not an object", "[1, 2, 3]"),
                Arguments.of("empty body", ""),
                Arguments.of("plain text", "hello"),
                Arguments.of("nothing but null", "null"),
                Arguments.of("number", "42"));
    }

    @org.junit.jupiter.api.Test
    void brokenUtf8IsRefused() {
        long cases = count("case_file");
        String valid = json.valueToTree(report(COMMUNE_A)).toString();
        byte[] good = valid.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = valid.indexOf("Hàng xóm");
        byte[] broken = java.util.Arrays.copyOf(good, good.length);
        // the first byte of a two-byte sequence followed by a byte that cannot continue it
        broken[at + 1] = (byte) 0xC3;
        broken[at + 2] = (byte) 0x28;

        Reply reply = postBytes("/api/reports", broken);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(count("case_file")).isEqualTo(cases);
    }

    @org.junit.jupiter.api.Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        long cases = count("case_file");
        Map<String, Object> report = report(COMMUNE_A);
        report.put("description", "a".repeat(3 * 1024 * 1024));

        Reply reply = post("intake", "/api/reports", report);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body().get("detail").asText()).contains("2 MB");
        assertThat(count("case_file")).isEqualTo(cases);
    }

    @org.junit.jupiter.api.Test
    void scriptAndSqlInFreeTextAreKeptAsTheTextTheyAre() {
        String script = "<script>alert('xss')</script> Cô giáo báo: trẻ bị đánh'); DROP TABLE report;--";
        Map<String, Object> report = report(COMMUNE_A);
        report.put("description", script);
        report.put("allegedAbuser", Map.of("relationship", "OTHER", "fullName", "Robert'); DROP TABLE case_file;--"));

        Reply created = post("intake", "/api/reports", report);

        assertThat(created.status()).isEqualTo(201);
        Reply file = get("intake", "/api/cases/" + created.body().get("caseId").asText());
        assertThat(file.body().at("/reports/0/description").asText()).isEqualTo(script);
        assertThat(file.body().at("/reports/0/allegedAbuser/fullName").asText())
                .isEqualTo("Robert'); DROP TABLE case_file;--");
        assertThat(count("case_file")).as("the tables are still there").isPositive();
        assertThat(count("report")).isPositive();
    }

    private Reply postBytes(String path, byte[] body) {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth("intake", PASSWORD);
        return exchange(org.springframework.http.HttpMethod.POST, path,
                new org.springframework.http.HttpEntity<>(body, headers));
    }
}
