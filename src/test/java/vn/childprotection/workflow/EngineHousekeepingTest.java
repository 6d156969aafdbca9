package vn.childprotection.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.childprotection.ApiTestBase;

/** What keeps the engine's tables fast and small over ten years of cases, on H2 and on PostgreSQL. */
class EngineHousekeepingTest extends ApiTestBase {

    @Autowired
    HistoryService history;

    @Autowired
    DataSource dataSource;

    @Test
    void engineHistoryOfEndedProcessesIsCleanedUpEveryNightInVietnamsSmallHours() {
        var jobs = history.findHistoryCleanupJobs();
        assertThat(jobs).as("the engine's history cleanup job").isNotEmpty();
        for (Job job : jobs) {
            LocalTime at = job.getDuedate().toInstant().atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalTime();
            assertThat(at).as("cleanup starts inside the 01:00-05:00 window")
                    .isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
        }
    }

    @Test
    void theEngineTablesCarryTheIndexesTheirHottestQueriesNeed() throws SQLException {
        assertThat(indexedColumns("ACT_RU_JOB")).as("job acquisition looks for due jobs").contains("DUEDATE_");
        assertThat(indexedColumns("ACT_RU_TASK")).as("completing a task looks up its sub-tasks")
                .contains("PARENT_TASK_ID_");
    }

    @Test
    void aDatabaseTheEngineCreatedAtAuditHistoryIsMovedToTheLevelWithTheJobLog() {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String level = "select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'historyLevel'";
        assertThat(jdbc.sql(level).query(String.class).single()).as("this database, created by this version")
                .isEqualTo("12");
        try {
            // as a database created before the job log was kept
            jdbc.sql("update ACT_GE_PROPERTY set VALUE_ = '2' where NAME_ = 'historyLevel'").update();

            JobLogHistory.moveFromAudit(dataSource);

            assertThat(jdbc.sql(level).query(String.class).single()).isEqualTo("12");
        } finally {
            jdbc.sql("update ACT_GE_PROPERTY set VALUE_ = '12' where NAME_ = 'historyLevel'").update();
        }
    }

    private Set<String> indexedColumns(String table) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            // H2 keeps the engine's names in upper case, PostgreSQL in lower case
            for (String name : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
                try (ResultSet rs = meta.getIndexInfo(null, null, name, false, false)) {
                    while (rs.next()) {
                        String column = rs.getString("COLUMN_NAME");
                        if (column != null) {
                            columns.add(column.toUpperCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        return columns;
    }
}
