package vn.childprotection.workflow;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import vn.childprotection.process.CaseCallbacks;

/** Called from reminder timers' service tasks: {@code ${reminders.remind(execution, 'POLICE_OUTCOME')}}. */
@Component("reminders")
public class Reminders {

    private final CaseCallbacks cases;

    public Reminders(CaseCallbacks cases) {
        this.cases = cases;
    }

    public void remind(DelegateExecution execution, String stepType) {
        cases.reminder(UUID.fromString((String) execution.getVariable(ProcessIds.VAR_CASE_ID)), stepType);
    }
}
