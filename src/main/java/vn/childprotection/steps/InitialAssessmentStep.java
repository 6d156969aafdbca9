package vn.childprotection.steps;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Component;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.childprotection.cases.CaseRecords;
import vn.childprotection.cases.CaseReports;
import vn.childprotection.cases.InitialAssessment;
import vn.childprotection.process.OpenTask;
import vn.childprotection.process.StepOutcome;
import vn.childprotection.process.TaskForm;
import vn.childprotection.process.TaskType;

/**
 * Mẫu 02: the initial assessment of danger within 12 hours of the report (ND56 Art. 30), BPMN
 * {@code Task_InitialAssessment} and {@code Task_InitialReassessment}. It is kept as an assessment of the case
 * file and decides, with the reports' facts, the danger triage (emergency, police).
 */
@Component
class InitialAssessmentStep extends TaskForm<InitialAssessmentStep.Fields> {

    record Fields(
            @NotNull(message = "{validation.required}") InitialAssessment.DangerLevel dangerLevel,
            @NotNull(message = "{validation.required}") Boolean immediateDanger,
            @NotNull(message = "{validation.required}") Boolean crimeSuspected,
            @NotBlank(message = "{validation.required}") @Size(max = 10000, message = "{validation.tooLong}") String summary) {
    }

    private final CaseRecords records;
    private final CaseReports reports;
    private final Clock clock;

    InitialAssessmentStep(CaseRecords records, CaseReports reports, Clock clock) {
        super(TaskType.INITIAL_ASSESSMENT, Fields.class);
        this.records = records;
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public StepOutcome complete(OpenTask task, Fields form, String username) {
        records.recordAssessment(new InitialAssessment(UUID.randomUUID(), task.caseId(), task.taskId(),
                form.dangerLevel(), form.immediateDanger(), form.crimeSuspected(), form.summary().strip(), username,
                clock.instant()));
        CaseReports.ReportFacts facts = reports.facts(task.caseId());
        return new StepOutcome.DangerAssessed(form.dangerLevel().name(), form.immediateDanger(),
                form.crimeSuspected(), facts.caregiverAbuser(), facts.harmTypes().contains("SEXUAL_ABUSE"),
                facts.harmTypes().contains("TRAFFICKING"), records.childAge(task.caseId()));
    }
}
