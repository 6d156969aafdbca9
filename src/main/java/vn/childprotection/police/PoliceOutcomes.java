package vn.childprotection.police;

import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.childprotection.audit.AuditTrail;
import vn.childprotection.cases.CaseFileService;
import vn.childprotection.cases.Timeline;
import vn.childprotection.security.StaffPrincipal;
import vn.childprotection.web.ConflictException;
import vn.childprotection.workflow.CaseWorkflow;

@Service
public class PoliceOutcomes {

    private final CaseFileService cases;
    private final PoliceRecords records;
    private final Timeline timeline;
    private final CaseWorkflow workflow;
    private final MessageSource messages;
    private final AuditTrail audit;

    public PoliceOutcomes(CaseFileService cases, PoliceRecords records, Timeline timeline, CaseWorkflow workflow,
                          MessageSource messages, AuditTrail audit) {
        this.cases = cases;
        this.records = records;
        this.timeline = timeline;
        this.workflow = workflow;
        this.messages = messages;
        this.audit = audit;
    }

    /** Stores the outcome and ends the case's police referral; 409 (nothing stored) if none is open. */
    @Transactional
    public void arrived(UUID caseId, PoliceForms.OutcomeForm form, StaffPrincipal user) {
        String caseNumber = cases.caseNumberFor(caseId, user);
        records.outcome(caseId, null, form.outcome(), form.detail(), user.getUsername());
        audit.record("POLICE_OUTCOME", caseId, form.outcome().name());
        timeline.record(caseId, "POLICE_OUTCOME", form.outcome().name(), user.getUsername());
        if (!workflow.policeOutcomeArrived(caseNumber)) {
            throw new ConflictException(messages.getMessage("police.noOpenReferral", null, "police.noOpenReferral",
                    LocaleContextHolder.getLocale()));
        }
    }
}
