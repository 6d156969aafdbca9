package vn.childprotection.cases;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an inbox row shows of its case at a glance: the child's name and how dangerous the situation is, by the
 * latest initial assessment or, before any, by the report. For tasks the user may work on only: a task's
 * candidates are the case's commune, province or referred police, all of whom see the child.
 */
@Component
public class CaseGlance {

    /** How the danger stands: a report or the latest assessment says immediate danger, or the assessment rates it HIGH. */
    public enum Danger { IMMEDIATE, HIGH }

    /**
     * The child's name; the danger as commune staff and supervisors read it (the latest assessment, or the report
     * before any); whether a report said immediate danger, which is all the police read of it.
     */
    public record Glance(String childName, Danger danger, boolean reportedImmediate) {

        /** The flag a task's candidates see: the police only what the report said, never the assessment. */
        public Danger dangerFor(boolean police) {
            return police ? (reportedImmediate ? Danger.IMMEDIATE : null) : danger;
        }
    }

    private final JdbcClient jdbc;

    CaseGlance(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Map<UUID, Glance> of(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        Set<UUID> ids = new HashSet<>(caseIds);
        Map<UUID, String> names = new HashMap<>();
        Set<UUID> reportedImmediate = new HashSet<>();
        jdbc.sql("""
                        select c.id, c.child_full_name,
                               exists (select 1 from report r where r.case_id = c.id and r.immediate_danger) as immediate
                        from case_file c where c.id in (:ids)""")
                .param("ids", ids)
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    names.put(id, rs.getString(2));
                    if (rs.getBoolean(3)) {
                        reportedImmediate.add(id);
                    }
                });
        Map<UUID, Danger> assessed = new HashMap<>();
        Set<UUID> wasAssessed = new HashSet<>();
        // the latest assessment of each case wins: rows come oldest first
        jdbc.sql("select case_id, danger_level, immediate_danger from initial_assessment where case_id in (:ids)"
                        + " order by assessed_at")
                .param("ids", ids)
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    wasAssessed.add(id);
                    Danger danger = rs.getBoolean(3) ? Danger.IMMEDIATE
                            : "HIGH".equals(rs.getString(2)) ? Danger.HIGH : null;
                    if (danger == null) {
                        assessed.remove(id);
                    } else {
                        assessed.put(id, danger);
                    }
                });
        Map<UUID, Glance> glances = new HashMap<>();
        for (UUID id : names.keySet()) {
            Danger danger = wasAssessed.contains(id) ? assessed.get(id)
                    : reportedImmediate.contains(id) ? Danger.IMMEDIATE : null;
            glances.put(id, new Glance(names.get(id), danger, reportedImmediate.contains(id)));
        }
        return glances;
    }
}
