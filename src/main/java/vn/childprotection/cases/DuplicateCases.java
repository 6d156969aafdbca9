package vn.childprotection.cases;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.childprotection.audit.AuditTrail;
import vn.childprotection.common.ConflictException;
import vn.childprotection.common.Messages;
import vn.childprotection.process.CaseWorkflow;
import vn.childprotection.process.ReportRouting;
import vn.childprotection.security.StaffPrincipal;

/**
 * A supervisor decides on a case marked as a possible duplicate: the same child after all (its reports
 * join the child's open case, which assesses them afresh, and this case ends), or another child.
 */
@Service
class DuplicateCases {

    enum Decision { MERGE, DISMISS }

    private static final java.util.Set<vn.childprotection.process.TaskType> EMERGENCY_WORK = java.util.EnumSet.of(
            vn.childprotection.process.TaskType.EMERGENCY_ACTION, vn.childprotection.process.TaskType.EMERGENCY_DECISION,
            vn.childprotection.process.TaskType.SEPARATION_REVIEW);

    private final CaseFileService cases;
    private final CaseLinks links;
    private final CaseReports reports;
    private final Timeline timeline;
    private final CaseWorkflow workflow;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Messages messages;
    private final CasePoliceRecords police;
    private final vn.childprotection.process.OpenTasks inbox;

    DuplicateCases(CaseFileService cases, CaseLinks links, CaseReports reports, Timeline timeline, CaseWorkflow workflow,
                   AuditTrail audit, JdbcClient jdbc, Messages messages, CasePoliceRecords police,
                   vn.childprotection.process.OpenTasks inbox) {
        this.police = police;
        this.inbox = inbox;
        this.cases = cases;
        this.links = links;
        this.reports = reports;
        this.timeline = timeline;
        this.workflow = workflow;
        this.audit = audit;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Transactional
    public void decide(UUID caseId, Decision decision, StaffPrincipal user) {
        CaseFileService.Place place = cases.placeOf(caseId, user);
        CaseLinks.LinkedCase other = links.possibleDuplicate(caseId)
                .orElseThrow(() -> new ConflictException(messages.text("duplicate.notSuspected")));
        if (decision == Decision.DISMISS) {
            links.decided(caseId, "DISMISSED");
            timeline.record(caseId, "DUPLICATE_DISMISSED", other.caseNumber(), user.getUsername());
            audit.record("DUPLICATE_DISMISSED", caseId, other.caseNumber());
            return;
        }
        if (other.status() != CaseStatus.OPEN || place.status() != CaseStatus.OPEN) {
            throw new ConflictException(messages.text("case.closed"));
        }
        // an emergency or a separation under way is not cut short by a merge: it ends first
        if (inbox.forCase(caseId).stream().anyMatch(t -> EMERGENCY_WORK.contains(t.type()))) {
            throw new ConflictException(messages.text("duplicate.emergencyRunning"));
        }
        ReportRouting latest = reports.latestRouting(caseId);
        reports.moveReports(caseId, other.caseId());
        police.moveReferrals(caseId, other.caseId());
        workflow.discard(place.caseNumber(), "merged into " + other.caseNumber());
        links.decided(caseId, "MERGED");
        jdbc.sql("update case_file set status = 'CLOSED', version = version + 1 where id = ?").param(caseId).update();
        timeline.record(caseId, "MERGED_INTO", other.caseNumber(), user.getUsername());
        timeline.record(caseId, "CASE_CLOSED", null, user.getUsername());
        timeline.record(other.caseId(), "MERGED_FROM", place.caseNumber(), user.getUsername());
        // the child's case assesses the merged report afresh, counted from its receipt; if it cannot, nothing moves
        if (!workflow.furtherReport(other.caseNumber(), latest)) {
            throw new ConflictException(messages.text("case.closed"));
        }
        audit.record("DUPLICATE_MERGED", caseId, other.caseNumber());
        audit.record("DUPLICATE_MERGED", other.caseId(), place.caseNumber());
    }

}
