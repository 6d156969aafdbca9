package vn.childprotection.intake;

/** How the report reached us. */
enum Channel {
    HOTLINE_111,
    WALK_IN,
    PHONE,
    POLICE,
    SCHOOL,
    HEALTH_FACILITY,
    ONLINE,
    OTHER
}
