package vn.childprotection.steps;

import org.springframework.stereotype.Component;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.childprotection.cases.CaseTransfers;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.process.CaseWorkflow;
import vn.childprotection.process.OpenTask;
import vn.childprotection.process.StepOutcome;
import vn.childprotection.process.TaskForm;
import vn.childprotection.process.TaskType;

/**
 * The child moved to another province, BPMN {@code Task_AcceptTransfer}: the receiving province's supervisor
 * accepts the case (it moves there with its open work), or refuses it with the reason (it stays).
 */
@Component
class TransferAcceptanceStep extends TaskForm<TransferAcceptanceStep.Fields> {

    record Fields(
            @NotNull(message = "{validation.required}") Boolean accepted,
            @Size(max = 4000, message = "{validation.tooLong}") String reason) {
    }

    private final CaseTransfers transfers;
    private final CaseWorkflow workflow;
    private final Messages messages;

    TransferAcceptanceStep(CaseTransfers transfers, CaseWorkflow workflow, Messages messages) {
        super(TaskType.TRANSFER_ACCEPTANCE, Fields.class);
        this.transfers = transfers;
        this.workflow = workflow;
        this.messages = messages;
    }

    @Override
    public StepOutcome complete(OpenTask task, Fields form, String username) {
        String target = workflow.transferTarget(task.taskId())
                .orElseThrow(() -> new IllegalStateException("Transfer task " + task.taskId() + " names no commune"));
        if (form.accepted()) {
            transfers.transferAccepted(task.caseId(), target, username);
        } else {
            if (form.reason() == null || form.reason().isBlank()) {
                throw new InvalidInputException("reason", messages.text("validation.reasonRequired"));
            }
            transfers.transferRefused(task.caseId(), target, form.reason(), username);
        }
        return StepOutcome.RECORDED;
    }
}
