package vn.childprotection.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.childprotection.process.WorkTaskEvent;

/**
 * Turns the engine's task events (Spring eventing bridge, inside the engine's transaction) into
 * {@link WorkTaskEvent}s that carry no engine types.
 */
@Component
class TaskEventBridge {

    private final ApplicationEventPublisher publisher;

    TaskEventBridge(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventListener
    void on(DelegateTask task) {
        // tasks of other processes (deployed from Cockpit, or a benchmark's raw copy) are not case work
        String definition = task.getProcessDefinitionId();
        String key = definition == null ? "" : definition.substring(0, Math.max(0, definition.indexOf(':')));
        if (!key.equals(ProcessIds.CASE_PROCESS) && !key.equals(ProcessIds.POLICE_PROCESS)
                && !key.equals(ProcessIds.ESCALATION_PROCESS) && !key.equals(ProcessIds.FOLLOW_UP_PROCESS)) {
            return;
        }
        WorkTaskEvent event = switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> created(task);
            case TaskListener.EVENTNAME_ASSIGNMENT -> new WorkTaskEvent.Assigned(task.getId(), task.getAssignee());
            case TaskListener.EVENTNAME_UPDATE ->
                    new WorkTaskEvent.Updated(task.getId(), instant(task.getDueDate()), task.getPriority());
            case TaskListener.EVENTNAME_COMPLETE -> new WorkTaskEvent.Ended(task.getId(), true, task.getAssignee());
            case TaskListener.EVENTNAME_DELETE -> new WorkTaskEvent.Ended(task.getId(), false, task.getAssignee());
            default -> null;
        };
        if (event != null) {
            publisher.publishEvent(event);
        }
    }

    private static WorkTaskEvent.Created created(DelegateTask task) {
        String candidateGroup = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("User task " + task.getTaskDefinitionKey()
                        + " has no candidate group"));
        return new WorkTaskEvent.Created(
                task.getId(),
                UUID.fromString((String) task.getVariable(ProcessIds.VAR_CASE_ID)),
                task.getExecution().getProcessBusinessKey(),
                (String) task.getVariable(ProcessIds.VAR_COMMUNE_CODE),
                (String) task.getVariable(ProcessIds.VAR_PROVINCE_CODE),
                ProcessIds.taskType(task.getTaskDefinitionKey()),
                task.getTaskDefinitionKey(),
                candidateGroup,
                task.getAssignee(),
                instant(task.getCreateTime()),
                instant(task.getDueDate()),
                task.getPriority(),
                // an escalation task says which step it is about
                (String) task.getVariable(ProcessIds.VAR_STEP));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
