package vn.childprotection.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import vn.childprotection.ApiTestBase;

/**
 * The inbox at a glance: each row names the child, flags the danger the report or the assessment found, and
 * says the time left in words; the lists fetch themselves again so that new work appears without reloading.
 */
class InboxPageTest extends ApiTestBase {

    private Document inbox(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, PASSWORD);
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        Reply page = exchange(HttpMethod.GET, "/tasks", new HttpEntity<>(headers));
        assertThat(page.status()).isEqualTo(200);
        return Jsoup.parse(page.body().asText());
    }

    private Element row(Document inbox, String caseNumber) {
        Element row = inbox.selectFirst("tr[data-case=" + caseNumber + "]");
        assertThat(row).as("a row of case %s", caseNumber).isNotNull();
        return row;
    }

    private String caseNumber(String caseId) {
        return get("worker.a", "/api/cases/" + caseId).body().get("caseNumber").asText();
    }

    @Test
    void aReportOfImmediateDangerShowsTheChildTheFlagAndTheTimeLeft() {
        Map<String, Object> report = report(COMMUNE_A);
        report.put("immediateDanger", true);
        Reply reply = post("intake", "/api/reports", report);
        String caseId = reply.body().get("caseId").asText();
        String childName = ((Map<?, ?>) report.get("child")).get("fullName").toString();

        Element row = row(inbox("worker.a"), caseNumber(caseId));

        assertThat(row.text()).contains(childName, "Nguy hiểm tức thời", "Khẩn cấp", "Sắp đến hạn");
        // two hours from a receipt an hour ago
        assertThat(row.selectFirst(".left").text()).matches("còn (\\d+ phút|1 giờ)");
        assertThat(row.hasClass("today")).as("due within a day is marked").isTrue();
    }

    @Test
    void anOrdinaryReportHasNoFlagUntilTheAssessmentRatesItHigh() {
        String caseId = openCase(COMMUNE_A);
        String number = caseNumber(caseId);
        assertThat(row(inbox("worker.a"), number).text()).doesNotContain("Nguy hiểm tức thời", "Nguy cơ cao");

        complete("worker.a", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "HIGH", "immediateDanger", false,
                "crimeSuspected", false, "summary", "Cha dượng đánh trẻ nhiều lần."));

        List<Element> rows = inbox("worker.a").select("tr[data-case=" + number + "]");
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.text()).contains("Nguy cơ cao"));
    }

    @Test
    void thePoliceSeeWhatTheReportSaidNeverTheAssessment() {
        String caseId = openCase(COMMUNE_A);
        complete("worker.a", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "HIGH", "immediateDanger", false,
                "crimeSuspected", true, "summary", "Dấu hiệu bị đánh gây thương tích."));

        Element police = row(inbox("police.a"), caseNumber(caseId));

        assertThat(police.attr("data-type")).isEqualTo("POLICE_ACKNOWLEDGE");
        assertThat(police.text()).doesNotContain("Nguy cơ cao", "Nguy hiểm tức thời");
        assertThat(inbox("worker.a").select("tr[data-case=" + caseNumber(caseId) + "]").text()).contains("Nguy cơ cao");
    }

    @Test
    void anOverdueTaskSaysByHowMuch() {
        String caseId = openCase(COMMUNE_A);
        jdbc.sql("update task_inbox set due_at = ? where case_id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofHours(50))), UUID.fromString(caseId)).update();

        Element row = row(inbox("worker.a"), caseNumber(caseId));

        assertThat(row.selectFirst(".left").text()).isEqualTo("quá hạn 2 ngày");
        assertThat(row.text()).contains("Quá hạn");
        assertThat(row.hasClass("overdue")).isTrue();
    }

    @Test
    void theListsFetchThemselvesAgain() {
        Element lists = inbox("worker.a").getElementById("inbox-lists");

        assertThat(lists).isNotNull();
        assertThat(lists.attr("hx-get")).isEqualTo("/tasks");
        assertThat(lists.attr("hx-trigger")).startsWith("every ");
        assertThat(lists.attr("hx-select")).isEqualTo("#inbox-lists");
    }
}
