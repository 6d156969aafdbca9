package vn.childprotection.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.childprotection.audit.AuditTrail;

/**
 * What a caller may learn of a case it reported: its number and status, how many of its reports it holds, and
 * the references it gave them. Nothing about the child or the work: a client system that filed a report learns
 * that the commune has it and where it stands, as a person calling the hotline back would.
 */
@Component
class FiledReports {

    /** GET /api/reports/{caseId}/status. */
    record Status(UUID caseId, String caseNumber, String status, int reportsFiled, Instant lastReceivedAt,
                  List<String> externalRefs) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    FiledReports(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The case's status, if {@code caller} filed a report in it; nothing otherwise (as if there were no case). */
    @Transactional
    Optional<Status> of(UUID caseId, String caller) {
        record Filed(String caseNumber, String status, Instant receivedAt, String externalRef) {
        }
        List<Filed> filed = jdbc.sql("""
                        select c.case_number, c.status, r.received_at, r.external_ref
                        from report r join case_file c on c.id = r.case_id
                        where r.case_id = ? and r.recorded_by = ? order by r.received_at""")
                .params(caseId, caller)
                .query((rs, n) -> new Filed(rs.getString(1), rs.getString(2), rs.getObject(3, Timestamp.class).toInstant(),
                        rs.getString(4)))
                .list();
        if (filed.isEmpty()) {
            return Optional.empty();
        }
        audit.record("REPORT_STATUS", caseId, null);
        Filed last = filed.get(filed.size() - 1);
        return Optional.of(new Status(caseId, last.caseNumber(), last.status(), filed.size(), last.receivedAt(),
                filed.stream().map(Filed::externalRef).filter(r -> r != null).distinct().toList()));
    }
}
