package vn.childprotection.process;

import java.time.Instant;
import java.util.UUID;

/** A row of the task inbox: an open user task of some case; an escalation names the step it is about. */
public record OpenTask(String taskId, UUID caseId, String caseNumber, String communeCode, String provinceCode,
                       TaskType type, String taskKey, String candidateGroup, String assignee, Instant createdAt,
                       Instant dueAt, int priority, String escalatedStep) {

    /** The message key of the task's title: its type, or for an escalation the step it is about. */
    public String titleKey() {
        return escalatedStep == null ? "task.type." + type.name() : "task.escalation." + escalatedStep;
    }
}
