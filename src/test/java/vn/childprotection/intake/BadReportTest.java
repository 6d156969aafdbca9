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
                bad("wrong type for immediateDanger", r -> r.put("immediateDanger", List.of(1)), "immediateDanger"));
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
                Arguments.of("plain text", "hello"));
    }
}
