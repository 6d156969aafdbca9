package vn.childprotection.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

import vn.childprotection.directory.Commune;
import vn.childprotection.process.DeadlineState;

/** The case file as GET /api/cases/{id} shows it. */
record CaseView(UUID caseId, String caseNumber, CaseStatus status, Commune commune, Instant openedAt,
                       Child child, List<ReportSummary> reports, List<InitialAssessment> initialAssessments,
                       List<CaseForms.SubmittedForm> forms, List<CasePoliceRecords.PoliceRecord> police,
                       List<Note> notes, List<Task> openTasks, CaseLinks.LinkedCase possibleDuplicate,
                       String duplicateStatus, List<CaseLinks.LinkedCase> earlierCases) {

    /** A note on the case: an escalation's, or a contact note (its day, who was met, the next step). */
    record Note(String kind, String text, String author, Instant writtenAt, LocalDate contactDate, String metWith,
                String nextStep, String authorName) {
    }

    /** An open task of the case; the page shows its {@link DeadlineState}, the API its {@code dueAt}. */
    public record Task(String taskId, String type, String candidateGroup, String assignee, Instant createdAt,
                       Instant dueAt, @JsonIgnore DeadlineState deadline) {
    }
}
