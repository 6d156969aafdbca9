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

    public static String policeSupervisor(String provinceCode) {
        return "police-supervisor-" + provinceCode;
    }

    public static String supervisor(String provinceCode) {
        return "supervisor-" + provinceCode;
    }

    /** Groups of the police: commune police and the province police supervisors. */
    public static boolean isPolice(String group) {
        return group.startsWith("police-");
    }

    /** The same role's group in the commune (or province) a case moved to. */
    public static String moved(String group, String communeCode, String provinceCode) {
        if (isPolice(group)) {
            // police work stays with the police of the place where the offence happened
            return group;
        }
        String role = group.substring(0, group.indexOf('-') + 1);
        return switch (role) {
            case "worker-", "chair-" -> role + communeCode;
            case "supervisor-" -> role + provinceCode;
            default -> group;
        };
    }

    /** A commune group (worker, chair, commune police) of one of the merged communes, as the commune they merged into. */
    public static String merged(String group, java.util.Collection<String> fromCommunes, String intoCommune) {
        for (String role : new String[] {"worker-", "chair-", "police-"}) {
            if (group.startsWith(role) && fromCommunes.contains(group.substring(role.length()))) {
                return role + intoCommune;
            }
        }
        return group;
    }
}
