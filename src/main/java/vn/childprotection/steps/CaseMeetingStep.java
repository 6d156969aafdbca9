package vn.childprotection.steps;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import vn.childprotection.cases.CaseForms;
import vn.childprotection.cases.CaseRecords;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.process.OpenTask;
import vn.childprotection.process.StepOutcome;
import vn.childprotection.process.TaskType;

/** The case meeting before the plan (ND56 Art. 33), BPMN {@code Task_CaseMeeting}: when, who, what was said. */
@Component
class CaseMeetingStep extends StoredStep<CaseMeetingStep.CaseMeeting> {

    record CaseMeeting(
            @NotNull(message = "{validation.required}") @PastOrPresent(message = "{validation.future}") LocalDate heldOn,
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String participants,
            @NotBlank(message = "{validation.required}") @Size(max = 10000, message = "{validation.tooLong}") String minutes) {
    }

    private final CaseRecords records;
    private final Messages messages;

    CaseMeetingStep(CaseForms forms, CaseRecords records, Messages messages) {
        super(TaskType.CASE_MEETING, CaseMeeting.class, forms);
        this.records = records;
        this.messages = messages;
    }

    /** A meeting about the case is held after the report came in, not before. */
    @Override
    StepOutcome decide(OpenTask task, CaseMeeting f) {
        if (f.heldOn().isBefore(records.receivedOn(task.caseId()))) {
            throw new InvalidInputException("heldOn", messages.text("validation.beforeCase"));
        }
        return StepOutcome.RECORDED;
    }
}
