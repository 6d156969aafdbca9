package vn.childprotection.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import vn.childprotection.ApiTestBase;

/**
 * Decisions show what is decided: the chair approving a plan reads the plan and decides with buttons that say
 * what they do; a plan sent back reaches the worker with the chair's reason and the plan as it was.
 */
class DecisionPagesTest extends ApiTestBase {

    private Document taskPage(String user, String taskId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, PASSWORD);
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        Reply page = exchange(HttpMethod.GET, "/tasks/" + taskId, new HttpEntity<>(headers));
        assertThat(page.status()).isEqualTo(200);
        return Jsoup.parse(page.body().asText());
    }

    private String planAwaitingApproval() {
        String caseId = openCase(COMMUNE_A);
        complete("worker.a", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "LOW", "immediateDanger", false,
                "crimeSuspected", false, "summary", "Ổn định"));
        complete("worker.a", caseId, "RISK_NEEDS_ASSESSMENT", Map.of("riskLevel", "MEDIUM", "needs", "Tư vấn tâm lý"));
        complete("worker.a", caseId, "CASE_MEETING", Map.of("heldOn", todayInVietnam().toString(),
                "participants", "Chủ tịch xã, gia đình", "minutes", "Thống nhất"));
        complete("worker.a", caseId, "PLAN_DRAFT", Map.of("goals", "Trẻ đi học đều, an toàn ở nhà",
                "activities", "Tư vấn tâm lý hằng tuần", "responsible", "Cán bộ xã"));
        return caseId;
    }

    @Test
    void theChairReadsThePlanAndDecidesWithButtonsThatSayWhatTheyDo() {
        String caseId = planAwaitingApproval();
        String taskId = taskOf(caseId, "PLAN_APPROVAL");
        assertThat(post("chair.a", "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(200);

        Document page = taskPage("chair.a", taskId);

        assertThat(page.getElementById("decided-on").text()).contains("Mẫu 04", "Trẻ đi học đều, an toàn ở nhà",
                "Tư vấn tâm lý hằng tuần", "Cán bộ xã", "Nguyễn Thị An");
        assertThat(page.select("#taskform button[type=submit]")).extracting(b -> b.text() + "=" + b.attr("value"))
                .containsExactly("Phê duyệt=true", "Trả lại=false");
        assertThat(page.select("#taskform input[name=approved]")).as("no yes/no to tick besides the buttons").isEmpty();
        assertThat(page.getElementById("about").parent().text()).as("people by name, not login")
                .contains("Trần Văn Bình").doesNotContain("chair.a");
    }

    @Test
    void aPlanSentBackReachesTheWorkerWithTheReasonAndThePlanAsItWas() {
        String caseId = planAwaitingApproval();
        complete("chair.a", caseId, "PLAN_APPROVAL", Map.of("approved", false,
                "reason", "Cần thêm trợ giúp pháp lý cho gia đình"));
        String redraft = taskOf(caseId, "PLAN_DRAFT");
        assertThat(post("worker.a", "/api/tasks/" + redraft + "/claim", null).status()).isEqualTo(200);

        Document page = taskPage("worker.a", redraft);

        assertThat(page.getElementById("refusal").text()).contains("Trần Văn Bình",
                "Cần thêm trợ giúp pháp lý cho gia đình");
        assertThat(page.selectFirst("#taskform [name=goals]").text()).isEqualTo("Trẻ đi học đều, an toàn ở nhà");
        assertThat(page.selectFirst("#taskform [name=activities]").text()).isEqualTo("Tư vấn tâm lý hằng tuần");
    }

    @Test
    void theFirstPlanHasNoRefusalAndStartsEmpty() {
        String caseId = openCase(COMMUNE_A);
        complete("worker.a", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "LOW", "immediateDanger", false,
                "crimeSuspected", false, "summary", "Ổn định"));
        complete("worker.a", caseId, "RISK_NEEDS_ASSESSMENT", Map.of("riskLevel", "LOW", "needs", "Tư vấn"));
        complete("worker.a", caseId, "CASE_MEETING", Map.of("heldOn", todayInVietnam().toString(),
                "participants", "Gia đình", "minutes", "Thống nhất"));
        String draft = taskOf(caseId, "PLAN_DRAFT");
        assertThat(post("worker.a", "/api/tasks/" + draft + "/claim", null).status()).isEqualTo(200);

        Document page = taskPage("worker.a", draft);

        assertThat(page.getElementById("refusal")).isNull();
        assertThat(page.selectFirst("#taskform [name=goals]").text()).isEmpty();
    }

    @Test
    void eachErrorIsTiedToItsField() {
        String caseId = openCase(COMMUNE_A);
        String taskId = taskOf(caseId, "INITIAL_ASSESSMENT");
        assertThat(post("worker.a", "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(200);
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("worker.a", PASSWORD);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("immediateDanger", "false");

        Reply page = exchange(HttpMethod.POST, "/tasks/" + taskId, new HttpEntity<>(form, headers));

        Document html = Jsoup.parse(page.body().asText());
        assertThat(html.selectFirst("#taskform [name=summary]").attr("aria-describedby")).isEqualTo("err-summary");
        assertThat(html.selectFirst("#taskform [name=summary]").attr("aria-invalid")).isEqualTo("true");
        assertThat(html.getElementById("err-summary")).isNotNull();
        assertThat(html.selectFirst("#taskform select[name=dangerLevel]").attr("aria-describedby")).isEqualTo("err-dangerLevel");
        assertThat(html.selectFirst("#taskform [name=crimeSuspected]").attr("aria-describedby")).isEqualTo("err-crimeSuspected");
        assertThat(html.selectFirst("label[for=summary]").text()).as("required fields show their asterisk").endsWith("*");
    }
}
