package vn.childprotection.workflow;

import java.time.Instant;
import java.util.UUID;

/** What the process needs to run a new case: references and routing facts only. */
public record CaseStart(UUID caseId, String caseNumber, String communeCode, String provinceCode, Instant receivedAt) {
}
