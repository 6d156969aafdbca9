package vn.childprotection.intake;

/** Where the harm happened. */
public enum Setting {
    FAMILY,
    SCHOOL,
    COMMUNITY,
    ONLINE,
    WORKPLACE,
    CARE_FACILITY,
    OTHER,
    UNKNOWN
}
