package vn.childprotection.police;

/** The investigation agency's decision (Criminal Procedure Code Art. 147). */
public enum Outcome {
    CASE_OPENED,
    NOT_OPENED,
    SUSPENDED,
    TRANSFERRED
}
