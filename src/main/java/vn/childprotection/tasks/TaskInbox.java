package vn.childprotection.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.childprotection.cases.CaseMoved;
import vn.childprotection.directory.CandidateGroups;
import vn.childprotection.process.OpenTask;
import vn.childprotection.process.OpenTasks;
import vn.childprotection.process.TaskType;
import vn.childprotection.process.WorkTaskEvent;

/** The task inbox read model, kept in step with the engine's task events in the engine's transaction. */
@Repository
public class TaskInbox implements OpenTasks {

    private static final String COLUMNS = """
            task_id, case_id, case_number, commune_code, province_code, task_type, task_key,
            candidate_group, assignee, created_at, due_at, priority, escalated_step""";

    private final JdbcClient jdbc;

    public TaskInbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(WorkTaskEvent event) {
        if (event instanceof WorkTaskEvent.Created c) {
            jdbc.sql("insert into task_inbox (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(c.taskId(), c.caseId(), c.caseNumber(), c.communeCode(), c.provinceCode(), c.type().name(),
                            c.taskKey(), c.candidateGroup(), c.assignee(), timestamp(c.createdAt()),
                            timestamp(c.dueAt()), c.priority(), c.escalatedStep())
                    .update();
        } else if (event instanceof WorkTaskEvent.Assigned a) {
            jdbc.sql("update task_inbox set assignee = ? where task_id = ?").params(a.assignee(), a.taskId()).update();
        } else if (event instanceof WorkTaskEvent.Updated u) {
            jdbc.sql("update task_inbox set due_at = ?, priority = ? where task_id = ?")
                    .params(timestamp(u.dueAt()), u.priority(), u.taskId()).update();
        } else if (event instanceof WorkTaskEvent.Ended e) {
            jdbc.sql("delete from task_inbox where task_id = ?").param(e.taskId()).update();
        }
    }

    public Optional<OpenTask> find(String taskId) {
        return jdbc.sql("select " + COLUMNS + " from task_inbox where task_id = ?").param(taskId)
                .query(TaskInbox::row).optional();
    }

    /** Tasks assigned to the user and unassigned tasks of their groups, soonest deadline first. */
    public List<OpenTask> inbox(String username, Collection<String> groups, int page, int size) {
        String groupFilter = groups.isEmpty() ? "" : " or (assignee is null and candidate_group in (:groups))";
        var spec = jdbc.sql("select " + COLUMNS + " from task_inbox where assignee = :me" + groupFilter
                        + " order by due_at nulls last, created_at, task_id limit :size offset :offset")
                .param("me", username)
                .param("size", size)
                .param("offset", (long) page * size);
        if (!groups.isEmpty()) {
            spec = spec.param("groups", groups);
        }
        return spec.query(TaskInbox::row).list();
    }

    /** Open tasks of the provinces whose deadline has passed, the longest overdue first. */
    public List<OpenTask> overdue(Collection<String> provinceCodes, Instant now, int page, int size) {
        if (provinceCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from task_inbox where province_code in (:provinces) and due_at < :now"
                        + " order by due_at, task_id limit :size offset :offset")
                .param("provinces", provinceCodes)
                .param("now", Timestamp.from(now))
                .param("size", size)
                .param("offset", (long) page * size)
                .query(TaskInbox::row).list();
    }

    /** How much open work of the provinces is past its deadline, per commune and step. */
    public record OverdueCount(String communeCode, TaskType type, long count) {
    }

    public List<OverdueCount> overdueCounts(Collection<String> provinceCodes, Instant now) {
        if (provinceCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select commune_code, task_type, count(*) from task_inbox
                        where province_code in (:provinces) and due_at < :now
                        group by commune_code, task_type order by commune_code, task_type""")
                .param("provinces", provinceCodes)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new OverdueCount(rs.getString(1), TaskType.valueOf(rs.getString(2)), rs.getLong(3)))
                .list();
    }

    /** Open work of the provinces falling due between now and {@code until}, soonest first. */
    public List<OpenTask> dueSoon(Collection<String> provinceCodes, Instant now, Instant until, int limit) {
        if (provinceCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from task_inbox where province_code in (:provinces)"
                        + " and due_at >= :now and due_at < :until order by due_at, task_id limit :limit")
                .param("provinces", provinceCodes)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(until))
                .param("limit", limit)
                .query(TaskInbox::row).list();
    }

    /** Open tasks of one type in the provinces, soonest deadline first. */
    public List<OpenTask> openOfType(Collection<String> provinceCodes, TaskType type, int limit) {
        if (provinceCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from task_inbox where province_code in (:provinces)"
                        + " and task_type = :type order by due_at nulls last, task_id limit :limit")
                .param("provinces", provinceCodes)
                .param("type", type.name())
                .param("limit", limit)
                .query(TaskInbox::row).list();
    }

    @Override
    public List<OpenTask> forCase(UUID caseId) {
        return jdbc.sql("select " + COLUMNS + " from task_inbox where case_id = ? order by due_at nulls last, created_at")
                .param(caseId).query(TaskInbox::row).list();
    }

    /** The case moved to another commune: its open tasks go to the same roles there, unassigned. */
    @EventListener
    void caseMoved(CaseMoved moved) {
        for (OpenTask task : forCase(moved.caseId())) {
            if (CandidateGroups.isPolice(task.candidateGroup())) {
                // police work stays with the police of the place where the offence happened
                continue;
            }
            jdbc.sql("""
                            update task_inbox set commune_code = ?, province_code = ?, candidate_group = ?, assignee = null
                            where task_id = ?""")
                    .params(moved.communeCode(), moved.provinceCode(),
                            CandidateGroups.moved(task.candidateGroup(), moved.communeCode(), moved.provinceCode()),
                            task.taskId())
                    .update();
        }
    }

    /** Communes merged: their open tasks are the same roles' in the commune they merged into, held as they were. */
    @EventListener
    void unitsMerged(vn.childprotection.common.UnitsMerged merged) {
        List<String> groups = merged.from().stream().flatMap(c -> java.util.stream.Stream.of(CandidateGroups.worker(c),
                CandidateGroups.chair(c), CandidateGroups.police(c))).toList();
        List<OpenTask> tasks = jdbc.sql("select " + COLUMNS + " from task_inbox where commune_code in (:from)"
                        + " or candidate_group in (:groups)")
                .param("from", merged.from()).param("groups", groups).query(TaskInbox::row).list();
        for (OpenTask task : tasks) {
            jdbc.sql("update task_inbox set commune_code = ?, candidate_group = ? where task_id = ?")
                    .params(merged.from().contains(task.communeCode()) ? merged.into() : task.communeCode(),
                            CandidateGroups.merged(task.candidateGroup(), merged.from(), merged.into()), task.taskId())
                    .update();
        }
    }

    /** Takes an unassigned task for the user; false if someone holds it already. Locks the row until commit. */
    boolean take(String taskId, String username) {
        return jdbc.sql("update task_inbox set assignee = ? where task_id = ? and assignee is null")
                .params(username, taskId).update() == 1;
    }

    /** Gives back a task the user holds; false if they do not hold it. */
    boolean release(String taskId, String username) {
        return jdbc.sql("update task_inbox set assignee = null where task_id = ? and assignee = ?")
                .params(taskId, username).update() == 1;
    }

    private static OpenTask row(ResultSet rs, int n) throws SQLException {
        return new OpenTask(rs.getString("task_id"), rs.getObject("case_id", UUID.class), rs.getString("case_number"),
                rs.getString("commune_code"), rs.getString("province_code"), TaskType.valueOf(rs.getString("task_type")),
                rs.getString("task_key"), rs.getString("candidate_group"), rs.getString("assignee"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("due_at")), rs.getInt("priority"),
                rs.getString("escalated_step"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
