package vn.childprotection.workflow;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.childprotection.process.CaseCallbacks;

@Component("closeCase")
class CloseCaseDelegate implements JavaDelegate {

    private final CaseCallbacks cases;
    private final FollowUps followUps;

    CloseCaseDelegate(CaseCallbacks cases, FollowUps followUps) {
        this.cases = cases;
        this.followUps = followUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.caseClosed(UUID.fromString((String) execution.getVariable(ProcessIds.VAR_CASE_ID)));
        // a case started on a model older than the follow-up visit has no event to schedule it: done here
        if (execution.getVariable(ProcessIds.VAR_FOLLOW_UP_AT) != null
                && execution.getBpmnModelInstance().getModelElementById(ProcessIds.EVENT_FOLLOW_UP_SCHEDULED) == null) {
            followUps.schedule(execution);
        }
    }
}
