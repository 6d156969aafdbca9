package vn.childprotection.tasks;

import java.time.Instant;
import java.util.UUID;

/** A row of the task inbox: an open user task of some case. */
public record OpenTask(String taskId, UUID caseId, String caseNumber, String communeCode, String provinceCode,
                       TaskType type, String taskKey, String candidateGroup, String assignee, Instant createdAt,
                       Instant dueAt, int priority) {
}
