package vn.childprotection.steps;

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
 * Mẫu 06: the review of the plan, BPMN {@code Task_PlanReview}: the four criteria, each High / Medium / Low
 * (the seriousness of the remaining harm, whether the abuser can still reach the child, obstacles to safety in
 * the care setting, the child's ability to protect themself and recover, rated High when that ability is poor)
 * and the recommendation. A case with any High criterion is not closed; the worker may refer it to the police.
 */
@Component
class PlanReviewStep extends StoredStep<PlanReviewStep.PlanReview> {

    enum Recommendation { CONTINUE, NEW_PLAN, CLOSE }

    record PlanReview(
            @NotNull(message = "{validation.required}") RiskLevel remainingHarm,
            @NotNull(message = "{validation.required}") RiskLevel abuserAccess,
            @NotNull(message = "{validation.required}") RiskLevel careSettingObstacles,
            @NotNull(message = "{validation.required}") RiskLevel selfProtection,
            @NotNull(message = "{validation.required}") Recommendation recommendation,
            @NotBlank(message = "{validation.required}") @Size(max = 10000, message = "{validation.tooLong}") String summary,
            Boolean referToPolice) {

        boolean anyHigh() {
            return remainingHarm == RiskLevel.HIGH || abuserAccess == RiskLevel.HIGH
                    || careSettingObstacles == RiskLevel.HIGH || selfProtection == RiskLevel.HIGH;
        }
    }

    private final PoliceReferralByWorker police;
    private final Messages messages;

    PlanReviewStep(CaseForms forms, PoliceReferralByWorker police, Messages messages) {
        super(TaskType.PLAN_REVIEW, PlanReview.class, forms);
        this.police = police;
        this.messages = messages;
    }

    @Override
    StepOutcome decide(OpenTask task, PlanReview f) {
        if (f.recommendation() == Recommendation.CLOSE && f.anyHigh()) {
            throw new InvalidInputException("recommendation", messages.text("validation.closeWithHighRisk"));
        }
        police.referIfAsked(task, f.referToPolice());
        return new StepOutcome.PlanReviewed(f.recommendation().name());
    }
}
