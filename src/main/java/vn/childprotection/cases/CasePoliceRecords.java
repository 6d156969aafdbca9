package vn.childprotection.cases;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The police side of a case (referrals, forwarding, investigation outcomes); the police feature implements it. */
public interface CasePoliceRecords {

    List<PoliceRecord> forCase(UUID caseId);

    /** The records of the case's referrals to the police of these communes only. */
    List<PoliceRecord> forCase(UUID caseId, Set<String> policeCommunes);

    /** A merged duplicate's referrals now belong to the child's case. */
    void moveReferrals(UUID fromCaseId, UUID toCaseId);

    /** The communes whose police the case was referred to: their police liaisons may see it. */
    Set<String> referredPoliceCommunes(UUID caseId);

    /** A referral whose forwarding the police have not yet recorded: the case cannot close. */
    boolean unacknowledgedReferral(UUID caseId);

    /** A forwarding (agency, when) or an outcome (with the decision that extended the deadline). */
    record PoliceRecord(String kind, String recordNumber, String officer, String agency, Instant forwardedAt,
                        String outcome, String detail, String decisionReference, String recordedBy, Instant recordedAt) {
    }
}
