package vn.childprotection.intake;

/** Where the harm happened. */
enum Setting {
    FAMILY,
    SCHOOL,
    COMMUNITY,
    ONLINE,
    WORKPLACE,
    CARE_FACILITY,
    OTHER,
    UNKNOWN
}
