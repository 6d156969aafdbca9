package vn.childprotection.steps;

import org.springframework.stereotype.Component;

import vn.childprotection.cases.CaseForms;
import vn.childprotection.cases.CasePoliceRecords;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.process.OpenTask;
import vn.childprotection.process.OpenTasks;
import vn.childprotection.process.StepOutcome;
import vn.childprotection.process.TaskType;

/**
 * The commune chair approves closing the case, or refuses with the reason, BPMN {@code Task_ClosureApproval}.
 * Not while a police referral is unacknowledged, nor while the child is separated or an emergency action runs.
 */
@Component
class ClosureApprovalStep extends StoredStep<Approval> {

    private final CasePoliceRecords police;
    private final OpenTasks openTasks;
    private final Messages messages;

    ClosureApprovalStep(CaseForms forms, CasePoliceRecords police, OpenTasks openTasks, Messages messages) {
        super(TaskType.CLOSURE_APPROVAL, Approval.class, forms);
        this.police = police;
        this.openTasks = openTasks;
        this.messages = messages;
    }

    @Override
    StepOutcome decide(OpenTask task, Approval f) {
        f.requireReasonWhenRefused(messages);
        if (f.approved() && police.unacknowledgedReferral(task.caseId())) {
            throw new InvalidInputException("approved", messages.text("validation.referralNotAcknowledged"));
        }
        if (f.approved() && openTasks.forCase(task.caseId()).stream()
                .anyMatch(t -> t.type() == TaskType.SEPARATION_REVIEW || t.type() == TaskType.EMERGENCY_ACTION)) {
            throw new InvalidInputException("approved", messages.text("validation.separationRunning"));
        }
        return new StepOutcome.ClosureDecided(f.approved());
    }
}
