package vn.childprotection.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The police side of a case (acknowledgement, investigation outcome); the police feature implements it. */
public interface CasePoliceRecords {

    List<PoliceRecord> forCase(UUID caseId);

    record PoliceRecord(String kind, String recordNumber, String officer, String outcome, String detail,
                        String recordedBy, Instant recordedAt) {
    }
}
