package vn.childprotection.workflow;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import vn.childprotection.process.CaseCallbacks;

/**
 * The follow-up visit after closing. The case model's "Hẹn thăm lại" event schedules it
 * ({@code ${followUps.schedule(execution)}}): a FollowUpVisit process of its own, keyed by the case number,
 * that outlives the closed case like a police referral. Its "Mở lại hồ sơ" step reopens the case
 * ({@code ${followUps.reopen(execution)}}): the case file opens again and a new case process starts at the
 * assessment of risks and needs, with the case's references and its further-report listener.
 */
@Component("followUps")
public class FollowUps {

    /** What the case process hands the visit, and the visit back to a reopened case. */
    private static final List<String> CARRIED = List.of(ProcessIds.VAR_CASE_ID, ProcessIds.VAR_COMMUNE_CODE,
            ProcessIds.VAR_PROVINCE_CODE, ProcessIds.VAR_RECEIVED_AT, ProcessIds.VAR_POLICE_CHANNEL,
            ProcessIds.VAR_OFFENCE_COMMUNE_CODE, ProcessIds.VAR_OFFENCE_PROVINCE_CODE);

    private final CaseCallbacks cases;

    public FollowUps(CaseCallbacks cases) {
        this.cases = cases;
    }

    public void schedule(DelegateExecution execution) {
        VariableMap variables = carried(execution)
                .putValue(ProcessIds.VAR_FOLLOW_UP_AT, execution.getVariable(ProcessIds.VAR_FOLLOW_UP_AT))
                .putValue(ProcessIds.VAR_FOLLOW_UP_BY, execution.getVariable(ProcessIds.VAR_FOLLOW_UP_BY));
        execution.getProcessEngineServices().getRuntimeService()
                .createMessageCorrelation(ProcessIds.MESSAGE_FOLLOW_UP)
                .processInstanceBusinessKey(execution.getProcessBusinessKey())
                .setVariables(variables)
                .correlateStartMessage();
    }

    /**
     * Who holds the visit when it opens: the worker the chair named if they still work for the commune; otherwise
     * nobody, and any of the commune's workers takes it.
     */
    public String assignee(DelegateExecution execution) {
        String named = (String) execution.getVariable(ProcessIds.VAR_FOLLOW_UP_BY);
        return named != null && cases.worksFor((String) execution.getVariable(ProcessIds.VAR_COMMUNE_CODE), named)
                ? named : null;
    }

    public void reopen(DelegateExecution execution) {
        cases.caseReopened(UUID.fromString((String) execution.getVariable(ProcessIds.VAR_CASE_ID)));
        execution.getProcessEngineServices().getRuntimeService()
                .createProcessInstanceByKey(ProcessIds.CASE_PROCESS)
                .businessKey(execution.getProcessBusinessKey())
                .startBeforeActivity(ProcessIds.TASK_RISK_NEEDS_ASSESSMENT)
                .setVariables(carried(execution))
                .execute();
    }

    private static VariableMap carried(DelegateExecution execution) {
        VariableMap variables = Variables.createVariables();
        for (String name : CARRIED) {
            variables.putValue(name, execution.getVariable(name));
        }
        Object priority = execution.getVariable(ProcessIds.VAR_PRIORITY);
        return variables.putValue(ProcessIds.VAR_PRIORITY,
                priority instanceof Number ? priority : ProcessIds.PRIORITY_REPORT);
    }
}
