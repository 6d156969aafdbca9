package vn.childprotection.workflow;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Evaluates danger-triage.dmn on the assessment's routing facts and sets emergency, police referral, priority. */
@Component("dangerTriage")
class DangerTriageDelegate implements JavaDelegate {

    private final DecisionService decisions;

    DangerTriageDelegate(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(ProcessIds.TRIAGE_DECISION)
                .variables(execution.getVariables())
                .evaluate()
                .getSingleResult();
        execution.setVariable(ProcessIds.VAR_EMERGENCY, Boolean.TRUE.equals(result.getEntry("emergency")));
        execution.setVariable(ProcessIds.VAR_POLICE_REFERRAL, Boolean.TRUE.equals(result.getEntry("policeReferral")));
        execution.setVariable(ProcessIds.VAR_PRIORITY, ((Number) result.getEntry("priority")).intValue());
    }
}
