package vn.childprotection.steps;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import vn.childprotection.cases.CaseFileService;
import vn.childprotection.cases.CaseForms;
import vn.childprotection.cases.CaseRecords;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.process.OpenTask;
import vn.childprotection.process.StepOutcome;
import vn.childprotection.process.TaskType;

/**
 * The visit after closing, on the day the chair set, BPMN {@code Task_FollowUpVisit} (process FollowUpVisit):
 * when, whom the worker met, how the child is doing, what was seen. A child found at risk opens the case again,
 * at a new assessment of risks and needs (Mẫu 03); the reason is kept. Where the child has another case open
 * meanwhile (a new report after the closing), that case is where the child is protected: this one is not reopened.
 */
@Component
class FollowUpVisitStep extends StoredStep<FollowUpVisitStep.FollowUpVisit> {

    enum Wellbeing { WELL, CONCERNS, AT_RISK }

    record FollowUpVisit(
            @NotNull(message = "{validation.required}") @PastOrPresent(message = "{validation.future}") LocalDate visitedOn,
            @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.tooLong}") String metWith,
            @NotNull(message = "{validation.required}") Wellbeing wellbeing,
            @NotBlank(message = "{validation.required}") @Size(max = 10000, message = "{validation.tooLong}") String observations,
            @NotNull(message = "{validation.required}") Boolean reopen,
            @Size(max = 4000, message = "{validation.tooLong}") String reopenReason) {
    }

    private final CaseRecords records;
    private final CaseFileService cases;
    private final Messages messages;

    FollowUpVisitStep(CaseForms forms, CaseRecords records, CaseFileService cases, Messages messages) {
        super(TaskType.FOLLOW_UP_VISIT, FollowUpVisit.class, forms);
        this.records = records;
        this.cases = cases;
        this.messages = messages;
    }

    @Override
    StepOutcome decide(OpenTask task, FollowUpVisit f) {
        LocalDate closedOn = records.closedOn(task.caseId());
        if (closedOn != null && f.visitedOn().isBefore(closedOn)) {
            throw new InvalidInputException("visitedOn", messages.text("validation.beforeClosing"));
        }
        var otherCase = cases.otherOpenCaseOfChild(task.caseId());
        if (f.reopen() && otherCase.isPresent()) {
            throw new InvalidInputException("reopen", messages.text("validation.childHasOpenCase", otherCase.get()));
        }
        if (f.wellbeing() == Wellbeing.AT_RISK && !f.reopen() && otherCase.isEmpty()) {
            // a child at risk is not left with a closed case
            throw new InvalidInputException("reopen", messages.text("validation.atRiskReopens"));
        }
        if (f.reopen() && (f.reopenReason() == null || f.reopenReason().isBlank())) {
            throw new InvalidInputException("reopenReason", messages.text("validation.reasonRequired"));
        }
        return new StepOutcome.FollowUpVisited(f.reopen());
    }
}
