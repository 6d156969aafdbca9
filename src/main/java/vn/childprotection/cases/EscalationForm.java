package vn.childprotection.cases;

import java.util.Map;

import org.springframework.stereotype.Component;

import jakarta.validation.constraints.Size;
import vn.childprotection.tasks.OpenTask;
import vn.childprotection.tasks.TaskForm;
import vn.childprotection.tasks.TaskType;

/** Completes ESCALATION: the supervisor says what they did; the note joins the case file. */
@Component
class EscalationForm implements TaskForm<EscalationForm.Fields> {

    record Fields(@Size(max = 4000, message = "{validation.tooLong}") String note) {
    }

    private final CaseFileService cases;

    EscalationForm(CaseFileService cases) {
        this.cases = cases;
    }

    @Override
    public TaskType type() {
        return TaskType.ESCALATION;
    }

    @Override
    public Class<Fields> formClass() {
        return Fields.class;
    }

    @Override
    public Map<String, Object> complete(OpenTask task, Fields form, String username) {
        cases.addNote(task.caseId(), task.taskId(), "ESCALATION", form.note(), username);
        return Map.of();
    }
}
