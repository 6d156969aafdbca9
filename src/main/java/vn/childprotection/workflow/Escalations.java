package vn.childprotection.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import vn.childprotection.directory.CandidateGroups;

/** What the escalation model asks: who is told first, and whether the missed step is still open. */
@Component("escalations")
public class Escalations {

    /** The commune chair directs the worker; police deadlines go to the province police supervisor. */
    public String firstLevelGroup(DelegateExecution execution) {
        return Boolean.TRUE.equals(execution.getVariable(ProcessIds.VAR_POLICE))
                ? CandidateGroups.policeSupervisor((String) execution.getVariable(ProcessIds.VAR_PROVINCE_CODE))
                : CandidateGroups.chair((String) execution.getVariable(ProcessIds.VAR_COMMUNE_CODE));
    }

    /** The step that called this escalation still has an open task (it was not done meanwhile). */
    public boolean stepStillOpen(DelegateExecution execution) {
        var engine = execution.getProcessEngineServices();
        ProcessInstance caller = engine.getRuntimeService().createProcessInstanceQuery()
                .subProcessInstanceId(execution.getProcessInstanceId()).singleResult();
        return caller != null && engine.getTaskService().createTaskQuery().processInstanceId(caller.getId())
                .taskDefinitionKey((String) execution.getVariable(ProcessIds.VAR_STEP_KEY)).count() > 0;
    }
}
