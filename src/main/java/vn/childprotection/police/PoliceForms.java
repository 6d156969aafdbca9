package vn.childprotection.police;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.process.CaseWorkflow;
import vn.childprotection.process.OpenTask;
import vn.childprotection.process.StepOutcome;
import vn.childprotection.process.TaskForm;
import vn.childprotection.process.TaskType;

/** The police liaison's two tasks: record the report and forward it, record the investigation outcome. */
@Configuration
class PoliceForms {

    /** Circular 43/2021 Art. 5: recorded and forwarded to the investigation agency within 24 hours. */
    record Acknowledge(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String agency,
            @NotNull(message = "{validation.required}") LocalDateTime forwardedAt,
            @NotBlank(message = "{validation.required}") @Size(max = 50, message = "{validation.tooLong}") String recordNumber,
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String officer) {
    }

    /**
     * API.md: {"outcome": "CASE_OPENED | NOT_OPENED | SUSPENDED | TRANSFERRED", "detail": "..."}, and the
     * outcomes that may follow; an extension names the decision that granted it.
     */
    record OutcomeForm(
            @NotNull(message = "{validation.required}") Outcome outcome,
            @Size(max = 4000, message = "{validation.tooLong}") String detail,
            @Size(max = 100, message = "{validation.tooLong}") String decisionReference) {
    }

    /** CPC Art. 147: 2 months for a complex case, extended once more; no third extension. */
    static final int MAX_EXTENSIONS = 2;

    private final PoliceRecords records;
    private final CaseWorkflow workflow;
    private final Messages messages;
    private final Clock clock;
    private final ZoneId zone;

    PoliceForms(PoliceRecords records, CaseWorkflow workflow, Messages messages, Clock clock) {
        this.records = records;
        this.workflow = workflow;
        this.messages = messages;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    @Bean
    TaskForm<Acknowledge> policeAcknowledgeForm() {
        return new TaskForm<>(TaskType.POLICE_ACKNOWLEDGE, Acknowledge.class) {
            @Override
            public StepOutcome complete(OpenTask task, Acknowledge form, String username) {
                PoliceRecords.Referral referral = referralOf(task);
                var forwardedAt = form.forwardedAt().atZone(zone).toInstant();
                if (forwardedAt.isAfter(clock.instant())) {
                    throw new InvalidInputException("forwardedAt", messages.text("validation.future"));
                }
                if (forwardedAt.isBefore(referral.referredAt().minusSeconds(60))) {
                    throw new InvalidInputException("forwardedAt", messages.text("validation.beforeReferral"));
                }
                records.forwarded(task.caseId(), referral.id(), task.taskId(), form.agency().strip(), forwardedAt,
                        form.recordNumber().strip(), form.officer().strip(), username);
                // the 20 days of Art. 147 count from the forwarding
                return new StepOutcome.ReferralForwarded(forwardedAt);
            }
        };
    }

    @Bean
    TaskForm<OutcomeForm> policeOutcomeForm() {
        return new TaskForm<>(TaskType.POLICE_OUTCOME, OutcomeForm.class) {
            @Override
            public StepOutcome complete(OpenTask task, OutcomeForm form, String username) {
                PoliceRecords.Referral referral = referralOf(task);
                checkExtension(form, referral, true);
                records.outcome(task.caseId(), referral.id(), task.taskId(), form.outcome(), blankToNull(form.detail()),
                        blankToNull(form.decisionReference()), username);
                return new StepOutcome.InvestigationOutcome(form.outcome().name());
            }
        };
    }

    /** An extension needs its decision, a referral still under investigation and fewer than two before it. */
    void checkExtension(OutcomeForm form, PoliceRecords.Referral referral, boolean underInvestigation) {
        if (form.outcome() != Outcome.EXTENDED) {
            return;
        }
        if (form.decisionReference() == null || form.decisionReference().isBlank()) {
            throw new InvalidInputException("decisionReference", messages.text("validation.required"));
        }
        if (!underInvestigation || referral.extensions() >= MAX_EXTENSIONS) {
            throw new InvalidInputException("outcome", messages.text("police.noFurtherExtension"));
        }
    }

    private PoliceRecords.Referral referralOf(OpenTask task) {
        UUID id = workflow.referralOf(task.taskId())
                .orElseThrow(() -> new IllegalStateException("Police task " + task.taskId() + " has no referral"));
        return records.referral(id).orElseThrow();
    }


    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
