package vn.childprotection.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * What the whole service holds, read from the database every {@code child-protection.metrics.refresh-every}: open
 * tasks by type, overdue tasks, the notification outbox by status, and the engine's jobs (due and waiting for a node,
 * locked by each node, out of retries) with its open incidents. Every node reports the same database's figures: a
 * dashboard takes their maximum, not their sum (docs/grafana-dashboard.json). Rates of what a node did (reports
 * received, requests, jobs executed) are per node and are summed.
 */
@Component
class ServiceMetrics {

    private static final Logger log = LoggerFactory.getLogger(ServiceMetrics.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MultiGauge openTasks;
    private final MultiGauge outbox;
    private final MultiGauge lockedJobs;
    private volatile double overdue;
    private volatile double dueJobs;
    private volatile double failedJobs;
    private volatile double incidents;
    private volatile boolean failing;

    ServiceMetrics(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.openTasks = MultiGauge.builder("childprotection.tasks.open").description("Open tasks by type")
                .register(registry);
        this.outbox = MultiGauge.builder("childprotection.outbox.messages")
                .description("Notification outbox messages waiting or failed, by status and channel").register(registry);
        this.lockedJobs = MultiGauge.builder("childprotection.engine.jobs.locked")
                .description("Engine jobs locked by a node (LOCK_OWNER_)").register(registry);
        Gauge.builder("childprotection.tasks.overdue", () -> overdue).description("Open tasks past their deadline")
                .register(registry);
        Gauge.builder("childprotection.engine.jobs.due", () -> dueJobs)
                .description("Engine jobs due and not locked by any node: the job executors' backlog").register(registry);
        Gauge.builder("childprotection.engine.jobs.failed", () -> failedJobs)
                .description("Engine jobs out of retries").register(registry);
        Gauge.builder("childprotection.engine.incidents", () -> incidents).description("Open engine incidents")
                .register(registry);
    }

    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "${child-protection.metrics.refresh-every:PT30S}")
    void refresh() {
        try {
            Timestamp now = Timestamp.from(clock.instant());
            openTasks.register(rows("select task_type, count(*) from task_inbox group by task_type", "type"), true);
            overdue = count("select count(*) from task_inbox where due_at < ?", now);
            outbox.register(jdbc.sql("""
                            select status, channel, count(*) from outbox_message where status <> 'SENT'
                            group by status, channel""")
                    .query((rs, i) -> MultiGauge.Row.of(Tags.of("status", rs.getString(1), "channel", rs.getString(2)),
                            rs.getLong(3))).list(), true);
            dueJobs = count("""
                    select count(*) from ACT_RU_JOB where RETRIES_ > 0 and (DUEDATE_ is null or DUEDATE_ <= ?)
                      and (LOCK_EXP_TIME_ is null or LOCK_EXP_TIME_ < ?) and SUSPENSION_STATE_ = 1""", now, now);
            lockedJobs.register(rows("""
                    select LOCK_OWNER_, count(*) from ACT_RU_JOB where LOCK_OWNER_ is not null
                    group by LOCK_OWNER_""", "owner"), true);
            failedJobs = count("select count(*) from ACT_RU_JOB where RETRIES_ = 0");
            incidents = count("select count(*) from ACT_RU_INCIDENT");
            failing = false;
        } catch (DataAccessException e) {
            if (!failing) {
                log.warn("metrics not refreshed: {}", e.getMostSpecificCause().getMessage());
            }
            failing = true;
        }
    }

    private List<? extends MultiGauge.Row<?>> rows(String sql, String tag) {
        return jdbc.sql(sql).query((rs, i) -> MultiGauge.Row.of(Tags.of(tag, rs.getString(1)), rs.getLong(2))).list();
    }

    private double count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
