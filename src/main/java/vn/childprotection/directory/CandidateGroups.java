package vn.childprotection.directory;

/**
 * Group ids carry the jurisdiction; the same strings are the engine's candidate groups,
 * so the engine, the Camunda webapps and the application agree on who may do what.
 */
public final class CandidateGroups {

    public static final String INTAKE = "intake";
    /** Camunda's own administrators group: members may use Cockpit, Tasklist and Admin. */
    public static final String ADMIN = "camunda-admin";

    private CandidateGroups() {
    }

    public static String worker(String communeCode) {
        return "worker-" + communeCode;
    }

    public static String chair(String communeCode) {
        return "chair-" + communeCode;
    }

    public static String police(String communeCode) {
        return "police-" + communeCode;
    }

    public static String supervisor(String provinceCode) {
        return "supervisor-" + provinceCode;
    }

    /** The same role's group in the commune (or province) a case moved to. */
    public static String moved(String group, String communeCode, String provinceCode) {
        String role = group.substring(0, group.indexOf('-') + 1);
        return switch (role) {
            case "worker-", "chair-", "police-" -> role + communeCode;
            case "supervisor-" -> role + provinceCode;
            default -> group;
        };
    }
}
