package vn.childprotection.workflow;

import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import vn.childprotection.process.PoliceCallbacks;

/**
 * Starts a police referral: a process of its own, keyed by the case number, so that a case may hold
 * several and each outlives the case. Called from the case model's "Chuyển công an" message end
 * events ({@code ${policeReferrals.refer(execution, 'TRIAGE')}}) and by a worker through the port.
 */
@Component("policeReferrals")
public class PoliceReferralStarter {

    private final PoliceCallbacks police;

    public PoliceReferralStarter(PoliceCallbacks police) {
        this.police = police;
    }

    public void refer(DelegateExecution execution, String source) {
        PoliceCallbacks.Source from = PoliceCallbacks.Source.valueOf(source);
        boolean fromReceipt = from == PoliceCallbacks.Source.INTAKE
                && Boolean.TRUE.equals(execution.getVariable(ProcessIds.VAR_POLICE_CHANNEL));
        Object priority = execution.getVariable(ProcessIds.VAR_PRIORITY);
        if (priority == null) {
            priority = execution.getVariable(ProcessIds.VAR_ASSESSMENT_PRIORITY);
        }
        // the police of the place of the offence the triggering report names, wherever the case is held now
        String commune = (String) execution.getVariable(ProcessIds.VAR_OFFENCE_COMMUNE_CODE);
        String province = (String) execution.getVariable(ProcessIds.VAR_OFFENCE_PROVINCE_CODE);
        if (commune == null) {
            commune = (String) execution.getVariable(ProcessIds.VAR_COMMUNE_CODE);
            province = (String) execution.getVariable(ProcessIds.VAR_PROVINCE_CODE);
        }
        start(execution.getProcessEngineServices().getRuntimeService(), execution.getProcessBusinessKey(),
                UUID.fromString((String) execution.getVariable(ProcessIds.VAR_CASE_ID)), commune, province,
                (Date) execution.getVariable(ProcessIds.VAR_RECEIVED_AT), fromReceipt,
                priority instanceof Number n ? n.intValue() : ProcessIds.PRIORITY_REPORT, from);
    }

    /** @return the new referral's id */
    UUID start(RuntimeService runtime, String caseNumber, UUID caseId, String communeCode, String provinceCode,
               Date receivedAt, boolean fromReceipt, int priority, PoliceCallbacks.Source source) {
        UUID referralId = UUID.randomUUID();
        police.referred(referralId, caseId, communeCode, source);
        runtime.createMessageCorrelation(ProcessIds.MESSAGE_POLICE_REFERRAL)
                .processInstanceBusinessKey(caseNumber)
                .setVariables(Variables.createVariables()
                        .putValue(ProcessIds.VAR_CASE_ID, caseId.toString())
                        .putValue(ProcessIds.VAR_REFERRAL_ID, referralId.toString())
                        .putValue(ProcessIds.VAR_COMMUNE_CODE, communeCode)
                        .putValue(ProcessIds.VAR_PROVINCE_CODE, provinceCode)
                        .putValue(ProcessIds.VAR_RECEIVED_AT, receivedAt)
                        .putValue(ProcessIds.VAR_FORWARD_DEADLINE, fromReceipt
                                ? ProcessIds.DEADLINE_POLICE_FORWARD_FROM_RECEIPT : ProcessIds.DEADLINE_POLICE_FORWARD)
                        .putValue(ProcessIds.VAR_PRIORITY, priority)
                        .putValue(ProcessIds.VAR_EXTENSIONS, 0))
                .correlateStartMessage();
        return referralId;
    }
}
