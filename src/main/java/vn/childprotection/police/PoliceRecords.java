package vn.childprotection.police;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.childprotection.cases.CasePoliceRecords;

/** The police_record table: acknowledgements and outcomes of police referrals. */
@Repository
class PoliceRecords implements CasePoliceRecords {

    private final JdbcClient jdbc;
    private final Clock clock;

    PoliceRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void acknowledged(UUID caseId, String taskId, String recordNumber, String officer, String username) {
        insert(caseId, taskId, "ACKNOWLEDGED", recordNumber, officer, null, null, username);
    }

    void outcome(UUID caseId, String taskId, Outcome outcome, String detail, String username) {
        insert(caseId, taskId, "OUTCOME", null, null, outcome.name(), detail, username);
    }

    private void insert(UUID caseId, String taskId, String kind, String recordNumber, String officer, String outcome,
                        String detail, String username) {
        jdbc.sql("""
                        insert into police_record (id, case_id, task_id, kind, record_number, officer, outcome, detail,
                            recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), caseId, taskId, kind, recordNumber, officer, outcome, detail, username,
                        Timestamp.from(clock.instant()))
                .update();
    }

    @Override
    public List<PoliceRecord> forCase(UUID caseId) {
        return jdbc.sql("""
                        select kind, record_number, officer, outcome, detail, recorded_by, recorded_at
                        from police_record where case_id = ? order by recorded_at""")
                .param(caseId)
                .query((rs, n) -> new PoliceRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }
}
