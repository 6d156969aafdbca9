package vn.childprotection.workflow;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import vn.childprotection.process.CaseCallbacks;

/** The temporary separation's end: {@code ${separations.ended(execution)}}. */
@Component("separations")
public class Separations {

    private final CaseCallbacks cases;

    public Separations(CaseCallbacks cases) {
        this.cases = cases;
    }

    public void ended(DelegateExecution execution) {
        cases.separationEnded(UUID.fromString((String) execution.getVariable(ProcessIds.VAR_CASE_ID)));
    }
}
