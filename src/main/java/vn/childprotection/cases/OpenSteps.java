package vn.childprotection.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.childprotection.process.TaskType;

/** For the register's page of cases: each case's open step due first and whether any of its steps is late. */
@Component
class OpenSteps {

    private final JdbcClient jdbc;

    OpenSteps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The page's cases with the open step due first and whether any open step is overdue, for cases seen whole. */
    List<CaseRegister.Row> of(List<CaseRegister.Found> found, Instant now) {
        List<CaseRegister.Row> rows = found.stream().map(CaseRegister.Found::row).toList();
        List<UUID> whole = found.stream().filter(CaseRegister.Found::whole).map(f -> f.row().caseId()).toList();
        if (whole.isEmpty()) {
            return rows;
        }
        Map<UUID, TaskType> current = new LinkedHashMap<>();
        Map<UUID, Boolean> late = new HashMap<>();
        jdbc.sql("""
                        select case_id, task_type, due_at from task_inbox where case_id in (:ids)
                        order by case_id, due_at nulls last, created_at""")
                .param("ids", whole)
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    current.putIfAbsent(id, TaskType.valueOf(rs.getString(2)));
                    Timestamp due = rs.getTimestamp(3);
                    if (due != null && due.toInstant().isBefore(now)) {
                        late.put(id, true);
                    }
                });
        return rows.stream().map(r -> new CaseRegister.Row(r.caseId(), r.caseNumber(), r.childName(), r.communeCode(), r.status(),
                current.get(r.caseId()), r.receivedAt(), late.getOrDefault(r.caseId(), false), r.seenWhole())).toList();
    }
}
