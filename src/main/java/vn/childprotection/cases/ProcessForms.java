package vn.childprotection.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import vn.childprotection.tasks.TaskForm;
import vn.childprotection.tasks.TaskType;
import vn.childprotection.web.InvalidInputException;
import vn.childprotection.workflow.ProcessIds;

/** The forms of the case process after the initial assessment (ND56 Mau 03-07 and the steps between). */
@Configuration
class ProcessForms {

    enum RiskLevel { HIGH, MEDIUM, LOW }

    enum Recommendation { CONTINUE, NEW_PLAN, CLOSE }

    enum SeparationDecision { RETURNED_HOME, EXTENDED }

    /** Mau 07: emergency measures decided by the commune chair. */
    record EmergencyDecision(
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String measures,
            @NotNull(message = "{validation.required}") Boolean separation,
            @Size(max = 500, message = "{validation.tooLong}") String placement,
            @Size(max = 4000, message = "{validation.tooLong}") String reason) {
    }

    record EmergencyAction(
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String actionsTaken,
            @NotNull(message = "{validation.required}") Boolean childSafe) {
    }

    record SeparationReview(
            @NotNull(message = "{validation.required}") SeparationDecision decision,
            LocalDate extendedUntil,
            @Size(max = 4000, message = "{validation.tooLong}") String note) {
    }

    /** Mau 03: risks and needs. */
    record RiskNeedsAssessment(
            @NotNull(message = "{validation.required}") RiskLevel riskLevel,
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String needs,
            @Size(max = 10000, message = "{validation.tooLong}") String summary) {
    }

    record CaseMeeting(
            @NotNull(message = "{validation.required}") @PastOrPresent(message = "{validation.future}") LocalDate heldOn,
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String participants,
            @NotBlank(message = "{validation.required}") @Size(max = 10000, message = "{validation.tooLong}") String minutes) {
    }

    /** Mau 04: the support and intervention plan. */
    record PlanDraft(
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String goals,
            @NotBlank(message = "{validation.required}") @Size(max = 10000, message = "{validation.tooLong}") String activities,
            @Size(max = 2000, message = "{validation.tooLong}") String responsible) {
    }

    /** Mau 05: the chair's approval, or the reason for sending the plan back. */
    record Approval(
            @NotNull(message = "{validation.required}") Boolean approved,
            @Size(max = 4000, message = "{validation.tooLong}") String reason) {
    }

    /** Mau 06: review of the plan's results. */
    record PlanReview(
            @NotNull(message = "{validation.required}") RiskLevel riskLevel,
            @NotNull(message = "{validation.required}") Recommendation recommendation,
            @NotBlank(message = "{validation.required}") @Size(max = 10000, message = "{validation.tooLong}") String summary) {
    }

    private final CaseForms forms;
    private final Clock clock;
    private final MessageSource messages;

    ProcessForms(CaseForms forms, Clock clock, MessageSource messages) {
        this.forms = forms;
        this.clock = clock;
        this.messages = messages;
    }

    @Bean
    TaskForm<EmergencyDecision> emergencyDecisionForm() {
        return new StoredForm<>(TaskType.EMERGENCY_DECISION, EmergencyDecision.class, forms, (task, f) -> {
            if (f.separation() && (f.placement() == null || f.placement().isBlank())) {
                throw new InvalidInputException("placement", text("validation.placementRequired"));
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put(ProcessIds.VAR_SEPARATED, f.separation());
            if (f.separation()) {
                variables.put(ProcessIds.VAR_SEPARATION_STARTED_AT, Date.from(clock.instant()));
            }
            return variables;
        });
    }

    @Bean
    TaskForm<EmergencyAction> emergencyActionForm() {
        return new StoredForm<>(TaskType.EMERGENCY_ACTION, EmergencyAction.class, forms, (task, f) -> Map.of());
    }

    @Bean
    TaskForm<SeparationReview> separationReviewForm() {
        return new StoredForm<>(TaskType.SEPARATION_REVIEW, SeparationReview.class, forms, (task, f) -> {
            if (f.decision() == SeparationDecision.EXTENDED && f.extendedUntil() == null) {
                throw new InvalidInputException("extendedUntil", text("validation.required"));
            }
            return Map.of();
        });
    }

    @Bean
    TaskForm<RiskNeedsAssessment> riskNeedsAssessmentForm() {
        return new StoredForm<>(TaskType.RISK_NEEDS_ASSESSMENT, RiskNeedsAssessment.class, forms, (task, f) -> Map.of());
    }

    @Bean
    TaskForm<CaseMeeting> caseMeetingForm() {
        return new StoredForm<>(TaskType.CASE_MEETING, CaseMeeting.class, forms, (task, f) -> Map.of());
    }

    @Bean
    TaskForm<PlanDraft> planDraftForm() {
        return new StoredForm<>(TaskType.PLAN_DRAFT, PlanDraft.class, forms, (task, f) -> Map.of());
    }

    @Bean
    TaskForm<Approval> planApprovalForm() {
        return new StoredForm<>(TaskType.PLAN_APPROVAL, Approval.class, forms, (task, f) -> {
            requireReasonWhenRefused(f);
            return Map.of(ProcessIds.VAR_PLAN_APPROVED, f.approved());
        });
    }

    @Bean
    TaskForm<PlanReview> planReviewForm() {
        return new StoredForm<>(TaskType.PLAN_REVIEW, PlanReview.class, forms,
                (task, f) -> Map.of(ProcessIds.VAR_REVIEW_OUTCOME, f.recommendation().name()));
    }

    @Bean
    TaskForm<Approval> closureApprovalForm() {
        return new StoredForm<>(TaskType.CLOSURE_APPROVAL, Approval.class, forms, (task, f) -> {
            requireReasonWhenRefused(f);
            return Map.of(ProcessIds.VAR_CLOSURE_APPROVED, f.approved());
        });
    }

    private void requireReasonWhenRefused(Approval f) {
        if (!f.approved() && (f.reason() == null || f.reason().isBlank())) {
            throw new InvalidInputException("reason", text("validation.reasonRequired"));
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
