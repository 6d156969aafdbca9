package vn.childprotection.steps;

import org.springframework.stereotype.Component;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.childprotection.cases.CaseForms;
import vn.childprotection.process.OpenTask;
import vn.childprotection.process.StepOutcome;
import vn.childprotection.process.TaskType;

/**
 * The worker's emergency action (ND56 Art. 31), BPMN {@code Task_EmergencyAction}: what was done with the
 * police and a health facility, and whether the child is safe. Not safe yet: the action stays open for a
 * further attempt and the chair and supervisor are alerted.
 */
@Component
class EmergencyActionStep extends StoredStep<EmergencyActionStep.EmergencyAction> {

    record EmergencyAction(
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String actionsTaken,
            @NotNull(message = "{validation.required}") Boolean policeTookPart,
            @NotNull(message = "{validation.required}") Boolean healthFacilityTookPart,
            @Size(max = 4000, message = "{validation.tooLong}") String evidenceKept,
            @NotNull(message = "{validation.required}") Boolean childSafe) {
    }

    EmergencyActionStep(CaseForms forms) {
        super(TaskType.EMERGENCY_ACTION, EmergencyAction.class, forms);
    }

    @Override
    StepOutcome decide(OpenTask task, EmergencyAction f) {
        return new StepOutcome.EmergencyActed(f.childSafe());
    }
}
