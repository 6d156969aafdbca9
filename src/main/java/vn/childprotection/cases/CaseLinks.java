package vn.childprotection.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.childprotection.directory.Directory;

/**
 * Cases of the same child. A new case names the child's earlier, closed cases (national ID anywhere, or
 * name and birth date in the same commune) so that a recurrence is visible; and where an open case of
 * another commune of the province has the same name and birth date, the new case is marked as a possible
 * duplicate for the province supervisor to merge or dismiss (two children are never merged on a name
 * alone; across provinces only the national ID joins).
 */
@Component
public class CaseLinks {

    /** Another case of the child, as the case file shows it. */
    record LinkedCase(UUID caseId, String caseNumber, CaseStatus status, Instant openedAt, Instant closedAt,
                             List<String> harmTypes, String communeName) {
    }

    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final CaseReports reports;
    private final Directory directory;

    CaseLinks(JdbcClient jdbc, Timeline timeline, CaseReports reports, Directory directory) {
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.reports = reports;
        this.directory = directory;
    }

    /** Links a case just opened to the child's earlier cases and to an open case it may duplicate. */
    @Transactional
    public void linkNew(CaseFile file) {
        Child child = file.child();
        if (child == null) {
            return;
        }
        if (child.nationalId() != null) {
            link(file.id(), "EARLIER", """
                    select id from case_file where status = 'CLOSED' and child_national_id = :nid and id <> :id""",
                    child, file);
        }
        if (child.fullName() != null && child.birthDate() != null) {
            link(file.id(), "EARLIER", """
                    select id from case_file where status = 'CLOSED' and commune_code in (:communes) and id <> :id
                      and lower(child_full_name) = lower(:name) and child_birth_date = :born
                      and (child_national_id is null or :anyId = 1 or child_national_id = :nid)""", child, file);
            // another commune of the same province: its supervisor sees both cases and decides
            int suspected = link(file.id(), "POSSIBLE_DUPLICATE", """
                    select id from case_file where status = 'OPEN' and commune_code <> :commune and id <> :id
                      and commune_code in (select code from commune where province_code =
                          (select province_code from commune where code = :commune))
                      and lower(child_full_name) = lower(:name) and child_birth_date = :born
                      and (child_national_id is null or :anyId = 1 or child_national_id = :nid)""", child, file);
            if (suspected > 0) {
                jdbc.sql("update case_file set duplicate_status = 'SUSPECTED' where id = ?").param(file.id()).update();
                timeline.record(file.id(), "POSSIBLE_DUPLICATE", null, null);
            }
        }
    }

    private int link(UUID caseId, String kind, String candidates, Child child, CaseFile file) {
        List<UUID> ids = jdbc.sql(candidates)
                .param("id", caseId)
                .param("nid", child.nationalId() == null ? "" : child.nationalId())
                .param("anyId", child.nationalId() == null ? 1 : 0)
                .param("commune", file.communeCode())
                .param("communes", directory.withPredecessors(java.util.Set.of(file.communeCode())))
                .param("name", child.fullName() == null ? "" : child.fullName())
                .param("born", child.birthDate())
                .query(UUID.class).list();
        for (UUID linked : ids) {
            jdbc.sql("insert into case_link (case_id, linked_case_id, kind) values (?, ?, ?)")
                    .params(caseId, linked, kind).update();
        }
        return ids.size();
    }

    /** The child's earlier cases, oldest first. */
    List<LinkedCase> earlier(UUID caseId) {
        return linked(caseId, "EARLIER");
    }

    /** The open case this one may duplicate, while a supervisor has not decided. */
    Optional<LinkedCase> possibleDuplicate(UUID caseId) {
        if (!"SUSPECTED".equals(duplicateStatus(caseId))) {
            return Optional.empty();
        }
        return linked(caseId, "POSSIBLE_DUPLICATE").stream().findFirst();
    }

    String duplicateStatus(UUID caseId) {
        return jdbc.sql("select duplicate_status from case_file where id = ?").param(caseId).query(String.class)
                .optional().orElse(null);
    }

    void decided(UUID caseId, String status) {
        jdbc.sql("update case_file set duplicate_status = ?, version = version + 1 where id = ?")
                .params(status, caseId).update();
    }

    private List<LinkedCase> linked(UUID caseId, String kind) {
        return jdbc.sql("""
                        select c.id, c.case_number, c.status, c.opened_at, c.commune_code,
                               (select max(e.occurred_at) from case_event e where e.case_id = c.id and e.type = 'CASE_CLOSED'),
                               m.name
                        from case_link l join case_file c on c.id = l.linked_case_id
                        left join commune m on m.code = c.commune_code
                        where l.case_id = ? and l.kind = ? order by c.opened_at""")
                .params(caseId, kind)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    Timestamp closed = rs.getTimestamp(6);
                    return new LinkedCase(id, rs.getString(2), CaseStatus.valueOf(rs.getString(3)),
                            rs.getTimestamp(4).toInstant(), closed == null ? null : closed.toInstant(),
                            reports.facts(id).harmTypes().stream().sorted().toList(), rs.getString(7));
                })
                .list();
    }
}
