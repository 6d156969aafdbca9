package vn.childprotection.steps;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.childprotection.cases.CaseForms;
import vn.childprotection.common.CaseNews;
import vn.childprotection.common.Messages;
import vn.childprotection.process.OpenTask;
import vn.childprotection.process.StepOutcome;
import vn.childprotection.process.TaskType;

/**
 * Mẫu 05: the commune chair approves the plan, or sends it back with the reason, BPMN {@code Task_PlanApproval}.
 */
@Component
class PlanApprovalStep extends StoredStep<Approval> {

    private final Messages messages;
    private final CaseForms forms;
    private final ApplicationEventPublisher events;

    PlanApprovalStep(CaseForms forms, Messages messages, ApplicationEventPublisher events) {
        super(TaskType.PLAN_APPROVAL, Approval.class, forms);
        this.messages = messages;
        this.forms = forms;
        this.events = events;
    }

    @Override
    StepOutcome decide(OpenTask task, Approval f) {
        f.requireReasonWhenRefused(messages);
        if (!f.approved()) {
            // the worker who drafted the plan hears it came back (the commune's workers if nobody is on record)
            String drafter = forms.of(task.caseId()).stream().filter(s -> s.type().equals(TaskType.PLAN_DRAFT.name()))
                    .reduce((first, second) -> second).map(CaseForms.SubmittedForm::submittedBy).orElse(null);
            events.publishEvent(new CaseNews(CaseNews.What.PLAN_SENT_BACK, task.caseId(), task.caseNumber(),
                    task.communeCode(), drafter));
        }
        return new StepOutcome.PlanDecided(f.approved(), f.reason());
    }
}
