package vn.childprotection.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import vn.childprotection.ApiTestBase;
import vn.childprotection.process.CaseCallbacks;

/**
 * Two communes with open cases merged into a new one: the cases, their open tasks (with whoever holds them) and
 * their workers follow; nothing is left in the old communes, which take no new report; a case closed before the
 * merge keeps its commune, shows what it is now, and stays readable by the new commune's workers.
 */
class UnitMergeApiTest extends ApiTestBase {

    static final String PASSPHRASE = "Một cây làm chẳng nên non 2026";

    @Autowired
    TaskService engineTasks;

    @Autowired
    CaseCallbacks callbacks;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private Reply as(String user, String password, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, password, StandardCharsets.UTF_8);
        return exchange(method, path, new HttpEntity<>(body == null ? null : json.valueToTree(body).toString(), headers));
    }

    /** A worker of the commune who has chosen their password. */
    private String worker(String commune) {
        return person("w." + commune, "WORKER", commune);
    }

    /** Someone holding the role in the commune who has chosen their password. */
    private String person(String username, String role, String commune) {
        Reply created = post("admin", "/api/admin/staff", Map.of("username", username, "displayName", "Cán bộ " + commune,
                "roles", List.of(Map.of("role", role, "unitCode", commune))));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        String once = created.body().get("oneTimePassword").asText();
        assertThat(as(username, once, HttpMethod.POST, "/api/me/password",
                Map.of("currentPassword", once, "newPassword", PASSPHRASE)).status()).isEqualTo(204);
        return username;
    }

    @Test
    void twoCommunesWithOpenCasesMergeIntoANewOneAndEverythingOpenFollows() {
        String p = "8" + String.format("%09d", System.nanoTime() % 1_000_000_000L);
        String x1 = p + "01";
        String x2 = p + "02";
        String into = p + "09";
        importUnits("province_code,province_name,commune_code,commune_name,unit_type\n"
                + p + ",Tỉnh Hợp Nhất," + x1 + ",Xã Đông,xã\n" + p + ",Tỉnh Hợp Nhất," + x2 + ",Xã Tây,xã\n");
        String w1 = worker(x1);
        String w2 = worker(x2);
        String held = openCase(x1);
        String heldTask = taskOf(held, "INITIAL_ASSESSMENT");
        assertThat(as(w1, PASSPHRASE, HttpMethod.POST, "/api/tasks/" + heldTask + "/claim", null).status()).isEqualTo(200);
        String waiting = openCase(x2);
        String closed = openCase(x2);
        // closed before the merge (as the chair's approval closes it): it keeps the commune it was handled in
        jdbc.sql("update case_file set status = 'CLOSED' where id = ?").param(java.util.UUID.fromString(closed)).update();

        Reply bad = post("admin", "/api/admin/units/merge", Map.of("from", List.of(x1, "04405"), "into", into));
        assertThat(bad.status()).as("two provinces, and a new code without a name").isEqualTo(400);
        assertThat(bad.body().toString()).contains("from", "intoName");

        Reply merged = post("admin", "/api/admin/units/merge", Map.of("from", List.of(x1, x2), "into", into,
                "intoName", "Xã Đông Tây", "intoType", "xã"));
        assertThat(merged.status()).as("%s", merged.body()).isEqualTo(200);
        assertThat(merged.body().get("openCases").asInt()).isEqualTo(2);
        assertThat(merged.body().get("openTasks").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(merged.body().get("people").asInt()).isEqualTo(2);

        // the cases and their work are the new commune's, the held task still held
        assertThat(as(w1, PASSPHRASE, HttpMethod.GET, "/api/cases/" + held, null).body().get("commune").get("code").asText())
                .isEqualTo(into);
        assertThat(jdbc.sql("select assignee || ' ' || candidate_group from task_inbox where task_id = ?").param(heldTask)
                .query(String.class).single()).isEqualTo(w1 + " worker-" + into);
        assertThat(engineTasks.createTaskQuery().taskId(heldTask).taskCandidateGroup("worker-" + into).includeAssignedTasks().count()).isEqualTo(1);
        assertThat(as(w2, PASSPHRASE, HttpMethod.GET, "/api/tasks", null).body().findValuesAsText("caseId"))
                .as("the other worker's inbox follows").contains(waiting);
        assertThat(as(w2, PASSPHRASE, HttpMethod.GET, "/api/me", null).body().get("communeCodes").toString())
                .isEqualTo("[\"" + into + "\"]");
        assertThat(get("worker.a", "/api/cases/" + waiting).status()).as("another commune's worker sees nothing").isEqualTo(404);

        // nothing is left in the old communes, which take nothing new
        assertThat(jdbc.sql("select count(*) from task_inbox where commune_code in (?, ?) or candidate_group in (?, ?)")
                .params(x1, x2, "worker-" + x1, "worker-" + x2).query(Long.class).single()).isZero();
        assertThat(engineTasks.createTaskQuery().taskCandidateGroupIn(List.of("worker-" + x1, "worker-" + x2)).count())
                .isZero();
        assertThat(jdbc.sql("select count(*) from staff_role where commune_code in (?, ?)").params(x1, x2)
                .query(Long.class).single()).isZero();
        Reply refused = post("intake", "/api/reports", report(x1));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("Xã Đông Tây");

        // the case closed before keeps its commune, says what it is now, and the new commune's worker still reads it
        Reply old = as(w2, PASSPHRASE, HttpMethod.GET, "/api/cases/" + closed, null);
        assertThat(old.status()).isEqualTo(200);
        assertThat(old.body().get("commune").get("code").asText()).isEqualTo(x2);
        assertThat(as(w1, PASSPHRASE, HttpMethod.GET, "/api/cases?communeCode=" + x2, null).body().findValuesAsText("caseId"))
                .contains(closed);
        HttpHeaders page = new HttpHeaders();
        page.setBasicAuth(w2, PASSPHRASE, StandardCharsets.UTF_8);
        String html = http.exchange("/cases/" + closed, HttpMethod.GET, new HttpEntity<>(page), String.class).getBody();
        assertThat(html).contains("Xã Tây", "nay là Xã Đông Tây");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'UNITS_MERGED' and detail like ?")
                .param(x1 + ", " + x2 + " -> " + into + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void policeWorkOnACaseClosedBeforeTheMergeAndACaseReopenedAfterItAreTheNewCommunes() {
        String p = "8" + String.format("%09d", System.nanoTime() % 1_000_000_000L);
        String old = p + "01";
        String into = p + "09";
        importUnits("province_code,province_name,commune_code,commune_name,unit_type\n"
                + p + ",Tỉnh Hợp Nhất," + old + ",Xã Cũ,xã\n");
        String worker = worker(old);
        String police = person("ca." + old, "POLICE", old);
        String caseId = openCase(old);
        String assessment = taskOf(caseId, "INITIAL_ASSESSMENT");
        assertThat(as(worker, PASSPHRASE, HttpMethod.POST, "/api/tasks/" + assessment + "/claim", null).status()).isEqualTo(200);
        assertThat(as(worker, PASSPHRASE, HttpMethod.POST, "/api/tasks/" + assessment + "/complete", Map.of(
                "dangerLevel", "LOW", "immediateDanger", false, "crimeSuspected", false, "summary", "Ổn định")).status())
                .isEqualTo(204);
        assertThat(as(worker, PASSPHRASE, HttpMethod.POST, "/api/cases/" + caseId + "/police-referrals", null).status())
                .isEqualTo(201);
        // the commune closes its case while the investigation goes on
        jdbc.sql("update case_file set status = 'CLOSED' where id = ?").param(java.util.UUID.fromString(caseId)).update();

        assertThat(post("admin", "/api/admin/units/merge", Map.of("from", List.of(old), "into", into,
                "intoName", "Xã Mới", "intoType", "xã")).status()).isEqualTo(200);

        // the police of the commune it is now still acknowledge the referral and read the case
        assertThat(as(police, PASSPHRASE, HttpMethod.GET, "/api/tasks", null).body().findValuesAsText("caseId"))
                .contains(caseId);
        assertThat(as(police, PASSPHRASE, HttpMethod.GET, "/api/cases/" + caseId, null).status()).isEqualTo(200);

        // a follow-up visit finds the child at risk again: the case reopens where its staff are now
        new org.springframework.transaction.support.TransactionTemplate(transactions)
                .executeWithoutResult(t -> callbacks.caseReopened(java.util.UUID.fromString(caseId)));
        Reply reopened = as(worker, PASSPHRASE, HttpMethod.GET, "/api/cases/" + caseId, null);
        assertThat(reopened.body().get("status").asText()).isEqualTo("OPEN");
        assertThat(reopened.body().get("commune").get("code").asText()).isEqualTo(into);
        assertThat(as(worker, PASSPHRASE, HttpMethod.GET, "/api/cases/" + caseId + "/timeline", null).body()
                .findValuesAsText("type")).containsSubsequence("CASE_REOPENED", "UNIT_MERGED");
    }
}
