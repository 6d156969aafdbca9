package vn.childprotection.cases;

import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.childprotection.tasks.OpenTask;
import vn.childprotection.tasks.TaskForm;
import vn.childprotection.tasks.TaskType;
import vn.childprotection.web.InvalidInputException;
import vn.childprotection.workflow.CaseWorkflow;

/** TRANSFER_ACCEPTANCE: the receiving province's supervisor accepts the case, or refuses it with the reason. */
@Component
class TransferAcceptanceForm implements TaskForm<TransferAcceptanceForm.Fields> {

    record Fields(
            @NotNull(message = "{validation.required}") Boolean accepted,
            @Size(max = 4000, message = "{validation.tooLong}") String reason) {
    }

    private final CaseFileService cases;
    private final CaseWorkflow workflow;
    private final Timeline timeline;
    private final MessageSource messages;

    TransferAcceptanceForm(CaseFileService cases, CaseWorkflow workflow, Timeline timeline, MessageSource messages) {
        this.cases = cases;
        this.workflow = workflow;
        this.timeline = timeline;
        this.messages = messages;
    }

    @Override
    public TaskType type() {
        return TaskType.TRANSFER_ACCEPTANCE;
    }

    @Override
    public Class<Fields> formClass() {
        return Fields.class;
    }

    @Override
    public Map<String, Object> complete(OpenTask task, Fields form, String username) {
        String target = workflow.transferTarget(task.taskId())
                .orElseThrow(() -> new IllegalStateException("Transfer task " + task.taskId() + " names no commune"));
        if (form.accepted()) {
            cases.transferAccepted(task.caseId(), target, username);
        } else {
            if (form.reason() == null || form.reason().isBlank()) {
                throw new InvalidInputException("reason",
                        messages.getMessage("validation.reasonRequired", null, LocaleContextHolder.getLocale()));
            }
            timeline.record(task.caseId(), "TRANSFER_REFUSED", target + ": " + form.reason().strip(), username);
        }
        return Map.of();
    }
}
