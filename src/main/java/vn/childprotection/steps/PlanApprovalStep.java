package vn.childprotection.steps;

import org.springframework.stereotype.Component;

import vn.childprotection.cases.CaseForms;
import vn.childprotection.common.Messages;
import vn.childprotection.process.OpenTask;
import vn.childprotection.process.StepOutcome;
import vn.childprotection.process.TaskType;

/**
 * Mẫu 05: the commune chair approves the plan, or sends it back with the reason, BPMN {@code Task_PlanApproval}.
 */
@Component
class PlanApprovalStep extends StoredStep<Approval> {

    private final Messages messages;

    PlanApprovalStep(CaseForms forms, Messages messages) {
        super(TaskType.PLAN_APPROVAL, Approval.class, forms);
        this.messages = messages;
    }

    @Override
    StepOutcome decide(OpenTask task, Approval f) {
        f.requireReasonWhenRefused(messages);
        return new StepOutcome.PlanDecided(f.approved(), f.reason());
    }
}
