package vn.childprotection.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import vn.childprotection.workflow.ProcessIds;

/**
 * Reports whose initial assessment (6 hours from receipt, application.yml) falls due in one and the same second: each
 * report is received 6 hours before that second. Each must be escalated exactly once.
 */
final class Deadlines {

    static final Duration INITIAL_ASSESSMENT = Duration.ofHours(6);

    private final Set<String> cases;
    private final Instant due;

    private Deadlines(Set<String> cases, Instant due) {
        this.cases = cases;
        this.due = due;
    }

    /** At least {@code lead} ahead, and time enough to post them all on a busy machine (0.4 s a report). */
    static Deadlines dueIn(Duration lead, int count, List<Node> nodes) throws Exception {
        Duration posting = Duration.ofMillis(400L * count);
        Instant due = Instant.now().plus(posting.compareTo(lead) > 0 ? posting : lead).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime receivedAt = due.minus(INITIAL_ASSESSMENT).atOffset(ZoneOffset.ofHours(7));
        Load.Result posted = new Load(nodes).reports(count, 4, receivedAt);
        assertThat(posted.accepted()).as("reports for the deadlines: %s", posted.statuses()).hasSize(count);
        assertThat(Instant.now()).as("all %d posted before their deadlines fall due", count).isBefore(due);
        return new Deadlines(posted.accepted(), due);
    }

    Set<String> cases() {
        return cases;
    }

    /** The ids of the jobs {@code node} holds locked, as soon as it holds any once the deadlines are due. */
    List<String> awaitLockedBy(Database db, Node node, Duration atMost) throws Exception {
        Instant until = due.plus(atMost);
        while (Instant.now().isBefore(until)) {
            if (Instant.now().isAfter(due.minusSeconds(1))) {
                List<String> held = db.rows("select ID_ from ACT_RU_JOB where LOCK_OWNER_ = ? and LOCK_EXP_TIME_ > ?",
                                node.id, Timestamp.from(Instant.now())).stream().map(r -> (String) r.get(0)).toList();
                if (!held.isEmpty()) {
                    return held;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError(node.id + " never held a job lock within " + atMost + " of the deadlines");
    }

    /** Until every case has its escalation (then a few seconds more, for any second one), each exactly one. */
    void awaitFired(Database db, Duration atMost) throws Exception {
        Instant until = due.plus(atMost);
        while (escalations(db).size() < cases.size() && Instant.now().isBefore(until)) {
            Thread.sleep(500);
        }
        Thread.sleep(5_000);
        Map<String, Long> fired = escalations(db);
        assertThat(fired.keySet()).as("cases escalated of %d", cases.size()).hasSize(cases.size());
        assertThat(fired).as("escalations per case").allSatisfy((c, n) -> assertThat(n).as(c).isEqualTo(1L));
    }

    Map<String, Long> escalations(Database db) throws Exception {
        return db.rows("""
                        select case_number, count(*) from task_inbox
                        where task_type = 'ESCALATION' and case_number = any(?) group by case_number""", cases)
                .stream().collect(Collectors.toMap(r -> (String) r.get(0), r -> ((Number) r.get(1)).longValue()));
    }

    /**
     * The engine's job log of these deadlines: per node, how many it fired (one success each, under the name of the
     * node that ran it). Asserts that every deadline has exactly one, by a node of the cluster.
     */
    Map<String, Long> firedByNode(Database db, List<Node> nodes) throws Exception {
        List<List<Object>> rows = db.rows("""
                        select l.JOB_ID_, l.HOSTNAME_ from ACT_HI_JOB_LOG l
                        join ACT_HI_PROCINST p on p.ID_ = l.PROCESS_INSTANCE_ID_
                        where p.BUSINESS_KEY_ = any(?) and l.ACT_ID_ = ? and l.JOB_STATE_ = 2""",
                cases, ProcessIds.overdueTimerOf(ProcessIds.TASK_INITIAL_ASSESSMENT));
        assertThat(rows).as("deadlines with one success in the job log").hasSize(cases.size());
        assertThat(rows.stream().map(r -> r.get(0)).distinct()).as("one success per deadline job").hasSize(cases.size());
        assertThat(rows).extracting(r -> (String) r.get(1)).as("fired by a node of the cluster, under its name")
                .allMatch(host -> nodes.stream().anyMatch(n -> n.id.equals(host)));
        return rows.stream().collect(Collectors.groupingBy(r -> (String) r.get(1), TreeMap::new, Collectors.counting()));
    }

    /** The node the job log names as having fired each of {@code jobs}. */
    Map<String, Long> firedBy(Database db, List<String> jobs) throws Exception {
        return db.rows("select HOSTNAME_ from ACT_HI_JOB_LOG where JOB_STATE_ = 2 and JOB_ID_ = any(?)", jobs).stream()
                .collect(Collectors.groupingBy(r -> (String) r.get(0), TreeMap::new, Collectors.counting()));
    }

    String line(Database db) throws Exception {
        Map<String, Long> fired = escalations(db);
        return cases.size() + " deadlines, " + fired.size() + " fired, "
                + fired.values().stream().filter(n -> n == 1).count() + " exactly once";
    }
}
