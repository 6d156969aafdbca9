package vn.childprotection.cases;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import vn.childprotection.process.ReportRouting;

/** The reports behind a case; the intake feature owns them and implements this. */
public interface CaseReports {

    List<ReportSummary> forCase(UUID caseId);

    /** Harm types reported and whether a parent or caregiver is named as abuser, across the case's reports. */
    ReportFacts facts(UUID caseId);

    record ReportFacts(Set<String> harmTypes, boolean caregiverAbuser) {
    }

    /** Whether the user recorded one of the case's reports (an intake officer sees those cases). */
    boolean recordedBy(UUID caseId, String username);

    /** A duplicate case is merged: its reports now belong to the child's other case. */
    void moveReports(UUID fromCaseId, UUID toCaseId);

    /** What the case's latest report tells the process (for a fresh triage where the reports now are). */
    ReportRouting latestRouting(UUID caseId);
}
