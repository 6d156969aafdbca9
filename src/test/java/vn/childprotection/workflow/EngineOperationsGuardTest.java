package vn.childprotection.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.childprotection.ApiTestBase;

/**
 * An administrator in the engine's own API operates the engine and changes no case: completing a worker's
 * task, reading a case's variables or filtering on them is refused and written to the audit trail.
 */
class EngineOperationsGuardTest extends ApiTestBase {

    private long refusals() {
        return jdbc.sql("select count(*) from audit_event where action = 'ENGINE_OPERATION_REFUSED'")
                .query(Long.class).single();
    }

    @Test
    void anAdministratorCannotCompleteACaseTaskThroughTheEngineAndTheAttemptIsAudited() {
        String caseId = openCase(COMMUNE_A);
        String taskId = taskOf(caseId, "INITIAL_ASSESSMENT");
        long before = refusals();

        Reply claim = post("admin", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "admin"));
        Reply complete = post("admin", "/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("dangerLevel", Map.of("value", "LOW"))));
        Reply webapp = post("admin", "/camunda/api/engine/engine/default/task/" + taskId + "/complete", Map.of());

        assertThat(claim.status()).isEqualTo(403);
        assertThat(complete.status()).isEqualTo(403);
        assertThat(webapp.status()).isIn(403);
        assertThat(taskOf(caseId, "INITIAL_ASSESSMENT")).as("the step is still open").isEqualTo(taskId);
        assertThat(get("worker.a", "/api/cases/" + caseId).body().get("initialAssessments")).isEmpty();
        assertThat(refusals()).isEqualTo(before + 3);
        assertThat(jdbc.sql("select detail from audit_event where action = 'ENGINE_OPERATION_REFUSED' order by seq desc")
                .query(String.class).list().get(1)).contains("/task/" + taskId + "/complete");
        assertThat(get("admin", "/api/audit/verify").body().get("intact").asBoolean()).isTrue();
    }

    @Test
    void anAdministratorCannotReadOrFilterOnACasesVariables() {
        String caseId = openCase(COMMUNE_A);
        String instance = jdbc.sql("""
                        select e.ID_ from ACT_RU_EXECUTION e join case_file c on c.case_number = e.BUSINESS_KEY_
                        where c.id = ? and e.PARENT_ID_ is null and e.PROC_DEF_ID_ like 'ChildProtectionCase:%'""")
                .param(java.util.UUID.fromString(caseId)).query(String.class).single();

        assertThat(get("admin", "/engine-rest/process-instance/" + instance + "/variables").status()).isEqualTo(403);
        assertThat(get("admin", "/engine-rest/variable-instance?processInstanceIdIn=" + instance).status()).isEqualTo(403);
        assertThat(get("admin", "/engine-rest/history/variable-instance").status()).isEqualTo(403);
        assertThat(get("admin", "/engine-rest/process-instance?variables=crimeAtIntake_eq_true").status()).isEqualTo(403);
        assertThat(post("admin", "/engine-rest/process-instance",
                Map.of("variables", java.util.List.of(Map.of("name", "crimeAtIntake", "operator", "eq", "value", true))))
                .status()).isEqualTo(403);
        assertThat(post("admin", "/engine-rest/message", Map.of("messageName", "FurtherReport")).status()).isEqualTo(403);
    }

    @Test
    void engineOperationsAnAdministratorNeedsStillWork() {
        assertThat(get("admin", "/engine-rest/engine").status()).isEqualTo(200);
        assertThat(get("admin", "/engine-rest/process-instance?maxResults=5").status()).isEqualTo(200);
        assertThat(post("admin", "/engine-rest/process-instance/count", Map.of()).status()).isEqualTo(200);
        assertThat(get("admin", "/engine-rest/incident").status()).isEqualTo(200);
        assertThat(post("admin", "/engine-rest/job/retries", Map.of("retries", 1, "jobIds", java.util.List.of()))
                .status()).isNotEqualTo(403);
        assertThat(post("admin", "/engine-rest/history-cleanup", null).status()).as("not refused").isNotEqualTo(403);
    }
}
