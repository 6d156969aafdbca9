package vn.childprotection.workflow;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import vn.childprotection.directory.CandidateGroups;
import vn.childprotection.process.CaseStart;
import vn.childprotection.process.CaseWorkflow;
import vn.childprotection.process.PoliceCallbacks;
import vn.childprotection.process.ReportRouting;
import vn.childprotection.process.StepOutcome;
import vn.childprotection.process.WorkflowConflictException;

@Service
class CamundaCaseWorkflow implements CaseWorkflow {

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final PoliceReferralStarter referrals;
    private final CommuneMerges merges;

    CamundaCaseWorkflow(RuntimeService runtimeService, TaskService taskService, PoliceReferralStarter referrals,
                        CommuneMerges merges) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.referrals = referrals;
        this.merges = merges;
    }

    @Override
    public void startCase(CaseStart start) {
        runtimeService.createProcessInstanceByKey(ProcessIds.CASE_PROCESS)
                .businessKey(start.caseNumber())
                .setVariables(routing(start.report())
                        .putValue(ProcessIds.VAR_CASE_ID, start.caseId().toString())
                        .putValue(ProcessIds.VAR_COMMUNE_CODE, start.communeCode())
                        .putValue(ProcessIds.VAR_PROVINCE_CODE, start.provinceCode()))
                .execute();
    }

    /**
     * A report's facts for its assessment: the process's for the first report; for a further one they go
     * to the scope its message starts (setVariablesToTriggeredScope), never over the first report's.
     */
    private static VariableMap routing(ReportRouting report) {
        return Variables.createVariables()
                .putValue(ProcessIds.VAR_RECEIVED_AT, Date.from(report.receivedAt()))
                .putValue(ProcessIds.VAR_CRIME_AT_INTAKE, report.crimeAtIntake())
                .putValue(ProcessIds.VAR_POLICE_CHANNEL, report.policeChannel())
                .putValue(ProcessIds.VAR_OFFENCE_COMMUNE_CODE, report.offenceCommuneCode())
                .putValue(ProcessIds.VAR_OFFENCE_PROVINCE_CODE, report.offenceProvinceCode())
                .putValue(ProcessIds.VAR_INITIAL_ASSESSMENT_DEADLINE, report.immediateDanger()
                        ? ProcessIds.DEADLINE_INITIAL_ASSESSMENT_IMMEDIATE : ProcessIds.DEADLINE_INITIAL_ASSESSMENT)
                .putValue(ProcessIds.VAR_ASSESSMENT_PRIORITY, report.immediateDanger()
                        ? ProcessIds.PRIORITY_IMMEDIATE_DANGER : ProcessIds.PRIORITY_REPORT);
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
    public boolean policeOutcomeArrived(UUID referralId, String outcome, String username) {
        ProcessInstance referral = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ProcessIds.POLICE_PROCESS)
                .variableValueEquals(ProcessIds.VAR_REFERRAL_ID, referralId.toString())
                .singleResult();
        if (referral == null) {
            return false;
        }
        Task outcomeTask = taskService.createTaskQuery().processInstanceId(referral.getId())
                .taskDefinitionKey(ProcessIds.TASK_POLICE_OUTCOME).singleResult();
        try {
            if (outcomeTask != null) {
                // the same path as the liaison's form, done by whoever reported it
                taskService.setAssignee(outcomeTask.getId(), username);
                taskService.complete(outcomeTask.getId(), Map.of(ProcessIds.VAR_OUTCOME, outcome));
                return true;
            }
            // not yet forwarded: the outcome shows it was, now
            return !runtimeService.createMessageCorrelation(ProcessIds.MESSAGE_POLICE_OUTCOME)
                    .processInstanceId(referral.getId())
                    .setVariables(Variables.createVariables()
                            .putValue(ProcessIds.VAR_OUTCOME, outcome)
                            .putValue(ProcessIds.VAR_FORWARDED_AT, ClockUtil.getCurrentTime()))
                    .correlateAllWithResult().isEmpty();
        } catch (OptimisticLockingException e) {
            throw new WorkflowConflictException("Referral " + referralId + " changed meanwhile", e);
        }
    }

    @Override
    public boolean furtherReport(String caseNumber, ReportRouting report) {
        try {
            return !runtimeService.createMessageCorrelation(ProcessIds.MESSAGE_FURTHER_REPORT)
                    .processInstanceBusinessKey(caseNumber)
                    .setVariablesToTriggeredScope(routing(report))
                    .correlateAllWithResult()
                    .isEmpty();
        } catch (OptimisticLockingException e) {
            throw new WorkflowConflictException("Case " + caseNumber + " changed meanwhile", e);
        }
    }

    @Override
    public UUID referToPolice(String caseNumber, UUID caseId, String communeCode, String provinceCode) {
        Object priority = caseInstances(caseNumber).stream()
                .map(pi -> runtimeService.getVariable(pi.getId(), ProcessIds.VAR_PRIORITY))
                .filter(p -> p != null).findFirst().orElse(ProcessIds.PRIORITY_REPORT);
        return referrals.start(runtimeService, caseNumber, caseId, communeCode, provinceCode,
                ClockUtil.getCurrentTime(), false,
                ((Number) priority).intValue(), PoliceCallbacks.Source.WORKER);
    }

    @Override
    public Optional<UUID> referralOf(String taskId) {
        return Optional.ofNullable((String) taskService.getVariable(taskId, ProcessIds.VAR_REFERRAL_ID))
                .map(UUID::fromString);
    }

    private List<ProcessInstance> caseInstances(String caseNumber) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(ProcessIds.CASE_PROCESS)
                .processInstanceBusinessKey(caseNumber).list();
    }

    @Override
    public void requestTransfer(String caseNumber, String communeCode, String provinceCode) {
        runtimeService.createMessageCorrelation(ProcessIds.MESSAGE_TRANSFER_REQUESTED)
                .processInstanceBusinessKey(caseNumber)
                .setVariablesToTriggeredScope(Variables.createVariables()
                        .putValue(ProcessIds.VAR_TARGET_COMMUNE_CODE, communeCode)
                        .putValue(ProcessIds.VAR_TARGET_PROVINCE_CODE, provinceCode))
                .correlate();
    }

    @Override
    public Optional<String> transferTarget(String taskId) {
        return Optional.ofNullable((String) taskService.getVariable(taskId, ProcessIds.VAR_TARGET_COMMUNE_CODE));
    }

    @Override
    public void discard(String caseNumber, String reason) {
        // listeners run: the inbox and timeline see every open task end
        caseInstances(caseNumber).forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), reason));
    }

    @Override
    public int mergeCommunes(List<String> from, String into) {
        return merges.merge(from, into);
    }

    @Override
    public void transfer(String caseNumber, String communeCode, String provinceCode) {
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber).list()) {
            if (policeWork(instance)) {
                // police work stays with the police of the place where the offence happened
                continue;
            }
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

    private boolean policeWork(ProcessInstance instance) {
        if (instance.getProcessDefinitionId().startsWith(ProcessIds.POLICE_PROCESS + ":")) {
            return true;
        }
        return instance.getProcessDefinitionId().startsWith(ProcessIds.ESCALATION_PROCESS + ":")
                && Boolean.TRUE.equals(runtimeService.getVariable(instance.getId(), ProcessIds.VAR_POLICE));
    }

    @Override
    public int releaseTasks(String username, java.util.Set<String> groups) {
        int released = 0;
        for (Task task : taskService.createTaskQuery().taskAssignee(username).list()) {
            boolean stillTheirs = taskService.getIdentityLinksForTask(task.getId()).stream()
                    .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                            && groups.contains(link.getGroupId()));
            if (!stillTheirs) {
                taskService.setAssignee(task.getId(), null);
                released++;
            }
        }
        return released;
    }

    @Override
    public void complete(String taskId, StepOutcome outcome) {
        try {
            taskService.complete(taskId, OutcomeVariables.of(outcome));
        } catch (OptimisticLockingException e) {
            throw new WorkflowConflictException("Task " + taskId + " changed meanwhile", e);
        }
    }
}
