package vn.childprotection.directory;

import java.io.Serializable;

/** A role held for one unit: a commune for commune roles, a province for supervisors, none for national roles. */
public record RoleGrant(Role role, String communeCode, String provinceCode) implements Serializable {

    /** The engine group this grant puts its holder in, e.g. {@code worker-00004}. */
    public String group() {
        return switch (role) {
            case WORKER -> CandidateGroups.worker(communeCode);
            case CHAIR -> CandidateGroups.chair(communeCode);
            case POLICE -> CandidateGroups.police(communeCode);
            case SUPERVISOR -> CandidateGroups.supervisor(provinceCode);
            case POLICE_SUPERVISOR -> CandidateGroups.policeSupervisor(provinceCode);
            case INTAKE -> CandidateGroups.INTAKE;
            case ADMIN -> CandidateGroups.ADMIN;
        };
    }
}
