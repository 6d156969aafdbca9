package vn.childprotection.workflow;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

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
    public void complete(String taskId, Map<String, Object> variables) {
        try {
            taskService.complete(taskId, variables);
        } catch (OptimisticLockingException e) {
            throw new WorkflowConflictException("Task " + taskId + " changed meanwhile", e);
        }
    }
}
