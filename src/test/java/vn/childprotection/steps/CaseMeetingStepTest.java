package vn.childprotection.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import vn.childprotection.ApiTestBase;

/** The case meeting is held after the report came in: a day before it is refused by field, nothing stored. */
class CaseMeetingStepTest extends ApiTestBase {

    @Test
    void aMeetingBeforeTheReportIsRefusedAndOneOnTheDayOfItIsTaken() {
        String caseId = openCase(COMMUNE_A);
        complete("worker.a", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "LOW", "immediateDanger", false,
                "crimeSuspected", false, "summary", "Ổn định"));
        complete("worker.a", caseId, "RISK_NEEDS_ASSESSMENT", Map.of("riskLevel", "LOW", "needs", "Tư vấn"));
        LocalDate received = jdbc.sql("select received_at from case_file where id = ?").param(UUID.fromString(caseId))
                .query(java.sql.Timestamp.class).single().toInstant().atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate();
        long forms = jdbc.sql("select count(*) from case_form where case_id = ?").param(UUID.fromString(caseId))
                .query(Long.class).single();

        Reply before = completeReply("worker.a", caseId, "CASE_MEETING", Map.of("heldOn", received.minusDays(1).toString(),
                "participants", "Gia đình", "minutes", "Họp trước khi có tin báo"));

        assertThat(before.status()).isEqualTo(400);
        assertThat(before.body().get("errors").findValuesAsText("field")).containsExactly("heldOn");
        assertThat(jdbc.sql("select count(*) from case_form where case_id = ?").param(UUID.fromString(caseId))
                .query(Long.class).single()).isEqualTo(forms);
        Reply sameDay = post("worker.a", "/api/tasks/" + taskOf(caseId, "CASE_MEETING") + "/complete",
                Map.of("heldOn", received.toString(), "participants", "Gia đình", "minutes", "Thống nhất"));
        assertThat(sameDay.status()).isEqualTo(204);

        // the case page shows the day of the meeting as people write it, not as it is stored
        HttpHeaders page = new HttpHeaders();
        page.setBasicAuth("worker.a", PASSWORD);
        page.setAccept(List.of(MediaType.TEXT_HTML));
        String html = exchange(HttpMethod.GET, "/cases/" + caseId, new HttpEntity<>(page)).body().asText();
        assertThat(html).contains(received.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                .doesNotContain(">" + received + "<");
    }
}
