package vn.childprotection.workflow;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's schema lacks for our volumes. Completing a task looks up its sub-tasks by
 * {@code ACT_RU_TASK.PARENT_TASK_ID_}, which Camunda 7.24 does not index: measured at 100,000 open tasks,
 * the index doubles claim + complete throughput. The job executor looks for due jobs by
 * {@code ACT_RU_JOB.DUEDATE_}, also unindexed: with every open case holding deadline timers (90,000 jobs at
 * 1,000,000 cases) each acquisition scanned the whole table, 50-90 ms of database time, against 0.6 ms with
 * the index (docs/performance.md). Created once the engine has made its tables.
 */
@Component
class EngineIndexes implements ApplicationRunner {

    private final JdbcClient jdbc;

    EngineIndexes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        jdbc.sql("create index if not exists ACT_IDX_TASK_PARENT_TASK on ACT_RU_TASK (PARENT_TASK_ID_)").update();
        jdbc.sql("create index if not exists ACT_IDX_JOB_DUEDATE on ACT_RU_JOB (DUEDATE_)").update();
    }
}
