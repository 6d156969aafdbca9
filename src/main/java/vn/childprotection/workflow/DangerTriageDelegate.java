package vn.childprotection.workflow;

import java.util.Date;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Evaluates danger-triage.dmn on an assessment's routing facts, for the first report and every further
 * one: emergency protection, the chair's separation decision, police referral, priority. It starts only
 * what is not already running: no second emergency while one is being acted on, no second referral while
 * one is open. Emergency deadlines count from the receipt of the report this assessment is about.
 */
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
        boolean emergency = Boolean.TRUE.equals(result.getEntry("emergency"));
        boolean police = Boolean.TRUE.equals(result.getEntry("policeReferral"));
        var engine = execution.getProcessEngineServices();
        boolean emergencyRunning = engine.getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKeyIn(ProcessIds.TASK_EMERGENCY_ACTION, ProcessIds.TASK_EMERGENCY_DECISION)
                .count() > 0;
        boolean referralOpen = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ProcessIds.POLICE_PROCESS)
                .processInstanceBusinessKey(execution.getProcessBusinessKey())
                .count() > 0;
        execution.setVariable(ProcessIds.VAR_EMERGENCY, emergency);
        execution.setVariable(ProcessIds.VAR_POLICE_REFERRAL, police);
        execution.setVariable(ProcessIds.VAR_CHAIR_DECISION_NEEDED, Boolean.TRUE.equals(result.getEntry("chairDecisionNeeded")));
        execution.setVariable(ProcessIds.VAR_PRIORITY, ((Number) result.getEntry("priority")).intValue());
        execution.setVariable(ProcessIds.VAR_START_EMERGENCY, emergency && !emergencyRunning);
        execution.setVariable(ProcessIds.VAR_START_REFERRAL, police && !referralOpen);
        // the emergency event subprocess copies this into its own receivedAt: 12 hours from this report's receipt
        execution.setVariable(ProcessIds.VAR_EMERGENCY_RECEIVED_AT, (Date) execution.getVariable(ProcessIds.VAR_RECEIVED_AT));
    }
}
