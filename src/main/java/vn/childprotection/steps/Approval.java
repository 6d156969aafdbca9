package vn.childprotection.steps;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;

/** The chair's yes or no, with the reason of a no: the form of the plan approval and of closing the case. */
record Approval(
        @NotNull(message = "{validation.required}") Boolean approved,
        @Size(max = 4000, message = "{validation.tooLong}") String reason) {

    void requireReasonWhenRefused(Messages messages) {
        if (!approved && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("reason", messages.text("validation.reasonRequired"));
        }
    }
}
