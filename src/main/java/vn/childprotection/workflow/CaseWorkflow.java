package vn.childprotection.workflow;

import java.util.Map;

/** The one port through which features drive the engine. Calls join the caller's transaction. */
public interface CaseWorkflow {

    /** Starts the case process, the case number as business key. */
    void startCase(CaseStart start);

    /** @throws WorkflowConflictException if someone else holds the task */
    void claim(String taskId, String username);

    void unclaim(String taskId);

    /** Completes the task with routing facts for the model's gateways. */
    void complete(String taskId, Map<String, Object> variables);

    /**
     * The investigation outcome reached the case outside the police task: ends the case's police referral.
     *
     * @return false when no police referral of the case is waiting for an outcome
     */
    boolean policeOutcomeArrived(String caseNumber);
}
