package vn.childprotection.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.childprotection.process.OpenTask;

/** Stores what a completed task's form said (the step forms of package steps) in the case file. */
@Component
public class CaseForms {

    /** A completed form as the case file shows it. */
    public record SubmittedForm(String taskId, String type, JsonNode content, String submittedBy,
                                Instant submittedAt) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    CaseForms(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public void store(OpenTask task, Object form, String username) {
        try {
            jdbc.sql("""
                            insert into case_form (id, case_id, task_id, form_type, content, submitted_by, submitted_at)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), task.caseId(), task.taskId(), task.type().name(),
                            json.writeValueAsString(form), username, Timestamp.from(clock.instant()))
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<SubmittedForm> of(UUID caseId) {
        return jdbc.sql("""
                        select task_id, form_type, content, submitted_by, submitted_at
                        from case_form where case_id = ? order by submitted_at""")
                .param(caseId)
                .query((rs, n) -> new SubmittedForm(rs.getString(1), rs.getString(2), read(rs.getString(3)),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    private JsonNode read(String content) {
        try {
            return json.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
