package vn.childprotection.cases;

import java.time.Instant;
import java.util.UUID;

/** Initial assessment of danger (Mau 02). */
public record InitialAssessment(UUID id, UUID caseId, String taskId, DangerLevel dangerLevel, boolean immediateDanger,
                                boolean crimeSuspected, String summary, String assessedBy, Instant assessedAt) {

    public enum DangerLevel {
        HIGH,
        MEDIUM,
        LOW
    }
}
