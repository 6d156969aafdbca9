package vn.childprotection.workflow;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.childprotection.process.CaseCallbacks;

@Component("closeCase")
class CloseCaseDelegate implements JavaDelegate {

    private final CaseCallbacks cases;

    CloseCaseDelegate(CaseCallbacks cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.caseClosed(UUID.fromString((String) execution.getVariable(ProcessIds.VAR_CASE_ID)));
    }
}
