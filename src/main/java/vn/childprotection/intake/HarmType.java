package vn.childprotection.intake;

/** Forms of abuse (Law on Children Art. 4.5, ND56 Art. 33). */
enum HarmType {
    PHYSICAL_VIOLENCE,
    PSYCHOLOGICAL_VIOLENCE,
    SEXUAL_ABUSE,
    EXPLOITATION,
    CHILD_LABOUR,
    TRAFFICKING,
    ABANDONMENT,
    NEGLECT,
    ONLINE_ABUSE,
    OTHER
}
