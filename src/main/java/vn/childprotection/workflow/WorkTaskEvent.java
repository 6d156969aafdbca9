package vn.childprotection.workflow;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to a user task, published inside the engine's transaction so that read models
 * (the task inbox) change in the same transaction as the engine.
 */
public sealed interface WorkTaskEvent {

    String taskId();

    record Created(String taskId, UUID caseId, String caseNumber, String communeCode, String provinceCode,
                   String type, String taskKey, String candidateGroup, String assignee, Instant createdAt,
                   Instant dueAt, int priority) implements WorkTaskEvent {
    }

    record Assigned(String taskId, String assignee) implements WorkTaskEvent {
    }

    record Updated(String taskId, Instant dueAt, int priority) implements WorkTaskEvent {
    }

    record Ended(String taskId) implements WorkTaskEvent {
    }
}
