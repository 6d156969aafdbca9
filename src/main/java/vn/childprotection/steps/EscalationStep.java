package vn.childprotection.steps;

import org.springframework.stereotype.Component;

import jakarta.validation.constraints.Size;
import vn.childprotection.cases.CaseRecords;
import vn.childprotection.process.OpenTask;
import vn.childprotection.process.StepOutcome;
import vn.childprotection.process.TaskForm;
import vn.childprotection.process.TaskType;

/**
 * A missed deadline's escalation (deadline-escalation.bpmn, {@code Task_EscalateFirstLevel} and
 * {@code Task_EscalateSecondLevel}): the supervisor says what they did; the note joins the case file.
 */
@Component
class EscalationStep extends TaskForm<EscalationStep.Fields> {

    record Fields(@Size(max = 4000, message = "{validation.tooLong}") String note) {
    }

    private final CaseRecords records;

    EscalationStep(CaseRecords records) {
        super(TaskType.ESCALATION, Fields.class);
        this.records = records;
    }

    @Override
    public StepOutcome complete(OpenTask task, Fields form, String username) {
        records.addNote(task.caseId(), task.taskId(), "ESCALATION", form.note(), username);
        return StepOutcome.RECORDED;
    }
}
