package vn.childprotection.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What must hold after every scenario, whatever failed during it. */
final class Invariants {

    private Invariants() {
    }

    static void hold(Database db, Node alive, Set<String> accepted, Set<String> deadlineCases) throws Exception {
        if (!accepted.isEmpty()) {
            int n = accepted.size();
            assertThat(db.count("select count(*) from case_file where case_number = any(?)", accepted))
                    .as("accepted reports with their case").isEqualTo(n);
            assertThat(db.count("""
                    select count(distinct BUSINESS_KEY_) from ACT_RU_EXECUTION
                    where BUSINESS_KEY_ = any(?) and PARENT_ID_ is null and PROC_DEF_ID_ like 'ChildProtectionCase:%'""",
                    accepted)).as("accepted reports with their case process").isEqualTo(n);
            assertThat(db.count("select count(distinct case_number) from task_inbox where case_number = any(?)", accepted))
                    .as("accepted reports with a task in the inbox").isEqualTo(n);
            assertThat(db.count("""
                    select count(distinct a.case_id) from audit_event a join case_file c on c.id = a.case_id
                    where c.case_number = any(?) and a.action = 'REPORT'""", accepted))
                    .as("accepted reports audited").isEqualTo(n);
        }
        assertThat(db.count("""
                select count(*) from case_file c where c.status <> 'CLOSED' and not exists (
                  select 1 from ACT_RU_EXECUTION e where e.BUSINESS_KEY_ = c.case_number and e.PARENT_ID_ is null)"""))
                .as("open cases without a process").isZero();
        assertThat(db.count("select count(*) from ACT_RU_INCIDENT")).as("incidents").isZero();
        assertThat(db.count("select count(*) from ACT_RU_JOB where RETRIES_ = 0")).as("jobs out of retries").isZero();
        // a due job is taken within seconds by a live node: none may stay unlocked (the wait covers the lock time
        // of a dead node's jobs)
        Instant until = Instant.now().plus(ClusterIT.LOCK_TIME).plusSeconds(60);
        long waiting;
        while ((waiting = dueUnlocked(db)) > 0 && Instant.now().isBefore(until)) {
            Thread.sleep(1_000);
        }
        assertThat(waiting).as("jobs due over 30 s ago and not taken by any node").isZero();
        assertThat(auditChainIntact(alive)).as("audit chain").isTrue();
    }

    private static long dueUnlocked(Database db) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        return db.count("""
                select count(*) from ACT_RU_JOB where RETRIES_ > 0 and SUSPENSION_STATE_ = 1 and DUEDATE_ < ?
                  and (LOCK_EXP_TIME_ is null or LOCK_EXP_TIME_ < ?)""",
                Timestamp.from(Instant.now().minusSeconds(30)), now);
    }

    static boolean auditChainIntact(Node node) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(node.url("/api/audit/verify"))).timeout(Duration.ofMinutes(2))
                .header("Authorization", Load.basic("admin", "demo")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("audit verification on %s: %s", node.id, r.body()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body()).get("intact").asBoolean();
    }
}
