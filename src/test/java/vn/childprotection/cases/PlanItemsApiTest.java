package vn.childprotection.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import vn.childprotection.ApiTestBase;

/**
 * Carrying out the plan (step 9): each item names a service, a provider of the directory, what, who and by when,
 * and is followed up from asked to delivered or not delivered with why; an item past its day shows on the inbox and
 * the timeline; the chair approving the plan reads the items; the police never see them.
 */
class PlanItemsApiTest extends ApiTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    OverduePlanItems overdueItems;

    private String providerOf(String communeCode, String service) {
        Reply providers = get("worker.a", "/api/directory/providers?communeCode=" + communeCode);
        assertThat(providers.status()).isEqualTo(200);
        for (var p : providers.body()) {
            if (p.get("service").asText().equals(service)) {
                return p.get("id").asText();
            }
        }
        throw new AssertionError("no " + service + " provider for " + communeCode);
    }

    private static Map<String, Object> item(String service, String providerId, LocalDate due) {
        Map<String, Object> item = new HashMap<>(Map.of("service", service, "action", "Khám và điều trị vết thương",
                "responsible", "Bác sĩ trạm y tế", "dueOn", due.toString()));
        if (providerId != null) {
            item.put("providerId", providerId);
        }
        return item;
    }

    private long itemsOf(String caseId) {
        return jdbc.sql("select count(*) from plan_item where case_id = ?").param(UUID.fromString(caseId))
                .query(Long.class).single();
    }

    private Document page(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, PASSWORD);
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        Reply page = exchange(HttpMethod.GET, path, new HttpEntity<>(headers));
        assertThat(page.status()).isEqualTo(200);
        return Jsoup.parse(page.body().asText());
    }

    @Test
    void anItemIsAskedOfAProviderAndFollowedUpUntilItIsDelivered() {
        String caseId = openCase(COMMUNE_A);
        String health = providerOf(COMMUNE_A, "HEALTH");
        LocalDate due = todayInVietnam().plusDays(7);

        Reply added = post("worker.a", "/api/cases/" + caseId + "/plan-items", item("HEALTH", health, due));

        assertThat(added.status()).isEqualTo(201);
        String itemId = added.body().get("id").asText();
        Reply items = get("chair.a", "/api/cases/" + caseId + "/plan-items");
        assertThat(items.status()).isEqualTo(200);
        assertThat(items.body()).hasSize(1);
        assertThat(items.body().get(0).get("providerName").asText()).isEqualTo("Trạm y tế phường Ba Đình");
        assertThat(items.body().get(0).get("status").asText()).isEqualTo("ASKED");
        assertThat(items.body().get(0).get("dueOn").asText()).isEqualTo(due.toString());
        assertThat(items.body().get(0).get("overdue").asBoolean()).isFalse();
        assertThat(items.body().get(0).get("addedBy").asText()).isEqualTo("Nguyễn Thị An");

        String status = "/api/cases/" + caseId + "/plan-items/" + itemId + "/status";
        assertThat(post("worker.a", status, Map.of("status", "ACCEPTED")).status()).isEqualTo(204);
        Reply whyNot = post("worker.a", status, Map.of("status", "NOT_DELIVERED"));
        assertThat(whyNot.status()).isEqualTo(400);
        assertThat(whyNot.body().get("errors").findValuesAsText("field")).containsExactly("outcome");
        assertThat(post("worker.a", status, Map.of("status", "DELIVERED", "outcome", "Đã khám, vết thương lành")).status())
                .isEqualTo(204);
        assertThat(post("worker.a", status, Map.of("status", "ACCEPTED")).status()).as("delivered is final").isEqualTo(409);
        Reply after = get("worker.a", "/api/cases/" + caseId + "/plan-items");
        assertThat(after.body().get(0).get("status").asText()).isEqualTo("DELIVERED");
        assertThat(after.body().get(0).get("outcome").asText()).isEqualTo("Đã khám, vết thương lành");
        var timeline = get("worker.a", "/api/cases/" + caseId + "/timeline").body();
        assertThat(timeline.findValuesAsText("type")).contains("PLAN_ITEM");
        assertThat(timeline.findValuesAsText("title")).anyMatch(t -> t.contains("Khám và điều trị vết thương"));

        assertThat(get("worker.b", "/api/cases/" + caseId + "/plan-items").status()).as("another commune").isEqualTo(404);
        assertThat(post("worker.a", "/api/cases/" + caseId + "/police-referrals", null).status()).isEqualTo(201);
        assertThat(get("police.a", "/api/cases/" + caseId + "/plan-items").status()).isEqualTo(403);
        assertThat(get("police.a", "/api/cases/" + caseId + "/timeline").body().findValuesAsText("type"))
                .doesNotContain("PLAN_ITEM");
    }

    @Test
    void aProviderOfAnotherProvinceOrADayPassedIsRefusedAndNothingIsStored() {
        String caseId = openCase(COMMUNE_A);

        Reply elsewhere = post("worker.a", "/api/cases/" + caseId + "/plan-items",
                item("HEALTH", providerOf(COMMUNE_C, "HEALTH"), todayInVietnam().plusDays(3)));
        Reply past = post("worker.a", "/api/cases/" + caseId + "/plan-items",
                item("HEALTH", null, todayInVietnam().minusDays(1)));
        Reply blank = post("worker.a", "/api/cases/" + caseId + "/plan-items", Map.of("service", "HEALTH"));

        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.body().get("errors").findValuesAsText("field")).containsExactly("providerId");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body().get("errors").findValuesAsText("field")).containsExactly("dueOn");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().get("errors").findValuesAsText("field")).contains("action", "responsible", "dueOn");
        assertThat(itemsOf(caseId)).isZero();
        assertThat(post("worker.a", "/api/cases/" + caseId + "/plan-items/" + UUID.randomUUID() + "/status",
                Map.of("status", "ACCEPTED")).status()).isEqualTo(404);
    }

    @Test
    void anItemPastItsDayShowsOnTheInboxAndTheTimelineAndTheChairSeesTheItemsWhenApproving() {
        String caseId = openCase(COMMUNE_A);
        String school = providerOf(COMMUNE_A, "EDUCATION");
        Reply added = post("worker.a", "/api/cases/" + caseId + "/plan-items", Map.of("service", "EDUCATION",
                "providerId", school, "action", "Bố trí học phụ đạo sau giờ học", "responsible", "Cô giáo chủ nhiệm",
                "dueOn", todayInVietnam().plusDays(1).toString()));
        assertThat(added.status()).isEqualTo(201);
        // the day passes: the item and its line on the timeline are due the day before yesterday
        UUID itemId = UUID.fromString(added.body().get("id").asText());
        LocalDate past = todayInVietnam().minusDays(2);
        jdbc.sql("update plan_item set due_on = ? where id = ?").params(Date.valueOf(past), itemId).update();
        jdbc.sql("update case_event set due_at = ? where task_id = ?")
                .params(Timestamp.from(past.plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant()),
                        itemId.toString())
                .update();

        assertThat(get("worker.a", "/api/cases/" + caseId + "/plan-items").body().get(0).get("overdue").asBoolean()).isTrue();
        Document inbox = page("worker.a", "/tasks");
        assertThat(inbox.select("tr[data-item=" + itemId + "]").text()).contains("Bố trí học phụ đạo sau giờ học",
                "Quá hạn", "Cô giáo chủ nhiệm");
        assertThat(page("worker.b", "/tasks").select("tr[data-item=" + itemId + "]")).as("another commune's").isEmpty();
        assertThat(get("worker.a", "/api/cases/" + caseId + "/timeline").body())
                .filteredOn(e -> e.get("type").asText().equals("PLAN_ITEM"))
                .allMatch(e -> e.get("overdue").asBoolean());
        Document casePage = page("worker.a", "/cases/" + caseId);
        assertThat(casePage.select("ul.plan-items li[data-overdue=true]").text()).contains("Quá hạn", "Trường Tiểu học Ba Đình");
        // the commune's workers hear of it without looking, once
        String caseNumber = get("worker.a", "/api/cases/" + caseId).body().get("caseNumber").asText();
        overdueItems.tellOverdue(java.time.Instant.now());
        overdueItems.tellOverdue(java.time.Instant.now());
        assertThat(get("worker.a", "/api/notifications").body().findValuesAsText("title"))
                .containsOnlyOnce("Một việc trong kế hoạch đã quá hạn: hồ sơ " + caseNumber);
        assertThat(get("worker.b", "/api/notifications").body().findValuesAsText("title")).as("another commune's")
                .doesNotContain("Một việc trong kế hoạch đã quá hạn: hồ sơ " + caseNumber);

        complete("worker.a", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "LOW", "immediateDanger", false,
                "crimeSuspected", false, "summary", "Ổn định"));
        complete("worker.a", caseId, "RISK_NEEDS_ASSESSMENT", Map.of("riskLevel", "MEDIUM", "needs", "Học tập"));
        complete("worker.a", caseId, "CASE_MEETING", Map.of("heldOn", todayInVietnam().toString(),
                "participants", "Chủ tịch xã, gia đình, nhà trường", "minutes", "Thống nhất"));
        complete("worker.a", caseId, "PLAN_DRAFT", Map.of("goals", "Trẻ theo kịp bạn cùng lớp",
                "activities", "Học phụ đạo", "responsible", "Nhà trường"));
        String approval = taskOf(caseId, "PLAN_APPROVAL");
        assertThat(post("chair.a", "/api/tasks/" + approval + "/claim", null).status()).isEqualTo(200);
        assertThat(page("chair.a", "/tasks/" + approval).getElementById("plan-items").text())
                .contains("Bố trí học phụ đạo sau giờ học", "Trường Tiểu học Ba Đình", "Đã đề nghị", "Quá hạn");
    }

    @Test
    void theProvinceSupervisorAddsAProviderThatTheProvincesCommunesThenFind() {
        Reply added = post("supervisor.p", "/api/directory/providers", Map.of("provinceCode", "01",
                "name", "Trung tâm Bảo trợ xã hội số 1", "service", "SHELTER", "contact", "024 3000 1111"));
        Reply elsewhere = post("supervisor.p", "/api/directory/providers", Map.of("provinceCode", "15",
                "name", "Nhà tạm lánh", "service", "SHELTER"));
        Reply wrongCommune = post("supervisor.p", "/api/directory/providers", Map.of("provinceCode", "01",
                "communeCode", COMMUNE_C, "name", "Nhà tạm lánh", "service", "SHELTER"));

        assertThat(added.status()).isEqualTo(201);
        assertThat(get("worker.b", "/api/directory/providers?communeCode=" + COMMUNE_B).body().findValuesAsText("name"))
                .as("a province-wide provider serves every commune of the province")
                .contains("Trung tâm Bảo trợ xã hội số 1", "Trạm y tế phường Hoàn Kiếm")
                .doesNotContain("Trạm y tế phường Ba Đình");
        assertThat(get("worker.c", "/api/directory/providers?communeCode=" + COMMUNE_C).body().findValuesAsText("name"))
                .doesNotContain("Trung tâm Bảo trợ xã hội số 1");
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.body().get("errors").findValuesAsText("field")).containsExactly("provinceCode");
        assertThat(wrongCommune.status()).isEqualTo(400);
        assertThat(wrongCommune.body().get("errors").findValuesAsText("field")).containsExactly("communeCode");
        assertThat(post("worker.a", "/api/directory/providers", Map.of("provinceCode", "01",
                "name", "x", "service", "OTHER")).status()).isEqualTo(403);
    }

    @Test
    void theCasePageAddsAnItemAndRecordsItsResult() {
        String caseId = openCase(COMMUNE_A);
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("worker.a", PASSWORD);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("service", "LEGAL_AID");
        form.add("providerId", providerOf(COMMUNE_A, "LEGAL_AID"));
        form.add("action", "Hỗ trợ pháp lý cho mẹ trẻ khi làm đơn");
        form.add("responsible", "Luật sư trung tâm");
        form.add("dueOn", todayInVietnam().plusDays(10).toString());

        Reply missing = exchange(HttpMethod.POST, "/cases/" + caseId + "/plan-items",
                new HttpEntity<>(new org.springframework.util.LinkedMultiValueMap<>(Map.of("service", List.of("LEGAL_AID"))), headers));
        Reply saved = exchange(HttpMethod.POST, "/cases/" + caseId + "/plan-items", new HttpEntity<>(form, headers));

        assertThat(missing.status()).isEqualTo(200);
        Document again = Jsoup.parse(missing.body().asText());
        assertThat(again.getElementById("plan-err").text()).contains("Việc cần làm", "Người chịu trách nhiệm", "Hạn hoàn thành");
        assertThat(again.getElementById("plan-action").attr("aria-describedby")).isEqualTo("plan-err");
        assertThat(saved.status()).isEqualTo(200);
        Document casePage = Jsoup.parse(saved.body().asText());
        assertThat(casePage.select("ul.plan-items li").text()).contains("Hỗ trợ pháp lý cho mẹ trẻ khi làm đơn",
                "Trung tâm Trợ giúp pháp lý nhà nước TP Hà Nội", "Đã đề nghị");
        String itemId = jdbc.sql("select id from plan_item where case_id = ?").param(UUID.fromString(caseId))
                .query(UUID.class).single().toString();

        var done = new org.springframework.util.LinkedMultiValueMap<String, String>();
        done.add("status", "NOT_DELIVERED");
        done.add("outcome", "Mẹ trẻ từ chối làm đơn");
        Reply recorded = exchange(HttpMethod.POST, "/cases/" + caseId + "/plan-items/" + itemId + "/status",
                new HttpEntity<>(done, headers));
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(Jsoup.parse(recorded.body().asText()).select("ul.plan-items li").text())
                .contains("Không thực hiện được", "Mẹ trẻ từ chối làm đơn");
    }
}
