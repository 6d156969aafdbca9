package vn.childprotection.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import vn.childprotection.tasks.OpenTask;
import vn.childprotection.tasks.TaskForm;
import vn.childprotection.tasks.TaskType;
import vn.childprotection.web.FieldMessage;
import vn.childprotection.web.InvalidInputException;
import vn.childprotection.workflow.CaseWorkflow;
import vn.childprotection.workflow.ProcessIds;

/** The forms of the case process after the initial assessment (ND56 Mẫu 03-07 and the steps between). */
@Configuration
class ProcessForms {

    enum RiskLevel { HIGH, MEDIUM, LOW }

    enum Recommendation { CONTINUE, NEW_PLAN, CLOSE }

    enum SeparationDecision { RETURNED_HOME, EXTENDED }

    /** Mẫu 07: the commune chair's decision on temporary separation and alternative care (ND56 Art. 32). */
    record EmergencyDecision(
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String measures,
            @NotNull(message = "{validation.required}") Boolean separation,
            @Size(max = 500, message = "{validation.tooLong}") String placement,
            @Size(max = 4000, message = "{validation.tooLong}") String reason) {
    }

    /** ND56 Art. 31: what the worker did with the police and a health facility, and whether the child is safe. */
    record EmergencyAction(
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String actionsTaken,
            @NotNull(message = "{validation.required}") Boolean policeTookPart,
            @NotNull(message = "{validation.required}") Boolean healthFacilityTookPart,
            @Size(max = 4000, message = "{validation.tooLong}") String evidenceKept,
            @NotNull(message = "{validation.required}") Boolean childSafe) {
    }

    /** The chair ends the separation (the child goes home) or extends it by a decision (ND56 Art. 32). */
    record SeparationReview(
            @NotNull(message = "{validation.required}") SeparationDecision decision,
            @Size(max = 50, message = "{validation.tooLong}") String decisionNumber,
            LocalDate extendedUntil,
            @Size(max = 4000, message = "{validation.tooLong}") String reason) {
    }

    /** Mẫu 03: risks and needs; the worker may refer the case to the police from here. */
    record RiskNeedsAssessment(
            @NotNull(message = "{validation.required}") RiskLevel riskLevel,
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String needs,
            @Size(max = 10000, message = "{validation.tooLong}") String summary,
            Boolean referToPolice) {
    }

    record CaseMeeting(
            @NotNull(message = "{validation.required}") @PastOrPresent(message = "{validation.future}") LocalDate heldOn,
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String participants,
            @NotBlank(message = "{validation.required}") @Size(max = 10000, message = "{validation.tooLong}") String minutes) {
    }

    /** Mẫu 04: the support and intervention plan. */
    record PlanDraft(
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String goals,
            @NotBlank(message = "{validation.required}") @Size(max = 10000, message = "{validation.tooLong}") String activities,
            @Size(max = 2000, message = "{validation.tooLong}") String responsible) {
    }

    /** Mẫu 05: the chair's approval, or the reason for sending the plan back. */
    record Approval(
            @NotNull(message = "{validation.required}") Boolean approved,
            @Size(max = 4000, message = "{validation.tooLong}") String reason) {
    }

    /**
     * Mẫu 06: the four criteria, each High / Medium / Low: the seriousness of the remaining harm, whether the
     * abuser can still reach the child, obstacles to safety in the care setting, the child's ability to
     * protect themself and recover (rated High when that ability is poor).
     */
    record PlanReview(
            @NotNull(message = "{validation.required}") RiskLevel remainingHarm,
            @NotNull(message = "{validation.required}") RiskLevel abuserAccess,
            @NotNull(message = "{validation.required}") RiskLevel careSettingObstacles,
            @NotNull(message = "{validation.required}") RiskLevel selfProtection,
            @NotNull(message = "{validation.required}") Recommendation recommendation,
            @NotBlank(message = "{validation.required}") @Size(max = 10000, message = "{validation.tooLong}") String summary,
            Boolean referToPolice) {

        boolean anyHigh() {
            return remainingHarm == RiskLevel.HIGH || abuserAccess == RiskLevel.HIGH
                    || careSettingObstacles == RiskLevel.HIGH || selfProtection == RiskLevel.HIGH;
        }
    }

    private final CaseForms forms;
    private final CasePoliceRecords police;
    private final vn.childprotection.tasks.TaskInbox inbox;
    private final CaseWorkflow workflow;
    private final Clock clock;
    private final ZoneId zone;
    private final MessageSource messages;

    ProcessForms(CaseForms forms, CasePoliceRecords police, vn.childprotection.tasks.TaskInbox inbox, CaseWorkflow workflow,
                 Clock clock,
                 @Value("${child-protection.zone}") ZoneId zone, MessageSource messages) {
        this.forms = forms;
        this.police = police;
        this.inbox = inbox;
        this.workflow = workflow;
        this.clock = clock;
        this.zone = zone;
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
        // not safe yet: the action stays open for a further attempt and the chair and supervisor are alerted
        return new StoredForm<>(TaskType.EMERGENCY_ACTION, EmergencyAction.class, forms,
                (task, f) -> Map.of(ProcessIds.VAR_CHILD_SAFE, f.childSafe()));
    }

    @Bean
    TaskForm<SeparationReview> separationReviewForm() {
        return new StoredForm<>(TaskType.SEPARATION_REVIEW, SeparationReview.class, forms, (task, f) -> {
            if (f.decision() == SeparationDecision.RETURNED_HOME) {
                return Map.of(ProcessIds.VAR_SEPARATION_ENDED, true);
            }
            List<FieldMessage> errors = new ArrayList<>();
            if (f.decisionNumber() == null || f.decisionNumber().isBlank()) {
                errors.add(new FieldMessage("decisionNumber", text("validation.required")));
            }
            LocalDate today = clock.instant().atZone(zone).toLocalDate();
            if (f.extendedUntil() == null) {
                errors.add(new FieldMessage("extendedUntil", text("validation.required")));
            } else if (!f.extendedUntil().isAfter(today)) {
                errors.add(new FieldMessage("extendedUntil", text("validation.notAfterToday")));
            } else if (task.dueAt() != null && !f.extendedUntil().isAfter(task.dueAt().atZone(zone).toLocalDate())) {
                // an extension lengthens the separation; ending it early is a return home
                errors.add(new FieldMessage("extendedUntil", text("validation.notAfterSeparationEnd")));
            } else if (f.extendedUntil().isAfter(today.plusYears(1))) {
                errors.add(new FieldMessage("extendedUntil", text("validation.tooFar")));
            }
            if (f.reason() == null || f.reason().isBlank()) {
                errors.add(new FieldMessage("reason", text("validation.required")));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            // the separation now ends at the end of the day the chair set: its own reminder and escalation
            Date endsAt = Date.from(f.extendedUntil().plusDays(1).atStartOfDay(zone).toInstant());
            return Map.of(ProcessIds.VAR_SEPARATION_ENDED, false, ProcessIds.VAR_SEPARATION_ENDS_AT, endsAt);
        });
    }

    @Bean
    TaskForm<RiskNeedsAssessment> riskNeedsAssessmentForm() {
        return new StoredForm<>(TaskType.RISK_NEEDS_ASSESSMENT, RiskNeedsAssessment.class, forms, (task, f) -> {
            referIfAsked(task, f.referToPolice());
            return Map.of();
        });
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
        return new StoredForm<>(TaskType.PLAN_REVIEW, PlanReview.class, forms, (task, f) -> {
            if (f.recommendation() == Recommendation.CLOSE && f.anyHigh()) {
                throw new InvalidInputException("recommendation", text("validation.closeWithHighRisk"));
            }
            referIfAsked(task, f.referToPolice());
            return Map.of(ProcessIds.VAR_REVIEW_OUTCOME, f.recommendation().name());
        });
    }

    @Bean
    TaskForm<Approval> closureApprovalForm() {
        return new StoredForm<>(TaskType.CLOSURE_APPROVAL, Approval.class, forms, (task, f) -> {
            requireReasonWhenRefused(f);
            if (f.approved() && police.unacknowledgedReferral(task.caseId())) {
                throw new InvalidInputException("approved", text("validation.referralNotAcknowledged"));
            }
            if (f.approved() && inbox.forCase(task.caseId()).stream()
                    .anyMatch(t -> t.type() == TaskType.SEPARATION_REVIEW || t.type() == TaskType.EMERGENCY_ACTION)) {
                throw new InvalidInputException("approved", text("validation.separationRunning"));
            }
            return Map.of(ProcessIds.VAR_CLOSURE_APPROVED, f.approved());
        });
    }

    /** A worker may refer the case to the police at any later step: a new referral each time. */
    private void referIfAsked(OpenTask task, Boolean referToPolice) {
        if (Boolean.TRUE.equals(referToPolice)) {
            workflow.referToPolice(task.caseNumber(), task.caseId(), task.communeCode(), task.provinceCode());
        }
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
