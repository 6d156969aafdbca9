package vn.childprotection.steps;

import java.time.Clock;

import org.springframework.stereotype.Component;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.childprotection.cases.CaseForms;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.process.OpenTask;
import vn.childprotection.process.StepOutcome;
import vn.childprotection.process.TaskType;

/**
 * Mẫu 07: the commune chair's decision on temporary separation and alternative care (ND56 Art. 32),
 * BPMN {@code Task_EmergencyDecision}. A separation names the placement; its start counts the separation's days.
 */
@Component
class EmergencyDecisionStep extends StoredStep<EmergencyDecisionStep.EmergencyDecision> {

    record EmergencyDecision(
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String measures,
            @NotNull(message = "{validation.required}") Boolean separation,
            @Size(max = 500, message = "{validation.tooLong}") String placement,
            @Size(max = 4000, message = "{validation.tooLong}") String reason) {
    }

    private final Clock clock;
    private final Messages messages;

    EmergencyDecisionStep(CaseForms forms, Clock clock, Messages messages) {
        super(TaskType.EMERGENCY_DECISION, EmergencyDecision.class, forms);
        this.clock = clock;
        this.messages = messages;
    }

    @Override
    StepOutcome decide(OpenTask task, EmergencyDecision f) {
        if (f.separation() && (f.placement() == null || f.placement().isBlank())) {
            throw new InvalidInputException("placement", messages.text("validation.placementRequired"));
        }
        return new StepOutcome.EmergencyDecided(f.separation(), f.separation() ? clock.instant() : null);
    }
}
