package vn.childprotection.process;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to a user task, published inside the engine's transaction so that read models
 * (the task inbox) change in the same transaction as the engine.
 */
public sealed interface WorkTaskEvent {

    String taskId();

    record Created(String taskId, UUID caseId, String caseNumber, String communeCode, String provinceCode,
                   TaskType type, String taskKey, String candidateGroup, String assignee, Instant createdAt,
                   Instant dueAt, int priority, String escalatedStep) implements WorkTaskEvent {
    }

    record Assigned(String taskId, String assignee) implements WorkTaskEvent {
    }

    record Updated(String taskId, Instant dueAt, int priority) implements WorkTaskEvent {
    }

    /** Completed by its assignee, or cancelled by the process (an interrupting event, the case closing). */
    record Ended(String taskId, boolean completed, String assignee) implements WorkTaskEvent {
    }
}
