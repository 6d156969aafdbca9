package vn.childprotection.intake;

/** The alleged abuser's relation to the child. */
enum AbuserRelationship {
    PARENT,
    STEP_PARENT,
    RELATIVE,
    CAREGIVER,
    TEACHER,
    ACQUAINTANCE,
    STRANGER,
    OTHER,
    UNKNOWN;

    /** A parent, step-parent or caregiver as alleged abuser calls for emergency protection (ND56 Art. 26). */
    public boolean isCaregiver() {
        return this == PARENT || this == STEP_PARENT || this == CAREGIVER;
    }
}
