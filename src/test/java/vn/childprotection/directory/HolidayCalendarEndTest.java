package vn.childprotection.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import vn.childprotection.ApiTestBase;

/**
 * The holiday calendar as administrators keep it: a banner for administrators and supervisors from 90 days before
 * it runs out, gone once the next year's days are entered through the API; days added and removed, refused field by
 * field, audited; working-day deadlines counted past its end marked on the timeline; the deadlines in force listed
 * in words. Each test takes rows out of the real calendar and puts them back.
 */
class HolidayCalendarEndTest extends ApiTestBase {

    private record Row(LocalDate day, String kind, String name) {
    }

    private List<Row> saved;

    @BeforeEach
    void keep() {
        saved = jdbc.sql("select holiday_date, kind, name from holiday")
                .query((rs, n) -> new Row(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3))).list();
    }

    @AfterEach
    void restore() {
        jdbc.sql("delete from holiday").update();
        for (Row row : saved) {
            jdbc.sql("insert into holiday (holiday_date, kind, name) values (?, ?, ?)")
                    .params(Date.valueOf(row.day()), row.kind(), row.name()).update();
        }
    }

    @Test
    void supervisorsAndAdministratorsAreWarnedWhenTheLastYearRunsOutWithinNinetyDays() {
        assertThat(page("supervisor.p", "/oversight")).as("2027 is in the calendar").doesNotContain("role=\"alert\"");

        // the calendar ends with 2026: today (December 2026) is within 90 days of its end
        jdbc.sql("delete from holiday where holiday_date >= ?").param(Date.valueOf(LocalDate.of(2027, 1, 1))).update();

        assertThat(page("supervisor.p", "/oversight")).contains("role=\"alert\"", "31/12/2026");
        assertThat(page("admin", "/tasks")).contains("role=\"alert\"");
        assertThat(page("worker.a", "/tasks")).doesNotContain("role=\"alert\"");
    }

    @Test
    void enteringNextYearsDaysThroughTheApiEndsTheWarning() {
        jdbc.sql("delete from holiday where holiday_date >= ?").param(Date.valueOf(LocalDate.of(2027, 1, 1))).update();
        assertThat(page("admin", "/admin/holidays")).contains("role=\"alert\"", "31/12/2026");

        Reply added = post("admin", "/api/admin/holidays", Map.of("date", "2027-01-01", "kind", "HOLIDAY",
                "name", "Tết Dương lịch"));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body().get("date").asText()).isEqualTo("2027-01-01");

        assertThat(page("supervisor.p", "/oversight")).doesNotContain("role=\"alert\"");
        assertThat(get("admin", "/api/admin/holidays?year=2027").body().findValuesAsText("name"))
                .containsExactly("Tết Dương lịch");
        assertThat(page("admin", "/admin/holidays?year=2027")).contains("01/01/2027", "Tết Dương lịch");
    }

    @Test
    void aDayIsAddedAndRemovedRefusedFieldByFieldAndEveryChangeAudited() {
        long before = count("holiday");
        // a make-up working day is a weekend day; 3 March 2027 is a Wednesday
        Reply weekday = post("admin", "/api/admin/holidays", Map.of("date", "2027-03-03", "kind", "WORKING_DAY",
                "name", "Làm bù"));
        assertThat(weekday.status()).isEqualTo(400);
        assertThat(weekday.body().toString()).contains("date", "thứ Bảy hoặc Chủ nhật");
        Reply bad = post("admin", "/api/admin/holidays", Map.of("date", "03/03/2027", "kind", "HOLIDAY", "name", " "));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().toString()).contains("date", "name");
        Reply twice = post("admin", "/api/admin/holidays", Map.of("date", "2027-01-01", "kind", "HOLIDAY", "name", "x"));
        assertThat(twice.status()).as("1 January 2027 is in the calendar").isEqualTo(409);
        assertThat(count("holiday")).as("nothing stored").isEqualTo(before);

        assertThat(post("admin", "/api/admin/holidays", Map.of("date", "2027-03-06", "kind", "WORKING_DAY",
                "name", "Làm bù cho ngày nghỉ hoán đổi")).status()).isEqualTo(201);
        assertThat(call("admin", HttpMethod.DELETE, "/api/admin/holidays/2027-03-06", null).status()).isEqualTo(204);
        assertThat(call("admin", HttpMethod.DELETE, "/api/admin/holidays/2027-03-06", null).status()).isEqualTo(404);
        assertThat(count("holiday")).isEqualTo(before);
        assertThat(jdbc.sql("select action || ' ' || detail from audit_event where detail like '2027-03-06%' order by seq")
                .query(String.class).list()).containsSubsequence("HOLIDAY_ADDED 2027-03-06 WORKING_DAY Làm bù cho ngày nghỉ hoán đổi",
                "HOLIDAY_REMOVED 2027-03-06");
        assertThat(post("supervisor.p", "/api/admin/holidays", Map.of("date", "2027-03-06", "kind", "WORKING_DAY",
                "name", "x")).status()).isEqualTo(403);
    }

    @Test
    void theDeadlinesInForceAreListedInWordsWithWhatTheyCountFromAndTheirBasis() {
        var lines = get("supervisor.p", "/api/deadlines").body();
        assertThat(lines.findValuesAsText("name")).contains("initial-assessment", "plan-draft", "police-outcome");
        for (var line : lines) {
            switch (line.get("name").asText()) {
                case "initial-assessment" -> assertThat(line.get("value").asText() + " | "
                        + line.get("countsFrom").asText() + " | " + line.get("basis").asText())
                        .isEqualTo("6 giờ | khi nhận tin báo (giờ nhận ghi trên tin báo) | NĐ 56/2017 Điều 26.3, 31: "
                                + "đánh giá đủ sớm để trẻ được bảo vệ trong 12 giờ kể từ khi nhận tin báo");
                case "plan-draft" -> assertThat(line.get("value").asText()).isEqualTo("5 ngày làm việc");
                case "separation" -> assertThat(line.get("remindBefore").asText()).isEqualTo("2 ngày");
                case "police-outcome-complex" -> assertThat(line.get("value").asText()).isEqualTo("2 tháng");
                default -> assertThat(line.get("step").asText()).doesNotStartWith("deadline.");
            }
        }
        assertThat(page("supervisor.p", "/deadlines")).contains("Thời hạn đang áp dụng", "5 ngày làm việc",
                "Thông tư 43/2021/TT-BCA Điều 5");
    }

    @Test
    void aWorkingDayDeadlineCountedWithoutAHolidayCalendarIsMarkedOnTheTimeline() {
        jdbc.sql("delete from holiday").update();
        String caseId = openCase(COMMUNE_A);
        complete("worker.a", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "LOW", "immediateDanger", false,
                "crimeSuspected", false, "summary", "Ổn định"));

        var timeline = get("worker.a", "/api/cases/" + caseId + "/timeline").body();

        for (var entry : timeline) {
            switch (entry.get("type").asText()) {
                case "RISK_NEEDS_ASSESSMENT" -> assertThat(entry.get("countedWithoutHolidays").asBoolean())
                        .as("3 working days").isTrue();
                case "INITIAL_ASSESSMENT" -> assertThat(entry.get("countedWithoutHolidays").asBoolean())
                        .as("6 hours need no calendar").isFalse();
                default -> assertThat(entry.get("countedWithoutHolidays").asBoolean()).isFalse();
            }
        }
        assertThat(timeline.findValuesAsText("type")).contains("RISK_NEEDS_ASSESSMENT");
        assertThat(page("worker.a", "/cases/" + caseId)).contains("hạn tính khi chưa có lịch ngày nghỉ");
    }

    private String page(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, PASSWORD);
        var reply = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(reply.getStatusCode().value()).as("%s %s", user, path).isEqualTo(200);
        return reply.getBody();
    }
}
