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
 * Mẫu 03: the assessment of risks and needs, BPMN {@code Task_RiskNeedsAssessment}; the worker may refer
 * the case to the police from here.
 */
@Component
class RiskNeedsAssessmentStep extends StoredStep<RiskNeedsAssessmentStep.RiskNeedsAssessment> {

    record RiskNeedsAssessment(
            @NotNull(message = "{validation.required}") RiskLevel riskLevel,
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String needs,
            @Size(max = 10000, message = "{validation.tooLong}") String summary,
            Boolean referToPolice) {
    }

    private final PoliceReferralByWorker police;

    RiskNeedsAssessmentStep(CaseForms forms, PoliceReferralByWorker police) {
        super(TaskType.RISK_NEEDS_ASSESSMENT, RiskNeedsAssessment.class, forms);
        this.police = police;
    }

    @Override
    StepOutcome decide(OpenTask task, RiskNeedsAssessment f) {
        police.referIfAsked(task, f.referToPolice());
        return StepOutcome.RECORDED;
    }
}
