package vn.childprotection.process;

import java.util.UUID;

/** What the process needs to run a new case: references and the first report's routing facts. */
public record CaseStart(UUID caseId, String caseNumber, String communeCode, String provinceCode, ReportRouting report) {
}
