package vn.childprotection.cases;

import java.util.UUID;

/** The child moved: the case now belongs to another commune; published in the transaction that moves it. */
public record CaseMoved(UUID caseId, String communeCode, String provinceCode) {
}
