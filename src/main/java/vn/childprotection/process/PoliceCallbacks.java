package vn.childprotection.process;

import java.time.Instant;
import java.util.UUID;

/** What the process tells the police records; implemented by the police feature. */
public interface PoliceCallbacks {

    /** Where a referral came from: the report at intake, a triage, or a worker at a later step. */
    enum Source { INTAKE, TRIAGE, WORKER }

    /** A referral of the case to the police of the commune where the offence happened has started. */
    void referred(UUID referralId, UUID caseId, String policeCommuneCode, Source source);

    /** The investigation agency extended its deadline (complex case, CPC Art. 147). */
    void investigationExtended(UUID referralId, Instant newDueAt);
}
