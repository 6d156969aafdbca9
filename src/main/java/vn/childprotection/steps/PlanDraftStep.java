package vn.childprotection.steps;

import org.springframework.stereotype.Component;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import vn.childprotection.cases.CaseForms;
import vn.childprotection.process.OpenTask;
import vn.childprotection.process.StepOutcome;
import vn.childprotection.process.TaskType;

/** Mẫu 04: the support and intervention plan, BPMN {@code Task_PlanDraft}, due in five working days. */
@Component
class PlanDraftStep extends StoredStep<PlanDraftStep.PlanDraft> {

    record PlanDraft(
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String goals,
            @NotBlank(message = "{validation.required}") @Size(max = 10000, message = "{validation.tooLong}") String activities,
            @Size(max = 2000, message = "{validation.tooLong}") String responsible) {
    }

    PlanDraftStep(CaseForms forms) {
        super(TaskType.PLAN_DRAFT, PlanDraft.class, forms);
    }

    @Override
    StepOutcome decide(OpenTask task, PlanDraft f) {
        return StepOutcome.RECORDED;
    }
}
