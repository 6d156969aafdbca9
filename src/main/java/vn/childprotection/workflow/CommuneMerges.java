package vn.childprotection.workflow;

import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import vn.childprotection.directory.CandidateGroups;

/**
 * Communes merged while cases run: every running instance that names an old commune (the case's, the offence's, a
 * transfer's target) names the new one, and every open task offered to an old commune's group is offered to the new
 * commune's, held or not; whoever holds a task keeps it.
 */
@Component
class CommuneMerges {

    private static final String[] COMMUNE_VARIABLES = {ProcessIds.VAR_COMMUNE_CODE,
            ProcessIds.VAR_OFFENCE_COMMUNE_CODE, ProcessIds.VAR_TARGET_COMMUNE_CODE};

    private final RuntimeService runtimeService;
    private final TaskService taskService;

    CommuneMerges(RuntimeService runtimeService, TaskService taskService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    /** @return how many open tasks were offered to the new commune's groups */
    int merge(List<String> from, String into) {
        for (String old : from) {
            for (String variable : COMMUNE_VARIABLES) {
                for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                        .variableValueEquals(variable, old).list()) {
                    runtimeService.setVariable(instance.getId(), variable, into);
                }
            }
        }
        List<String> groups = from.stream().flatMap(c -> Stream.of(CandidateGroups.worker(c),
                CandidateGroups.chair(c), CandidateGroups.police(c))).toList();
        int moved = 0;
        for (Task task : taskService.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks().list()) {
            for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && groups.contains(link.getGroupId())) {
                    taskService.deleteCandidateGroup(task.getId(), link.getGroupId());
                    taskService.addCandidateGroup(task.getId(), CandidateGroups.merged(link.getGroupId(), from, into));
                }
            }
            moved++;
        }
        return moved;
    }
}
