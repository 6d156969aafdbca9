package vn.childprotection.steps;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.childprotection.cases.CaseForms;
import vn.childprotection.common.FieldMessage;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.process.OpenTask;
import vn.childprotection.process.StepOutcome;
import vn.childprotection.process.TaskType;

/**
 * The separation review (ND56 Art. 32), BPMN {@code Task_SeparationReview}: the chair ends the temporary
 * separation (the child goes home) or extends it by a decision, to a day after the current end.
 */
@Component
class SeparationReviewStep extends StoredStep<SeparationReviewStep.SeparationReview> {

    enum SeparationDecision { RETURNED_HOME, EXTENDED }

    record SeparationReview(
            @NotNull(message = "{validation.required}") SeparationDecision decision,
            @Size(max = 50, message = "{validation.tooLong}") String decisionNumber,
            LocalDate extendedUntil,
            @Size(max = 4000, message = "{validation.tooLong}") String reason) {
    }

    private final Clock clock;
    private final Messages messages;

    SeparationReviewStep(CaseForms forms, Clock clock, Messages messages) {
        super(TaskType.SEPARATION_REVIEW, SeparationReview.class, forms);
        this.clock = clock;
        this.messages = messages;
    }

    @Override
    StepOutcome decide(OpenTask task, SeparationReview f) {
        if (f.decision() == SeparationDecision.RETURNED_HOME) {
            return new StepOutcome.SeparationReviewed(true, null);
        }
        List<FieldMessage> errors = new ArrayList<>();
        if (f.decisionNumber() == null || f.decisionNumber().isBlank()) {
            errors.add(new FieldMessage("decisionNumber", messages.text("validation.required")));
        }
        LocalDate today = LocalDate.now(clock);
        if (f.extendedUntil() == null) {
            errors.add(new FieldMessage("extendedUntil", messages.text("validation.required")));
        } else if (!f.extendedUntil().isAfter(today)) {
            errors.add(new FieldMessage("extendedUntil", messages.text("validation.notAfterToday")));
        } else if (task.dueAt() != null && !f.extendedUntil().isAfter(LocalDate.ofInstant(task.dueAt(), clock.getZone()))) {
            // an extension lengthens the separation; ending it early is a return home
            errors.add(new FieldMessage("extendedUntil", messages.text("validation.notAfterSeparationEnd")));
        } else if (f.extendedUntil().isAfter(today.plusYears(1))) {
            errors.add(new FieldMessage("extendedUntil", messages.text("validation.tooFar")));
        }
        if (f.reason() == null || f.reason().isBlank()) {
            errors.add(new FieldMessage("reason", messages.text("validation.required")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // the separation now ends at the end of the day the chair set
        return new StepOutcome.SeparationReviewed(false,
                f.extendedUntil().plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }
}
