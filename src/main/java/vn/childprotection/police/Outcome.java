package vn.childprotection.police;

/**
 * The investigation agency's decision (Criminal Procedure Code Art. 147), and what may follow it on the
 * same referral: an extension for a complex case, a reopened case, a prosecution, a court decision.
 */
enum Outcome {
    CASE_OPENED,
    NOT_OPENED,
    SUSPENDED,
    TRANSFERRED,
    /** A complex case: the deadline moves to 2 months from the forwarding, once more by 2 months. */
    EXTENDED,
    REOPENED,
    PROSECUTED,
    COURT_DECISION
}
