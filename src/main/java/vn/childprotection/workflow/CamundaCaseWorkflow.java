package vn.childprotection.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import vn.childprotection.directory.CandidateGroups;

@Service
class CamundaCaseWorkflow implements CaseWorkflow {

    private final RuntimeService runtimeService;
    private final TaskService taskService;

    CamundaCaseWorkflow(RuntimeService runtimeService, TaskService taskService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    @Override
    public void startCase(CaseStart start) {
        runtimeService.createProcessInstanceByKey(ProcessIds.CASE_PROCESS)
                .businessKey(start.caseNumber())
                .setVariables(Variables.createVariables()
                        .putValue(ProcessIds.VAR_CASE_ID, start.caseId().toString())
                        .putValue(ProcessIds.VAR_COMMUNE_CODE, start.communeCode())
                        .putValue(ProcessIds.VAR_PROVINCE_CODE, start.provinceCode())
                        .putValue(ProcessIds.VAR_RECEIVED_AT, Date.from(start.receivedAt())))
                .execute();
    }

    @Override
    public void claim(String taskId, String username) {
        try {
            taskService.claim(taskId, username);
        } catch (TaskAlreadyClaimedException | OptimisticLockingException e) {
            throw new WorkflowConflictException("Task " + taskId + " was claimed by someone else", e);
        }
    }

    @Override
    public void unclaim(String taskId) {
        try {
            taskService.setAssignee(taskId, null);
        } catch (OptimisticLockingException e) {
            throw new WorkflowConflictException("Task " + taskId + " changed meanwhile", e);
        }
    }

    @Override
    public boolean policeOutcomeArrived(String caseNumber) {
        return !runtimeService.createMessageCorrelation(ProcessIds.MESSAGE_POLICE_OUTCOME)
                .processInstanceBusinessKey(caseNumber)
                .correlateAllWithResult()
                .isEmpty();
    }

    @Override
    public boolean furtherReport(String caseNumber, Instant receivedAt) {
        return !runtimeService.createMessageCorrelation(ProcessIds.MESSAGE_FURTHER_REPORT)
                .processInstanceBusinessKey(caseNumber)
                .setVariablesLocal(Variables.createVariables().putValue(ProcessIds.VAR_RECEIVED_AT, Date.from(receivedAt)))
                .correlateAllWithResult()
                .isEmpty();
    }

    @Override
    public void transfer(String caseNumber, String communeCode, String provinceCode) {
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber).list()) {
            runtimeService.setVariable(instance.getId(), ProcessIds.VAR_COMMUNE_CODE, communeCode);
            runtimeService.setVariable(instance.getId(), ProcessIds.VAR_PROVINCE_CODE, provinceCode);
            for (Task task : taskService.createTaskQuery().processInstanceId(instance.getId()).list()) {
                for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                    if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                        taskService.deleteCandidateGroup(task.getId(), link.getGroupId());
                        taskService.addCandidateGroup(task.getId(),
                                CandidateGroups.moved(link.getGroupId(), communeCode, provinceCode));
                    }
                }
                if (task.getAssignee() != null) {
                    // whoever held it has no jurisdiction over the new commune
                    taskService.setAssignee(task.getId(), null);
                }
            }
        }
    }

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
        try {
            taskService.complete(taskId, variables);
        } catch (OptimisticLockingException e) {
            throw new WorkflowConflictException("Task " + taskId + " changed meanwhile", e);
        }
    }
}
