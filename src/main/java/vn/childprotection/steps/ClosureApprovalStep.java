package vn.childprotection.steps;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.childprotection.cases.CaseForms;
import vn.childprotection.cases.CasePoliceRecords;
import vn.childprotection.cases.CaseRecords;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.common.Person;
import vn.childprotection.process.OpenTask;
import vn.childprotection.process.OpenTasks;
import vn.childprotection.process.StepOutcome;
import vn.childprotection.process.TaskType;

/**
 * The commune chair approves closing the case, or refuses with the reason, BPMN {@code Task_ClosureApproval}.
 * Not while a police referral is unacknowledged, nor while the child is separated or an emergency action runs.
 * Closing may set a follow-up visit (a day within a year, and the commune worker who goes, or any of them):
 * BPMN {@code Task_FollowUpVisit} of the FollowUpVisit process opens that day.
 */
@Component
class ClosureApprovalStep extends StoredStep<ClosureApprovalStep.ClosureApproval> {

    /** The longest a follow-up may lie ahead: a year after the closing. */
    static final int FOLLOW_UP_WITHIN_MONTHS = 12;

    record ClosureApproval(
            @NotNull(message = "{validation.required}") Boolean approved,
            @Size(max = 4000, message = "{validation.tooLong}") String reason,
            LocalDate followUpOn,
            @Person @Size(max = 100, message = "{validation.tooLong}") String followUpBy) {
    }

    private final CasePoliceRecords police;
    private final OpenTasks openTasks;
    private final CaseRecords records;
    private final Clock clock;
    private final Messages messages;

    ClosureApprovalStep(CaseForms forms, CasePoliceRecords police, OpenTasks openTasks, CaseRecords records,
                        Clock clock, Messages messages) {
        super(TaskType.CLOSURE_APPROVAL, ClosureApproval.class, forms);
        this.police = police;
        this.openTasks = openTasks;
        this.records = records;
        this.clock = clock;
        this.messages = messages;
    }

    @Override
    StepOutcome decide(OpenTask task, ClosureApproval f) {
        new Approval(f.approved(), f.reason()).requireReasonWhenRefused(messages);
        if (f.approved() && police.unacknowledgedReferral(task.caseId())) {
            throw new InvalidInputException("approved", messages.text("validation.referralNotAcknowledged"));
        }
        if (f.approved() && openTasks.forCase(task.caseId()).stream()
                .anyMatch(t -> t.type() == TaskType.SEPARATION_REVIEW || t.type() == TaskType.EMERGENCY_ACTION)) {
            throw new InvalidInputException("approved", messages.text("validation.separationRunning"));
        }
        String by = f.followUpBy() == null || f.followUpBy().isBlank() ? null : f.followUpBy().trim();
        if (f.followUpOn() == null) {
            if (by != null) {
                throw new InvalidInputException("followUpOn", messages.text("validation.followUpDayMissing"));
            }
            return new StepOutcome.ClosureDecided(f.approved());
        }
        if (!f.approved()) {
            throw new InvalidInputException("followUpOn", messages.text("validation.followUpOnlyWhenClosing"));
        }
        // "today" is Vietnam's: the visit is on a later day, and within a year
        LocalDate today = LocalDate.now(clock);
        if (!f.followUpOn().isAfter(today) || f.followUpOn().isAfter(today.plusMonths(FOLLOW_UP_WITHIN_MONTHS))) {
            throw new InvalidInputException("followUpOn",
                    messages.text("validation.followUpDay", FOLLOW_UP_WITHIN_MONTHS));
        }
        if (by != null && !records.isCommuneWorker(task.caseId(), by)) {
            throw new InvalidInputException("followUpBy", messages.text("validation.notACommuneWorker"));
        }
        return new StepOutcome.ClosureDecided(true, f.followUpOn().atStartOfDay(clock.getZone()).toInstant(), by);
    }
}
