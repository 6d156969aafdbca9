package vn.childprotection.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The failure suite (issue 17): two nodes of the packaged application on one PostgreSQL database made for the run,
 * load over HTTP, then counts in the database. Run by {@code ./mvnw verify -Pcluster} (and {@code .ci/run}), never
 * by the ordinary suite: it kills and freezes processes and restarts PostgreSQL. After every scenario: each accepted
 * report has its case, process, inbox row and audit row; no open case without a process; the audit chain intact; no
 * incident; no due job left unlocked; and each deadline of the scenario fired exactly once. Prints, per scenario,
 * requests sent, accepted, found after and deadlines fired.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    /** Short so that the suite waits seconds, not Camunda's default 5 minutes, for a dead node's jobs. */
    static final Duration LOCK_TIME = Duration.ofSeconds(15);

    static Path dir;
    static Database db;
    static Node a;
    static Node b;
    static final Map<String, String> summary = new LinkedHashMap<>();

    @BeforeAll
    static void freshDatabase() throws Exception {
        dir = Path.of(System.getProperty("cluster.dir", "target/cluster"));
        Files.createDirectories(dir);
        db = Database.fresh("childprotection_cluster");
        Path jar = Path.of(System.getProperty("cluster.jar", "target/child-protection-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the packaged application (./mvnw package)").exists();
        List<String> settings = List.of(
                "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
                // idle executors look for due jobs at least every 2 s (default: back off up to a minute)
                "--camunda.bpm.job-execution.max-wait=2000",
                "--child-protection.database-outage.retry-after=PT2S",
                "--child-protection.metrics.token=" + Operator.TOKEN,
                "--child-protection.notifications.dispatch-every=PT5S");
        a = new Node("node-a", Ports.free(), jar, db.url(), dir, settings);
        b = new Node("node-b", Ports.free(), jar, db.url(), dir, settings);
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (Node node : new Node[] {a, b}) {
            if (node != null) {
                node.stop();
            }
        }
        Nginx.stopAll();
        System.out.println("\n===== cluster suite: per scenario =====");
        summary.forEach((scenario, line) -> System.out.printf("%-44s %s%n", scenario, line));
    }

    @Test
    @Order(1)
    void bothNodesColdStartedAtOnceOnAnEmptyDatabase() throws Exception {
        a.start();
        b.start();
        a.awaitReady(Duration.ofMinutes(6));
        b.awaitReady(Duration.ofMinutes(6));

        assertThat(db.rows("select KEY_, count(*) from ACT_RE_PROCDEF group by KEY_"))
                .as("one deployment of each model").isNotEmpty().allSatisfy(row -> assertThat(row.get(1)).isEqualTo(1L));
        assertThat(db.count("select count(*) from ACT_RE_DEPLOYMENT")).as("deployments").isEqualTo(1);
        assertThat(db.count("select count(*) - count(distinct version) from flyway_schema_history"))
                .as("each schema migration once").isZero();
        assertThat(db.count("select count(*) from flyway_schema_history where not success")).isZero();
        assertThat(db.string("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'schema.history'"))
                .as("the engine schema created once").isEqualTo("create(fox)");
        assertThat(db.count("select count(*) from staff_user where username = 'intake'")).isEqualTo(1);
        // each node names itself: /actuator/info, its log lines, and the node tag of its metrics (scrape token)
        for (Node node : List.of(a, b)) {
            assertThat(Files.readString(dir.resolve(node.id + ".log"))).contains("[" + node.id + "]");
            assertThat(Operator.get(node, "/actuator/info")).isEqualTo("{\"node\":{\"id\":\"" + node.id + "\"}}");
            assertThat(Operator.get(node, "/actuator/prometheus")).contains("node=\"" + node.id + "\"");
        }
        summary.put("12 cold start of both at once", "2 nodes ready; "
                + db.count("select count(*) from ACT_RE_PROCDEF") + " models deployed once; "
                + db.count("select count(*) from flyway_schema_history") + " migrations applied once");
    }

    @Test
    @Order(2)
    void reportsSpreadOverBothNodes() throws Exception {
        Load load = new Load(List.of(a, b));
        Load.Result result = load.reports(200, 8, OffsetDateTime.now(ZoneOffset.ofHours(7)).minusMinutes(5));
        assertThat(result.accepted()).as("accepted of 200: %s", result.statuses()).hasSize(200);
        Invariants.hold(db, b, result.accepted(), Set.of());
        summary.put("6  200 reports over both nodes", result.line(db));
    }

    @Test
    @Order(3)
    void aHundredDeadlinesFallingDueInTheSameSecond() throws Exception {
        Deadlines deadlines = Deadlines.dueIn(Duration.ofSeconds(30), 100, List.of(a, b));
        deadlines.awaitFired(db, Duration.ofMinutes(3));
        Invariants.hold(db, b, deadlines.cases(), deadlines.cases());
        Map<String, Long> byNode = deadlines.firedByNode(db, List.of(a, b));
        summary.put("7  100 deadlines due in one second", deadlines.line(db) + "; the job log names the node that fired "
                + "each: " + byNode + "; jobs executed since start: node-a " + Operator.jobsExecuted(a) + ", node-b "
                + Operator.jobsExecuted(b) + "; job log rows per case " + jobLogRowsPerCase(deadlines));
    }

    /** Rows of the engine's job log per case of these deadlines (the cost of keeping it). */
    private String jobLogRowsPerCase(Deadlines deadlines) throws Exception {
        long rows = db.count("""
                select count(*) from ACT_HI_JOB_LOG l join ACT_HI_PROCINST p on p.ID_ = l.ROOT_PROC_INST_ID_
                where p.BUSINESS_KEY_ = any(?)""", deadlines.cases());
        return String.format(java.util.Locale.ROOT, "%.1f", (double) rows / deadlines.cases().size());
    }

    @Test
    @Order(4)
    void nodeFrozenLongerThanTheLockTimeThenResumed() throws Exception {
        Deadlines deadlines = Deadlines.dueIn(Duration.ofSeconds(30), 150, List.of(a, b));
        List<String> held = deadlines.awaitLockedBy(db, a, Duration.ofMinutes(2));
        a.signal("STOP");
        Load load = new Load(List.of(b));
        Load.Result during;
        try {
            // load on the other node while this one is frozen past its locks
            during = load.reportsFor(LOCK_TIME.plusSeconds(10), 2);
        } finally {
            a.signal("CONT");
        }
        deadlines.awaitFired(db, Duration.ofMinutes(3));
        Invariants.hold(db, b, union(deadlines.cases(), during.accepted()), deadlines.cases());
        Map<String, Long> byNode = deadlines.firedByNode(db, List.of(a, b));
        summary.put("9  node A frozen past its locks", "A held " + held.size() + " job locks when frozen, fired by "
                + deadlines.firedBy(db, held) + "; all fired by " + byNode + "; "
                + during.line(db) + "; " + deadlines.line(db));
    }

    @Test
    @Order(5)
    void databaseRestartedUnderLoad() throws Exception {
        Load load = new Load(List.of(a, b));
        Load.Running running = load.start(4);
        Readiness readiness = Readiness.watch(a);
        Thread.sleep(5_000);
        Database.restartServer();
        Thread.sleep(20_000);
        Load.Result result = running.stop();
        Map<Integer, Integer> seen = readiness.stop();
        assertThat(result.statuses()).as("answers while PostgreSQL restarted").doesNotContainKeys(500, 502, 504);
        assertThat(result.accepted()).isNotEmpty();
        // both nodes recover by themselves: ready again and taking reports
        a.awaitReady(Duration.ofMinutes(1));
        b.awaitReady(Duration.ofMinutes(1));
        Load.Result after = new Load(List.of(a, b)).reports(20, 2, OffsetDateTime.now(ZoneOffset.ofHours(7)));
        assertThat(after.accepted()).as("after the restart: %s", after.statuses()).hasSize(20);
        Invariants.hold(db, b, union(result.accepted(), after.accepted()), Set.of());
        summary.put("10 PostgreSQL restarted under load", result.line(db) + "; node A's readiness answers meanwhile "
                + seen + "; then " + after.accepted().size() + "/20 accepted");
    }

    @Test
    @Order(6)
    void nodeKilledHoldingJobLocksUnderLoadAndItsSessionsGoOnThroughTheOther() throws Exception {
        Nginx nginx = Nginx.start(dir, a, b);
        PageSession worker = PageSession.signIn(nginx.url(""), "worker.a", "demo");
        assertThat(worker.page("/tasks")).as("the task list through nginx (node A)").contains("Nguyễn Thị An");
        // an administrator in the Camunda webapps: their sign-in and CSRF token are in the session too
        PageSession admin = PageSession.signIn(nginx.url(""), "admin", "demo");
        admin.page("/camunda/app/cockpit/default/");
        assertThat(admin.page("/camunda/api/admin/auth/user/default")).contains("\"userId\":\"admin\"");
        String camundaCsrf = admin.cookie("XSRF-TOKEN");

        Deadlines deadlines = Deadlines.dueIn(Duration.ofSeconds(30), 150, List.of(a, b));
        Load.Running running = new Load(List.of(a, b)).start(4);
        List<String> held = deadlines.awaitLockedBy(db, a, Duration.ofMinutes(2));
        a.kill();
        Thread.sleep(3_000);
        Load.Result result = running.stop();
        List<String> stillLocked = db.rows("select ID_ from ACT_RU_JOB where LOCK_OWNER_ = 'node-a'").stream()
                .map(r -> (String) r.get(0)).toList();

        assertThat(worker.page("/tasks")).as("the same session through nginx, node A dead").contains("Nguyễn Thị An");
        assertThat(admin.page("/camunda/api/admin/auth/user/default")).as("Cockpit's sign-in through node B")
                .contains("\"userId\":\"admin\"");
        String taskCount = "/camunda/api/engine/engine/default/task/count";
        assertThat(admin.postJson(taskCount, "X-XSRF-TOKEN", camundaCsrf))
                .as("a webapp POST through node B with the CSRF token node A gave").isEqualTo(200);
        assertThat(admin.postJson(taskCount, null, null)).as("the same without the token").isEqualTo(403);
        deadlines.awaitFired(db, LOCK_TIME.plus(Duration.ofMinutes(3)));
        Invariants.hold(db, b, union(deadlines.cases(), result.accepted()), deadlines.cases());
        Map<String, Long> orphansFiredBy = deadlines.firedBy(db, stillLocked);
        assertThat(orphansFiredBy).as("the jobs A left locked at its death, fired by B after the lock time (job log)")
                .isEqualTo(stillLocked.isEmpty() ? Map.of() : Map.of("node-b", (long) stillLocked.size()));
        Map<String, Long> byNode = deadlines.firedByNode(db, List.of(a, b));
        summary.put("8  node A killed holding job locks", "A held " + held.size() + " job locks ("
                + stillLocked.size() + " left locked at its death, then fired by " + orphansFiredBy + "); "
                + result.line(db) + "; " + deadlines.line(db) + ", by " + byNode);
        summary.put("11 signed in through nginx, A killed", "the same sessions went on through node B: a worker's "
                + "pages, an administrator's Cockpit sign-in and its CSRF token");
    }

    @Test
    @Order(7)
    void aBackupRestoredIntoANewDatabaseRunsWithTheSameCasesTimersAndAuditChain() throws Exception {
        Backup.Snapshot before = Backup.Snapshot.of(db);
        Path dump = dir.resolve("cluster.dump");
        Backup.run("db/backup", db.name(), dump.toString());
        Database restored = Database.fresh("childprotection_cluster_restored");
        Backup.run("db/restore", dump.toString(), restored.name());
        Backup.Snapshot source = Backup.Snapshot.of(db);
        assertThat(source).as("nothing changed in the source while it was dumped").isEqualTo(before);

        Node c = new Node("node-c", Ports.free(), a.jarPath(), restored.url(), dir, List.of());
        c.start();
        try {
            c.awaitReady(Duration.ofMinutes(5));
            Backup.Snapshot copy = Backup.Snapshot.of(restored);
            assertThat(copy).as("the restored database").isEqualTo(source);
            assertThat(Invariants.auditChainIntact(c)).as("audit chain verified by a node on the copy").isTrue();
            summary.put("13 backup restored, node started on it", copy.toString());
        } finally {
            c.stop();
        }
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = ConcurrentHashMap.newKeySet();
        all.addAll(first);
        all.addAll(second);
        return all;
    }

    static String since(Instant start) {
        return Duration.between(start, Instant.now()).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static List<String> list(Set<String> set) {
        return new ArrayList<>(set);
    }
}
