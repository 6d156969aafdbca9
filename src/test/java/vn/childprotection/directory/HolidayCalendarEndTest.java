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
 * When the holiday calendar runs out: a banner for administrators and supervisors from 90 days before,
 * and working-day deadlines counted past its end marked on the timeline. Each test takes rows out of the
 * real calendar and puts them back.
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
