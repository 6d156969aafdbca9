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
 * what is not already running: a worker's action unless one is open, the chair's decision unless a
 * decision or separation is open, a referral unless one is open. Emergency deadlines count from the
 * receipt of the report this assessment is about.
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
        boolean chairDecision = Boolean.TRUE.equals(result.getEntry("chairDecisionNeeded"));
        var engine = execution.getProcessEngineServices();
        // each part of an emergency is started unless that part is already running: a worker's action
        // while none is open, the chair's decision while no decision or separation is open
        boolean actionOpen = open(execution, ProcessIds.TASK_EMERGENCY_ACTION);
        boolean decisionOpen = open(execution, ProcessIds.TASK_EMERGENCY_DECISION, ProcessIds.TASK_SEPARATION_REVIEW);
        boolean startAction = emergency && !actionOpen;
        boolean startChairDecision = emergency && chairDecision && !decisionOpen;
        boolean referralOpen = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ProcessIds.POLICE_PROCESS)
                .processInstanceBusinessKey(execution.getProcessBusinessKey())
                .count() > 0;
        int priority = ((Number) result.getEntry("priority")).intValue();
        // a later, milder report does not lower the priority the case's work already has
        Object before = execution.getVariable(ProcessIds.VAR_PRIORITY);
        if (before instanceof Number n && n.intValue() > priority) {
            priority = n.intValue();
        }
        execution.setVariable(ProcessIds.VAR_EMERGENCY, emergency);
        execution.setVariable(ProcessIds.VAR_POLICE_REFERRAL, police);
        execution.setVariable(ProcessIds.VAR_CHAIR_DECISION_NEEDED, chairDecision);
        execution.setVariable(ProcessIds.VAR_PRIORITY, priority);
        execution.setVariable(ProcessIds.VAR_START_EMERGENCY, startAction || startChairDecision);
        execution.setVariable(ProcessIds.VAR_START_REFERRAL, police && !referralOpen);
        // read by the emergency's start in this same transaction, copied into its own scope there
        execution.setVariable(ProcessIds.VAR_EMERGENCY_RECEIVED_AT, (Date) execution.getVariable(ProcessIds.VAR_RECEIVED_AT));
        execution.setVariable(ProcessIds.VAR_EMERGENCY_START_ACTION, startAction);
        execution.setVariable(ProcessIds.VAR_EMERGENCY_START_CHAIR_DECISION, startChairDecision);
    }

    private static boolean open(DelegateExecution execution, String... taskKeys) {
        return execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKeyIn(taskKeys)
                .count() > 0;
    }
}
