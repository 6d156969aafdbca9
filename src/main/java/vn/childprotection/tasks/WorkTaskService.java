package vn.childprotection.tasks;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import vn.childprotection.audit.AuditTrail;
import vn.childprotection.common.ConflictException;
import vn.childprotection.common.FieldMessage;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.common.NotFoundException;
import vn.childprotection.process.CaseWorkflow;
import vn.childprotection.process.OpenTask;
import vn.childprotection.process.StepOutcome;
import vn.childprotection.process.TaskForm;
import vn.childprotection.process.TaskType;
import vn.childprotection.process.WorkflowConflictException;
import vn.childprotection.security.StaffPrincipal;

/** Claim, unclaim and complete: the same service for the API and the pages. */
@Service
class WorkTaskService {

    private final TaskInbox inbox;
    private final CaseWorkflow workflow;
    private final Map<TaskType, TaskForm<?>> forms = new EnumMap<>(TaskType.class);
    private final ObjectMapper json;
    private final Validator validator;
    private final Messages messages;
    private final AuditTrail audit;

    public WorkTaskService(TaskInbox inbox, CaseWorkflow workflow, List<TaskForm<?>> forms, ObjectMapper json,
                           Validator validator, Messages messages, AuditTrail audit) {
        this.inbox = inbox;
        this.workflow = workflow;
        forms.forEach(f -> this.forms.put(f.type(), f));
        this.json = json;
        this.validator = validator;
        this.messages = messages;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<OpenTask> inbox(StaffPrincipal user, int page, int size) {
        return inbox.inbox(user.getUsername(), user.groups(), page, size);
    }

    /** A task the user may work on; 404 for anyone else. */
    @Transactional(readOnly = true)
    public OpenTask task(String taskId, StaffPrincipal user) {
        return visibleTask(taskId, user);
    }

    /** The case's open task of a type that the user may work on, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<OpenTask> openOfCase(java.util.UUID caseId, TaskType type, StaffPrincipal user) {
        return inbox.forCase(caseId).stream()
                .filter(t -> t.type() == type)
                .filter(t -> user.getUsername().equals(t.assignee()) || user.groups().contains(t.candidateGroup()))
                .findFirst();
    }

        /** The record a task type's form is read into (its fields, types and limits). */
    public Class<?> formOf(TaskType type) {
        TaskForm<?> form = forms.get(type);
        if (form == null) {
            throw new IllegalStateException("No form for task type " + type);
        }
        return form.formClass();
    }

    @Transactional
    public OpenTask claim(String taskId, StaffPrincipal user) {
        OpenTask task = visibleTask(taskId, user);
        if (user.getUsername().equals(task.assignee())) {
            return task;
        }
        // the conditional update locks the row: of two users claiming at once, exactly one wins
        if (!inbox.take(taskId, user.getUsername())) {
            throw heldBySomeoneElse();
        }
        try {
            workflow.claim(taskId, user.getUsername());
        } catch (WorkflowConflictException e) {
            throw heldBySomeoneElse();
        }
        audit.record("TASK_CLAIM", task.caseId(), task.type().name());
        return inbox.find(taskId).orElseThrow();
    }

    @Transactional
    public OpenTask unclaim(String taskId, StaffPrincipal user) {
        OpenTask task = visibleTask(taskId, user);
        if (task.assignee() == null) {
            return task;
        }
        if (!inbox.release(taskId, user.getUsername())) {
            throw heldBySomeoneElse();
        }
        try {
            workflow.unclaim(taskId);
        } catch (WorkflowConflictException e) {
            throw heldBySomeoneElse();
        }
        audit.record("TASK_UNCLAIM", task.caseId(), task.type().name());
        return inbox.find(taskId).orElseThrow();
    }

    @Transactional
    public void complete(String taskId, JsonNode body, StaffPrincipal user) {
        OpenTask task = visibleTask(taskId, user);
        if (!user.getUsername().equals(task.assignee())) {
            throw new ConflictException(messages.text(task.assignee() == null ? "task.claimFirst" : "task.heldByOther"));
        }
        TaskForm<?> form = forms.get(task.type());
        if (form == null) {
            throw new IllegalStateException("No form for task type " + task.type());
        }
        StepOutcome outcome = completeWith(form, task, body == null ? NullNode.getInstance() : body,
                user.getUsername());
        try {
            workflow.complete(taskId, outcome);
        } catch (WorkflowConflictException e) {
            throw new ConflictException(messages.text("task.changedMeanwhile"));
        }
        // last: the audit chain's lock is held only from here to the commit
        audit.record("TASK_COMPLETE", task.caseId(), task.type().name());
    }

    private <F> StepOutcome completeWith(TaskForm<F> form, OpenTask task, JsonNode body, String username) {
        F fields;
        try {
            fields = json.treeToValue(body.isNull() ? json.createObjectNode() : body, form.formClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableFormException(e);
        }
        Set<ConstraintViolation<F>> violations = validator.validate(fields);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations.stream()
                    .map(v -> new FieldMessage(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted((a, b) -> a.field().compareTo(b.field()))
                    .toList());
        }
        return form.complete(task, fields, username);
    }

    /** A task the user may work on: one of their groups' or their own; anything else does not exist for them. */
    private OpenTask visibleTask(String taskId, StaffPrincipal user) {
        return inbox.find(taskId)
                .filter(t -> user.getUsername().equals(t.assignee()) || user.groups().contains(t.candidateGroup()))
                .orElseThrow(() -> new NotFoundException("task " + taskId));
    }

    private ConflictException heldBySomeoneElse() {
        return new ConflictException(messages.text("task.heldByOther"));
    }

}
