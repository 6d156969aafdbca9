package vn.childprotection.cases;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.childprotection.tasks.OpenTask;
import vn.childprotection.tasks.TaskForm;
import vn.childprotection.tasks.TaskType;
import vn.childprotection.workflow.ProcessIds;

/** Completes INITIAL_ASSESSMENT: stores Mau 02 and routes the case (emergency, police). */
@Component
class InitialAssessmentForm implements TaskForm<InitialAssessmentForm.Fields> {

    record Fields(
            @NotNull(message = "{validation.required}") InitialAssessment.DangerLevel dangerLevel,
            @NotNull(message = "{validation.required}") Boolean immediateDanger,
            @NotNull(message = "{validation.required}") Boolean crimeSuspected,
            @NotBlank(message = "{validation.required}") @Size(max = 10000, message = "{validation.tooLong}") String summary) {
    }

    private final CaseFileService cases;
    private final CaseReports reports;
    private final Clock clock;

    InitialAssessmentForm(CaseFileService cases, CaseReports reports, Clock clock) {
        this.cases = cases;
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public TaskType type() {
        return TaskType.INITIAL_ASSESSMENT;
    }

    @Override
    public Class<Fields> formClass() {
        return Fields.class;
    }

    @Override
    public Map<String, Object> complete(OpenTask task, Fields form, String username) {
        cases.recordAssessment(new InitialAssessment(UUID.randomUUID(), task.caseId(), task.taskId(),
                form.dangerLevel(), form.immediateDanger(), form.crimeSuspected(), form.summary().strip(), username,
                clock.instant()));
        CaseReports.ReportFacts facts = reports.facts(task.caseId());
        // the facts danger-triage.dmn decides on; every input present, childAge may be unknown (null)
        Map<String, Object> triage = new HashMap<>();
        triage.put(ProcessIds.VAR_DANGER_LEVEL, form.dangerLevel().name());
        triage.put(ProcessIds.VAR_IMMEDIATE_DANGER, form.immediateDanger());
        triage.put(ProcessIds.VAR_CRIME_SUSPECTED, form.crimeSuspected());
        triage.put(ProcessIds.VAR_CAREGIVER_ABUSER, facts.caregiverAbuser());
        triage.put(ProcessIds.VAR_SEXUAL_ABUSE, facts.harmTypes().contains("SEXUAL_ABUSE"));
        triage.put(ProcessIds.VAR_TRAFFICKING, facts.harmTypes().contains("TRAFFICKING"));
        triage.put(ProcessIds.VAR_CHILD_AGE, cases.childAge(task.caseId()));
        return triage;
    }
}
