package vn.childprotection.cases;

import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.childprotection.audit.AuditTrail;
import vn.childprotection.common.CaseNews;
import vn.childprotection.common.ConflictException;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.common.NotFoundException;
import vn.childprotection.directory.Commune;
import vn.childprotection.directory.Directory;
import vn.childprotection.process.CaseWorkflow;
import vn.childprotection.process.OpenTasks;
import vn.childprotection.process.TaskType;
import vn.childprotection.security.StaffPrincipal;

/**
 * The child moved: a supervisor moves the case, its open tasks follow (a {@link CaseMoved} event), the
 * timeline says so. To another province the receiving province's supervisor must accept first.
 */
@Service
public class CaseTransfers {

    private final Jurisdiction jurisdiction;
    private final CaseFiles caseFiles;
    private final Directory directory;
    private final OpenTasks openTasks;
    private final CaseWorkflow workflow;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Messages messages;

    CaseTransfers(Jurisdiction jurisdiction, CaseFiles caseFiles, Directory directory, OpenTasks openTasks,
                  CaseWorkflow workflow, Timeline timeline, ApplicationEventPublisher events, AuditTrail audit,
                  Messages messages) {
        this.jurisdiction = jurisdiction;
        this.caseFiles = caseFiles;
        this.directory = directory;
        this.openTasks = openTasks;
        this.workflow = workflow;
        this.timeline = timeline;
        this.events = events;
        this.audit = audit;
        this.messages = messages;
    }

    /** @return true when the case moved now, false when it waits for the receiving province */
    @Transactional
    public boolean transfer(UUID caseId, String toCommuneCode, String reason, StaffPrincipal user) {
        Jurisdiction.Access access = jurisdiction.actingAccess(caseId, user);
        CaseFile file = access.file();
        Commune to = directory.communeInForce(toCommuneCode)
                .orElseThrow(() -> new InvalidInputException("communeCode", messages.text("validation.unknownCommune")));
        if (to.code().equals(file.communeCode())) {
            throw new InvalidInputException("communeCode", messages.text("validation.sameCommune"));
        }
        if (file.status() != CaseStatus.OPEN) {
            throw new ConflictException(messages.text("case.closed"));
        }
        String detail = file.communeCode() + " → " + to.code() + (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
        if (!to.provinceCode().equals(access.commune().provinceCode())) {
            if (openTasks.forCase(caseId).stream().anyMatch(t -> t.type() == TaskType.TRANSFER_ACCEPTANCE)) {
                throw new ConflictException(messages.text("transfer.pending"));
            }
            workflow.requestTransfer(file.caseNumber(), to.code(), to.provinceCode());
            timeline.record(caseId, "TRANSFER_REQUESTED", detail, user.getUsername());
            audit.record("TRANSFER_REQUESTED", caseId, file.communeCode() + " -> " + to.code());
            return false;
        }
        move(file, to, detail, user.getUsername());
        return true;
    }

    /** The receiving province's supervisor accepted: the case and its open work move there. */
    @Transactional
    public void transferAccepted(UUID caseId, String toCommuneCode, String username) {
        CaseFile file = caseFiles.findById(caseId).orElseThrow(() -> new NotFoundException("case " + caseId));
        move(file, directory.commune(toCommuneCode).orElseThrow(), file.communeCode() + " → " + toCommuneCode,
                username);
    }

    /** A refused transfer stays on the case's timeline with the receiving supervisor's reason. */
    @Transactional
    public void transferRefused(UUID caseId, String toCommuneCode, String reason, String username) {
        timeline.record(caseId, "TRANSFER_REFUSED", toCommuneCode + ": " + reason.strip(), username);
    }

    /** Moves the case as it is now: its row locked, so a move or the closing at the same time waits for this one. */
    private void move(CaseFile read, Commune to, String detail, String username) {
        CaseFile file = caseFiles.findLockedById(read.id()).orElseThrow();
        if (file.status() != CaseStatus.OPEN) {
            throw new ConflictException(messages.text("case.closed"));
        }
        String from = file.communeCode();
        file.transfer(to.code(), to.provinceCode());
        caseFiles.save(file);
        timeline.record(file.id(), "TRANSFERRED", detail, username);
        workflow.transfer(file.caseNumber(), to.code(), to.provinceCode());
        events.publishEvent(new CaseMoved(file.id(), to.code(), to.provinceCode()));
        events.publishEvent(new CaseNews(CaseNews.What.CASE_MOVED_OUT, file.id(), file.caseNumber(), from, null));
        events.publishEvent(new CaseNews(CaseNews.What.CASE_MOVED_IN, file.id(), file.caseNumber(), to.code(), null));
        audit.record("TRANSFER", file.id(), from + " -> " + to.code());
    }
}
