package vn.childprotection.process;

import java.util.Optional;
import java.util.UUID;

/** The one port through which features drive the engine. Calls join the caller's transaction. */
public interface CaseWorkflow {

    /** Starts the case process, the case number as business key. */
    void startCase(CaseStart start);

    /** @throws WorkflowConflictException if someone else holds the task */
    void claim(String taskId, String username);

    void unclaim(String taskId);

    /**
     * The person's roles changed or their account was disabled: every task they hold that none of {@code groups}
     * may work (all of them, for none) goes back to its group. Returns how many.
     */
    int releaseTasks(String username, java.util.Set<String> groups);

    /** Completes the task with what its step decided; the workflow turns it into the model's routing facts. */
    void complete(String taskId, StepOutcome outcome);

    /**
     * The investigation outcome reached a referral outside the police task (from a police system or the
     * liaison): the referral's open step takes it, as the outcome task would.
     *
     * @return false when the referral's process has ended: the outcome is a later one (reopened,
     *         prosecuted, a court decision), only recorded
     */
    boolean policeOutcomeArrived(UUID referralId, String outcome, String username);

    /**
     * Another report about the child of an open case: triaged like the first, a fresh initial
     * assessment counted from this report's receipt.
     *
     * @return false when the case's process cannot take it (no running case process)
     */
    boolean furtherReport(String caseNumber, ReportRouting report);

    /** The police referral a police task belongs to. */
    Optional<UUID> referralOf(String taskId);

    /** A worker refers the case to the police of its commune at a later step; a new referral every time. */
    UUID referToPolice(String caseNumber, UUID caseId, String communeCode, String provinceCode);

    /** The case was another case of the same child: its process ends, with everything open in it. */
    void discard(String caseNumber, String reason);

    /** The child moved to another province: its supervisor is asked to accept the case; it stays meanwhile. */
    void requestTransfer(String caseNumber, String communeCode, String provinceCode);

    /** The commune a transfer acceptance task is about. */
    Optional<String> transferTarget(String taskId);

    /**
     * Communes merged into one of the same province: every running process of theirs (case and police work) now
     * names {@code into}, and every open task of their groups is offered to the same role there, its holder kept.
     * Returns how many tasks moved.
     */
    int mergeCommunes(java.util.List<String> from, String into);

    /** The child moved: the case's processes and open tasks now belong to another commune; police work stays. */
    void transfer(String caseNumber, String communeCode, String provinceCode);
}
