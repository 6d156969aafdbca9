package vn.childprotection.workflow;

import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import vn.childprotection.process.PoliceCallbacks;

/**
 * A complex case (CPC Art. 147): the first extension sets the investigation deadline to 2 months from the
 * forwarding, the second adds 2 months to it; there is no third (the police form refuses it).
 */
@Component("investigations")
public class Investigations {

    static final String FIRST_EXTENSION = "police-outcome-complex";
    static final String SECOND_EXTENSION = "police-outcome-extension";

    private final Deadlines deadlines;
    private final PoliceCallbacks police;

    public Investigations(Deadlines deadlines, PoliceCallbacks police) {
        this.deadlines = deadlines;
        this.police = police;
    }

    public void extend(DelegateExecution execution) {
        Object count = execution.getVariable(ProcessIds.VAR_EXTENSIONS);
        int extensions = count instanceof Number n ? n.intValue() : 0;
        Date due = deadlines.due(extensions == 0 ? FIRST_EXTENSION : SECOND_EXTENSION, execution);
        execution.setVariable(ProcessIds.VAR_INVESTIGATION_DUE_AT, due);
        execution.setVariable(ProcessIds.VAR_EXTENSIONS, extensions + 1);
        police.investigationExtended(UUID.fromString((String) execution.getVariable(ProcessIds.VAR_REFERRAL_ID)),
                due.toInstant());
    }
}
