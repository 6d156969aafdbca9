package vn.childprotection.cases;

import java.time.Instant;
import java.util.UUID;

/** An initial assessment of danger as the case file keeps it; its form is steps.InitialAssessmentStep. */
public record InitialAssessment(UUID id, UUID caseId, String taskId, DangerLevel dangerLevel, boolean immediateDanger,
                                boolean crimeSuspected, String summary, String assessedBy, Instant assessedAt) {

    public enum DangerLevel {
        HIGH,
        MEDIUM,
        LOW
    }
}
