package vn.childprotection.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The start of an emergency protection ({@code ${emergencies.started(execution)}}): it keeps in its own
 * scope what the triage that called for it decided, so that a later triage cannot change it: the
 * receipt its 12 hours count from, whether a new worker action is needed and whether the chair decides.
 */
@Component("emergencies")
public class Emergencies {

    public void started(DelegateExecution execution) {
        execution.setVariableLocal(ProcessIds.VAR_RECEIVED_AT, execution.getVariable(ProcessIds.VAR_EMERGENCY_RECEIVED_AT));
        execution.setVariableLocal(ProcessIds.VAR_START_ACTION, execution.getVariable(ProcessIds.VAR_EMERGENCY_START_ACTION));
        execution.setVariableLocal(ProcessIds.VAR_START_CHAIR_DECISION,
                execution.getVariable(ProcessIds.VAR_EMERGENCY_START_CHAIR_DECISION));
    }
}
