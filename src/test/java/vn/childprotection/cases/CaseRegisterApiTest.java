package vn.childprotection.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import vn.childprotection.ApiTestBase;

/**
 * The case register: every case a user may see, found by a child's name typed without diacritics, by case
 * number or national ID, filtered and sorted; nothing outside the user's jurisdiction; every search audited.
 */
class CaseRegisterApiTest extends ApiTestBase {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private record Opened(String caseId, String caseNumber, String name, String nationalId) {
    }

    private Opened open(String commune) {
        Map<String, Object> report = report(commune);
        String name = newChildName();
        String nationalId = String.format("%012d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000_000L);
        report.put("child", Map.of("fullName", name, "sex", "FEMALE", "birthDate", "2016-03-04", "nationalId", nationalId));
        Reply reply = post("intake", "/api/reports", report);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        String caseId = reply.body().get("caseId").asText();
        return new Opened(caseId, get("worker.a", "/api/cases/" + caseId).body().get("caseNumber").asText(), name,
                nationalId);
    }

    /** What a worker types: lower case, no accents ("Nguyễn Thị Hoa" as "nguyen thi hoa"). */
    private static String typedWithoutAccents(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd')
                .replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }

    /** A query value as typed: the test client encodes the URL itself (a space, an accent, a per cent sign). */
    private static String param(String value) {
        return value;
    }

    private List<String> caseIds(String user, String query) {
        Reply reply = get(user, "/api/cases?" + query);
        assertThat(reply.status()).as("%s: %s", query, reply.body()).isEqualTo(200);
        return reply.body().findValuesAsText("caseId");
    }

    @Test
    void aChildIsFoundByNameWithoutDiacriticsOrCaseByCaseNumberAndByNationalId() {
        Opened opened = open(COMMUNE_A);

        Reply byName = get("worker.a", "/api/cases?q=" + param(typedWithoutAccents(opened.name())));
        assertThat(byName.body()).hasSize(1);
        JsonNode row = byName.body().get(0);
        assertThat(row.get("caseId").asText()).isEqualTo(opened.caseId());
        assertThat(row.get("childName").asText()).isEqualTo(opened.name());
        assertThat(row.get("caseNumber").asText()).isEqualTo(opened.caseNumber());
        assertThat(row.get("communeCode").asText()).isEqualTo(COMMUNE_A);
        assertThat(row.get("status").asText()).isEqualTo("OPEN");
        assertThat(row.get("currentStep").asText()).isEqualTo("INITIAL_ASSESSMENT");
        assertThat(row.get("overdue").asBoolean()).isFalse();
        assertThat(row.get("receivedAt").asText()).endsWith("+07:00");

        assertThat(caseIds("worker.a", "q=" + param(opened.name().toUpperCase(Locale.ROOT)))).containsExactly(opened.caseId());
        assertThat(caseIds("worker.a", "q=" + param(opened.caseNumber().toLowerCase(Locale.ROOT))))
                .containsExactly(opened.caseId());
        assertThat(caseIds("worker.a", "q=" + opened.nationalId())).containsExactly(opened.caseId());
        assertThat(caseIds("worker.a", "q=" + param("%"))).as("a wildcard is a character, not everything")
                .doesNotContain(opened.caseId());
    }

    @Test
    void theRegisterHoldsOnlyTheCasesTheUserMaySee() {
        Opened opened = open(COMMUNE_A);
        String q = "q=" + param(typedWithoutAccents(opened.name()));

        assertThat(caseIds("worker.a", q)).containsExactly(opened.caseId());
        assertThat(caseIds("chair.a", q)).containsExactly(opened.caseId());
        assertThat(caseIds("supervisor.p", q)).as("the province's supervisor").containsExactly(opened.caseId());
        assertThat(caseIds("intake", q)).as("the intake officer who took the report").containsExactly(opened.caseId());
        assertThat(caseIds("worker.b", q)).as("another commune").isEmpty();
        assertThat(caseIds("supervisor.q", q)).as("another province").isEmpty();
        assertThat(caseIds("police.a", q)).as("police only for cases referred to them").isEmpty();
        assertThat(caseIds("admin", q)).as("administrators see no case content").isEmpty();

        assertThat(post("worker.a", "/api/cases/" + opened.caseId() + "/police-referrals", null).status()).isLessThan(300);
        assertThat(caseIds("police.a", q)).as("referred to the commune's police").containsExactly(opened.caseId());
        assertThat(caseIds("worker.b", "communeCode=" + COMMUNE_A + "&" + q)).as("a filter widens nothing").isEmpty();
    }

    @Test
    void theSupervisorAskedToAcceptATransferFindsTheCaseInTheRegister() {
        Opened opened = open(COMMUNE_A);
        String q = "q=" + param(typedWithoutAccents(opened.name()));
        assertThat(caseIds("supervisor.q", q)).as("another province").isEmpty();

        Reply requested = post("supervisor.p", "/api/cases/" + opened.caseId() + "/transfer",
                Map.of("communeCode", COMMUNE_C, "reason", "Gia đình chuyển nơi ở"));
        assertThat(requested.status()).as("%s", requested.body()).isEqualTo(202);
        assertThat(caseIds("supervisor.q", q)).as("asked to accept it").containsExactly(opened.caseId());
        assertThat(caseIds("supervisor.p", q)).as("still in its own province meanwhile").containsExactly(opened.caseId());

        complete("supervisor.q", opened.caseId(), "TRANSFER_ACCEPTANCE", Map.of("accepted", true));
        assertThat(caseIds("supervisor.q", q)).as("now a case of the receiving province").containsExactly(opened.caseId());
        assertThat(caseIds("supervisor.q", "communeCode=" + COMMUNE_C)).as("listed without a search too")
                .contains(opened.caseId());
        assertThat(caseIds("supervisor.p", q)).as("gone from the province it left").isEmpty();
        assertThat(caseIds("supervisor.p", "communeCode=" + COMMUNE_C)).doesNotContain(opened.caseId());
    }

    @Test
    void filtersNarrowTheRegister() {
        Opened opened = open(COMMUNE_A);
        String q = "q=" + param(typedWithoutAccents(opened.name())) + "&";
        LocalDate today = LocalDate.now(VIETNAM);

        assertThat(caseIds("supervisor.p", q + "status=OPEN")).containsExactly(opened.caseId());
        assertThat(caseIds("supervisor.p", q + "status=CLOSED")).isEmpty();
        assertThat(caseIds("supervisor.p", q + "step=INITIAL_ASSESSMENT")).containsExactly(opened.caseId());
        assertThat(caseIds("supervisor.p", q + "step=PLAN_DRAFT")).isEmpty();
        assertThat(caseIds("supervisor.p", q + "harmType=PHYSICAL_VIOLENCE")).containsExactly(opened.caseId());
        assertThat(caseIds("supervisor.p", q + "harmType=SEXUAL_ABUSE")).isEmpty();
        assertThat(caseIds("supervisor.p", q + "communeCode=" + COMMUNE_A)).containsExactly(opened.caseId());
        assertThat(caseIds("supervisor.p", q + "communeCode=" + COMMUNE_B)).isEmpty();
        assertThat(caseIds("supervisor.p", q + "from=" + today.minusDays(1) + "&to=" + today))
                .containsExactly(opened.caseId());
        assertThat(caseIds("supervisor.p", q + "from=" + today.plusDays(1))).isEmpty();
        assertThat(caseIds("supervisor.p", q + "overdue=false")).containsExactly(opened.caseId());
        assertThat(caseIds("supervisor.p", q + "overdue=true")).isEmpty();
        assertThat(caseIds("supervisor.p", q + "dangerLevel=HIGH")).as("not assessed yet").isEmpty();
        assertThat(caseIds("supervisor.p", q + "worker=worker.a")).as("nobody holds its work yet").isEmpty();
        assertThat(post("worker.a", "/api/tasks/" + taskOf(opened.caseId(), "INITIAL_ASSESSMENT") + "/claim", null)
                .status()).isEqualTo(200);
        assertThat(caseIds("supervisor.p", q + "worker=worker.a")).containsExactly(opened.caseId());
        assertThat(caseIds("supervisor.p", q + "worker=worker.b")).isEmpty();

        complete("worker.a", opened.caseId(), "INITIAL_ASSESSMENT", Map.of("dangerLevel", "MEDIUM",
                "immediateDanger", false, "crimeSuspected", false, "summary", "Trẻ ở với bà ngoại."));
        assertThat(caseIds("supervisor.p", q + "dangerLevel=MEDIUM")).containsExactly(opened.caseId());
        assertThat(caseIds("supervisor.p", q + "dangerLevel=HIGH")).isEmpty();
        assertThat(caseIds("supervisor.p", q + "step=INITIAL_ASSESSMENT")).isEmpty();

        // the open step's deadline passes
        jdbc.sql("update task_inbox set due_at = ? where case_id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3600)), UUID.fromString(opened.caseId()))
                .update();
        Reply overdue = get("supervisor.p", "/api/cases?" + q + "overdue=true");
        assertThat(overdue.body().findValuesAsText("caseId")).containsExactly(opened.caseId());
        assertThat(overdue.body().get(0).get("overdue").asBoolean()).isTrue();
    }

    @Test
    void theRegisterSortsAndPages() {
        Opened first = open(COMMUNE_A);
        Opened second = open(COMMUNE_A);
        String both = "q=" + param(typedWithoutAccents(first.name()).substring(0, "nguyen thi hoa".length()));

        List<String> byNumber = caseIds("worker.a", both + "&sort=caseNumber,desc&size=200");
        assertThat(byNumber.indexOf(second.caseId())).isLessThan(byNumber.indexOf(first.caseId()));
        List<String> ascending = caseIds("worker.a", both + "&sort=caseNumber,asc&size=200");
        assertThat(ascending.indexOf(first.caseId())).isLessThan(ascending.indexOf(second.caseId()));
        assertThat(caseIds("worker.a", both + "&size=1")).hasSize(1);
        assertThat(caseIds("worker.a", both + "&size=1&page=1")).hasSize(1)
                .doesNotContainAnyElementsOf(caseIds("worker.a", both + "&size=1"));
    }

    @Test
    void badQueriesAreRefusedWithTheField() {
        Reply sort = get("worker.a", "/api/cases?sort=description");
        assertThat(sort.status()).isEqualTo(400);
        assertThat(sort.body().at("/errors/0/field").asText()).isEqualTo("sort");
        Reply dates = get("worker.a", "/api/cases?from=2026-12-01&to=2026-11-01");
        assertThat(dates.status()).isEqualTo(400);
        assertThat(dates.body().at("/errors/0/field").asText()).isEqualTo("to");
        assertThat(get("worker.a", "/api/cases?status=LOST").status()).isEqualTo(400);
        assertThat(get("worker.a", "/api/cases?from=yesterday").status()).isEqualTo(400);
        assertThat(get("worker.a", "/api/cases?size=500").status()).isEqualTo(400);
    }

    @Test
    void everySearchIsAuditedWithWhoSearchedWhat() {
        String name = "tran van an " + UUID.randomUUID().toString().substring(0, 8);
        long before = jdbc.sql("select count(*) from audit_event where action = 'CASE_SEARCH' and username = 'worker.b'")
                .query(Long.class).single();

        get("worker.b", "/api/cases?q=" + param(name) + "&status=OPEN");

        assertThat(jdbc.sql("select count(*) from audit_event where action = 'CASE_SEARCH' and username = 'worker.b'")
                .query(Long.class).single()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select detail from audit_event where action = 'CASE_SEARCH' and username = 'worker.b'"
                        + " order by seq desc limit 1").query(String.class).single())
                .isEqualTo("q=" + name + "&status=OPEN");
    }

    @Test
    void theRegisterPageFindsACaseByANameTypedWithoutAccents() {
        Opened opened = open(COMMUNE_A);

        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("worker.a", PASSWORD);
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        Reply page = exchange(HttpMethod.GET, "/cases?q=" + param(typedWithoutAccents(opened.name())),
                new HttpEntity<>(headers));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().getContentType().toString()).startsWith("text/html");
        assertThat(page.body().asText()).contains(opened.caseNumber()).contains("/cases/" + opened.caseId())
                .contains(opened.name());
    }

    @Test
    void thePoliceAndIntakeOfficersSeeNoStepNoLatenessAndCannotFilterByWhatTheyMayNotRead() {
        Opened opened = open(COMMUNE_A);
        String q = "q=" + param(typedWithoutAccents(opened.name()));
        assertThat(post("worker.a", "/api/cases/" + opened.caseId() + "/police-referrals", null).status()).isEqualTo(201);

        for (String user : List.of("police.a", "intake")) {
            JsonNode row = get(user, "/api/cases?" + q).body().get(0);
            assertThat(row.get("caseId").asText()).isEqualTo(opened.caseId());
            assertThat(row.get("currentStep").isNull()).as("%s sees no step", user).isTrue();
            assertThat(row.get("overdue").asBoolean()).isFalse();
            assertThat(caseIds(user, q + "&step=INITIAL_ASSESSMENT")).as("%s cannot ask about steps", user).isEmpty();
            assertThat(caseIds(user, q + "&harmType=PHYSICAL_VIOLENCE")).isEmpty();
            assertThat(caseIds(user, q + "&overdue=false")).isEmpty();
        }
        assertThat(get("worker.a", "/api/cases?" + q).body().get(0).get("currentStep").asText())
                .isEqualTo("INITIAL_ASSESSMENT");
    }

    @Test
    void aSearchByNameLeavesItsTraceInTheAccessLogOfEachCaseFound() {
        Opened opened = open(COMMUNE_A);
        String typed = typedWithoutAccents(opened.name());

        get("worker.a", "/api/cases?q=" + param(typed));

        assertThat(jdbc.sql("select detail from audit_event where action = 'CASE_FOUND' and case_id = ?")
                .param(UUID.fromString(opened.caseId())).query(String.class).list()).containsExactly("q=" + typed);
        assertThat(get("worker.a", "/api/cases?q=" + "x".repeat(201)).status()).isEqualTo(400);
        assertThat(get("worker.a", "/api/cases?to=9999-12-31").status()).isEqualTo(400);
    }

    @Test
    void theRegisterPageShowsEveryCaseOncePageAfterPage() {
        while (get("chair.a", "/api/cases?size=60").body().size() < 55) {
            openCase(COMMUNE_A);
        }
        List<String> numbers = get("chair.a", "/api/cases?size=100").body().findValuesAsText("caseNumber");
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("chair.a", PASSWORD);
        headers.setAccept(List.of(MediaType.TEXT_HTML));

        List<String> shown = new java.util.ArrayList<>();
        for (int page = 0; page < 2; page++) {
            Reply html = exchange(HttpMethod.GET, "/cases?page=" + page, new HttpEntity<>(headers));
            org.jsoup.Jsoup.parse(html.body().asText()).select("tr[data-case]").forEach(r -> shown.add(r.attr("data-case")));
        }

        assertThat(shown).as("two pages of fifty, none skipped").containsExactlyElementsOf(
                numbers.subList(0, Math.min(100, numbers.size())));
    }
}
