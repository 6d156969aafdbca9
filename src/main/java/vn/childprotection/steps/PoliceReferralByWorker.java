package vn.childprotection.steps;

import org.springframework.stereotype.Component;

import vn.childprotection.process.CaseWorkflow;
import vn.childprotection.process.OpenTask;

/** A worker may refer the case to the police at any later step (the assessment of risks and needs, the plan review): a new referral each time. */
@Component
class PoliceReferralByWorker {

    private final CaseWorkflow workflow;

    PoliceReferralByWorker(CaseWorkflow workflow) {
        this.workflow = workflow;
    }

    void referIfAsked(OpenTask task, Boolean referToPolice) {
        if (Boolean.TRUE.equals(referToPolice)) {
            workflow.referToPolice(task.caseNumber(), task.caseId(), task.communeCode(), task.provinceCode());
        }
    }
}
