package vn.childprotection.directory;

/** The roles of DOMAIN.md; each maps to the candidate groups it works from. */
public enum Role {
    INTAKE,
    WORKER,
    CHAIR,
    POLICE,
    SUPERVISOR,
    /** Province police (Công an tỉnh): receives escalations of police deadlines. */
    POLICE_SUPERVISOR,
    ADMIN
}
