package vn.childprotection.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.support.JdbcUtils;

import vn.childprotection.ApiTestBase;

class AuditTrailTest extends ApiTestBase {

    @Autowired
    AuditTrail trail;

    @Autowired
    DataSource dataSource;

    @Test
    void everyReadAndChangeOfACaseIsLoggedForTheSupervisorNewestFirst() {
        String caseId = openCase(COMMUNE_A);
        get("worker.a", "/api/cases/" + caseId);
        get("chair.a", "/api/cases/" + caseId + "/timeline");
        String taskId = taskOf(caseId, "INITIAL_ASSESSMENT");
        post("worker.a", "/api/tasks/" + taskId + "/claim", null);
        get("worker.b", "/api/cases/" + caseId); // outside jurisdiction: nothing read, nothing logged

        Reply log = get("supervisor.p", "/api/cases/" + caseId + "/access-log");

        assertThat(log.status()).isEqualTo(200);
        assertThat(log.body().findValuesAsText("action"))
                .containsExactly("READ_ACCESS_LOG", "TASK_CLAIM", "READ_TIMELINE", "READ_CASE", "REPORT");
        assertThat(log.body().findValuesAsText("username"))
                .containsExactly("supervisor.p", "worker.a", "chair.a", "worker.a", "intake");
        assertThat(log.body().get(0).get("at").asText()).isNotBlank();
        assertThat(jdbc.sql("select remote_addr from audit_event where case_id = ? and action = 'READ_CASE'")
                .param(java.util.UUID.fromString(caseId)).query(String.class).single()).isNotBlank();
    }

    @Test
    void onlySupervisorsOfTheProvinceReadTheAccessLog() {
        String caseId = openCase(COMMUNE_A);
        assertThat(get("worker.a", "/api/cases/" + caseId + "/access-log").status()).isEqualTo(403);
        assertThat(get("chair.a", "/api/cases/" + caseId + "/access-log").status()).isEqualTo(403);
        assertThat(get("admin", "/api/cases/" + caseId + "/access-log").status()).isEqualTo(403);
        assertThat(get("supervisor.q", "/api/cases/" + caseId + "/access-log").status()).isEqualTo(404);
    }

    @Test
    void administratorsVerifyTheChain() {
        get("worker.a", "/api/cases/" + openCase(COMMUNE_A));
        Reply verified = get("admin", "/api/audit/verify");
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().get("intact").asBoolean()).as("%s", verified.body()).isTrue();
        assertThat(verified.body().get("checked").asLong()).isPositive();
        assertThat(get("supervisor.p", "/api/audit/verify").status()).isEqualTo(403);
    }

    @Test
    void anEditedRowIsDetected() {
        long seq = someEntry();
        String action = jdbc.sql("select action from audit_event where seq = ?").param(seq).query(String.class).single();
        tamper(() -> jdbc.sql("update audit_event set action = 'NOTHING' where seq = ?").param(seq).update());
        try {
            AuditTrail.Verification broken = trail.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.brokenAt()).isEqualTo(seq);
        } finally {
            tamper(() -> jdbc.sql("update audit_event set action = ? where seq = ?").params(action, seq).update());
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aDeletedRowIsDetected() {
        long seq = someEntry();
        Map<String, Object> row = jdbc.sql("select * from audit_event where seq = ?").param(seq).query().singleRow();
        tamper(() -> jdbc.sql("delete from audit_event where seq = ?").param(seq).update());
        try {
            AuditTrail.Verification broken = trail.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.brokenAt()).isEqualTo(seq);
        } finally {
            tamper(() -> jdbc.sql("""
                            insert into audit_event (seq, occurred_at, username, action, case_id, detail, remote_addr,
                                prev_hash, hash)
                            values (:seq, :occurred_at, :username, :action, :case_id, :detail, :remote_addr,
                                :prev_hash, :hash)""")
                    .params(lowerCase(row)).update());
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void reorderedRowsAreDetected() {
        long seq = someEntry();
        tamper(() -> swap(seq, seq + 1));
        try {
            AuditTrail.Verification broken = trail.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.brokenAt()).isEqualTo(seq);
        } finally {
            tamper(() -> swap(seq, seq + 1));
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void onPostgresqlTheApplicationCannotChangeOrDeleteAuditRows() {
        Assumptions.assumeTrue(postgres(), "the append-only trigger is PostgreSQL's");
        long seq = someEntry();
        assertThatThrownBy(() -> jdbc.sql("update audit_event set action = 'X' where seq = ?").param(seq).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where seq = ?").param(seq).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(trail.verify().intact()).isTrue();
    }

    /** An entry in the middle of the chain, with one after it. */
    private long someEntry() {
        String caseId = openCase(COMMUNE_A);
        get("worker.a", "/api/cases/" + caseId);
        get("worker.a", "/api/cases/" + caseId);
        return jdbc.sql("select max(seq) - 1 from audit_event").query(Long.class).single();
    }

    private void swap(long a, long b) {
        // move a out of the way, b into a's place, a into b's: the rows change places in the chain
        jdbc.sql("update audit_event set seq = -1 where seq = ?").param(a).update();
        jdbc.sql("update audit_event set seq = ? where seq = ?").params(a, b).update();
        jdbc.sql("update audit_event set seq = ? where seq = -1").param(b).update();
    }

    /** What only someone with the database owner's powers could do: with the append-only guard off. */
    private void tamper(Runnable change) {
        if (postgres()) {
            jdbc.sql("alter table audit_event disable trigger audit_event_no_update_or_delete").update();
        }
        try {
            change.run();
        } finally {
            if (postgres()) {
                jdbc.sql("alter table audit_event enable trigger audit_event_no_update_or_delete").update();
            }
        }
    }

    private boolean postgres() {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, java.sql.DatabaseMetaData::getDatabaseProductName)
                    .toLowerCase().contains("postgres");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> lowerCase(Map<String, Object> row) {
        Map<String, Object> copy = new java.util.HashMap<>();
        row.forEach((k, v) -> copy.put(k.toLowerCase(), v));
        return copy;
    }
}
