package vn.childprotection.police;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.childprotection.audit.AuditTrail;
import vn.childprotection.cases.CaseFileService;
import vn.childprotection.cases.CaseStatus;
import vn.childprotection.cases.Timeline;
import vn.childprotection.common.ConflictException;
import vn.childprotection.common.Messages;
import vn.childprotection.common.NotFoundException;
import vn.childprotection.directory.Role;
import vn.childprotection.directory.RoleGrant;
import vn.childprotection.process.CaseWorkflow;
import vn.childprotection.security.StaffPrincipal;

/** Referrals started by a worker, and outcomes reported straight to the case. */
@Service
class PoliceOutcomes {

    private final CaseFileService cases;
    private final PoliceRecords records;
    private final PoliceForms forms;
    private final Timeline timeline;
    private final CaseWorkflow workflow;
    private final Messages messages;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    public PoliceOutcomes(CaseFileService cases, PoliceRecords records, PoliceForms forms, Timeline timeline,
                          CaseWorkflow workflow, Messages messages, AuditTrail audit, JdbcClient jdbc) {
        this.cases = cases;
        this.records = records;
        this.forms = forms;
        this.timeline = timeline;
        this.workflow = workflow;
        this.messages = messages;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /**
     * Stores the outcome on a referral of the case: the one named, or else the oldest still under
     * investigation, or else the latest (a later outcome: reopened, prosecuted, a court decision).
     * A referral still waiting takes it as its outcome step would. 409 (nothing stored) if the case
     * has no referral the user may report on.
     */
    @Transactional
    public void arrived(UUID caseId, UUID referralId, PoliceForms.OutcomeForm form, StaffPrincipal user) {
        cases.caseNumberFor(caseId, user);
        List<PoliceRecords.Referral> referrals = records.referrals(caseId).stream()
                .filter(r -> mayReport(user, r)).toList();
        PoliceRecords.Referral referral;
        if (referralId != null) {
            referral = referrals.stream().filter(r -> r.id().equals(referralId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("referral " + referralId));
        } else {
            referral = referrals.stream().filter(this::underInvestigation).findFirst()
                    .or(() -> referrals.stream().max(Comparator.comparing(PoliceRecords.Referral::referredAt)))
                    .orElseThrow(() -> new ConflictException(messages.text("police.noOpenReferral")));
        }
        boolean open = underInvestigation(referral);
        forms.checkExtension(form, referral, open);
        String detail = form.detail() == null || form.detail().isBlank() ? null : form.detail().strip();
        String reference = form.decisionReference() == null || form.decisionReference().isBlank()
                ? null : form.decisionReference().strip();
        records.outcome(caseId, referral.id(), null, form.outcome(), detail, reference, user.getUsername());
        timeline.record(caseId, "POLICE_OUTCOME", form.outcome().name(), user.getUsername());
        if (open) {
            workflow.policeOutcomeArrived(referral.id(), form.outcome().name(), user.getUsername());
        }
        audit.record("POLICE_OUTCOME", caseId, form.outcome().name());
    }

    /** A worker, chair or supervisor refers the case to the police of its commune, at any step. */
    @Transactional
    public UUID refer(UUID caseId, StaffPrincipal user) {
        CaseFileService.Place place = cases.placeOf(caseId, user);
        if (place.status() != CaseStatus.OPEN) {
            throw new ConflictException(messages.text("case.closed"));
        }
        UUID referralId = workflow.referToPolice(place.caseNumber(), caseId, place.communeCode(), place.provinceCode());
        audit.record("POLICE_REFERRAL", caseId, referralId.toString());
        return referralId;
    }

    /** No final outcome yet: still with the police or the investigation agency (an extension is not final). */
    private boolean underInvestigation(PoliceRecords.Referral referral) {
        return jdbc.sql("""
                        select count(*) from police_record
                        where referral_id = ? and kind = 'OUTCOME' and outcome <> 'EXTENDED'""")
                .param(referral.id()).query(Long.class).single() == 0;
    }

    /** Police liaisons report on referrals to their own commune's police; supervisors on any of their province. */
    private static boolean mayReport(StaffPrincipal user, PoliceRecords.Referral referral) {
        Set<String> policeCommunes = user.user().grants().stream().filter(g -> g.role() == Role.POLICE)
                .map(RoleGrant::communeCode).collect(java.util.stream.Collectors.toSet());
        return policeCommunes.isEmpty() || policeCommunes.contains(referral.policeCommuneCode());
    }

}
