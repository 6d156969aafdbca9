package vn.childprotection.cases;

public enum CaseStatus {
    OPEN,
    CLOSED
}
