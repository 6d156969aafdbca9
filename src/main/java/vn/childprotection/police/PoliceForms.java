package vn.childprotection.police;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.childprotection.tasks.OpenTask;
import vn.childprotection.tasks.TaskForm;
import vn.childprotection.tasks.TaskType;

/** The police liaison's two tasks: acknowledge the referral, record the investigation outcome. */
@Configuration
class PoliceForms {

    record Acknowledge(
            @NotBlank(message = "{validation.required}") @Size(max = 50, message = "{validation.tooLong}") String recordNumber,
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String officer) {
    }

    /** API.md: {"outcome": "CASE_OPENED | NOT_OPENED | SUSPENDED | TRANSFERRED", "detail": "..."}. */
    record OutcomeForm(
            @NotNull(message = "{validation.required}") Outcome outcome,
            @Size(max = 4000, message = "{validation.tooLong}") String detail) {
    }

    @Bean
    TaskForm<Acknowledge> policeAcknowledgeForm(PoliceRecords records) {
        return new TaskForm<>() {
            @Override
            public TaskType type() {
                return TaskType.POLICE_ACKNOWLEDGE;
            }

            @Override
            public Class<Acknowledge> formClass() {
                return Acknowledge.class;
            }

            @Override
            public Map<String, Object> complete(OpenTask task, Acknowledge form, String username) {
                records.acknowledged(task.caseId(), task.taskId(), form.recordNumber().strip(), form.officer().strip(),
                        username);
                return Map.of();
            }
        };
    }

    @Bean
    TaskForm<OutcomeForm> policeOutcomeForm(PoliceRecords records) {
        return new TaskForm<>() {
            @Override
            public TaskType type() {
                return TaskType.POLICE_OUTCOME;
            }

            @Override
            public Class<OutcomeForm> formClass() {
                return OutcomeForm.class;
            }

            @Override
            public Map<String, Object> complete(OpenTask task, OutcomeForm form, String username) {
                records.outcome(task.caseId(), task.taskId(), form.outcome(), form.detail(), username);
                return Map.of();
            }
        };
    }
}
