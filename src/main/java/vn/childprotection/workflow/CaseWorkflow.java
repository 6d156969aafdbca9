package vn.childprotection.workflow;

import java.time.Instant;
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

    /**
     * Another report about the child of an open case: a fresh initial assessment, due by the deadline
     * counted from this report's receipt.
     *
     * @return false when the case's process cannot take it (no running case process)
     */
    boolean furtherReport(String caseNumber, Instant receivedAt);

    /** The child moved: the case's processes and open tasks now belong to another commune. */
    void transfer(String caseNumber, String communeCode, String provinceCode);
}
