package vn.childprotection.cases;

import java.util.List;
import java.util.UUID;

/** The reports (Mau 01) behind a case; the intake feature owns them and implements this. */
public interface CaseReports {

    List<ReportSummary> forCase(UUID caseId);

    /** Whether the user recorded one of the case's reports (an intake officer sees those cases). */
    boolean recordedBy(UUID caseId, String username);
}
