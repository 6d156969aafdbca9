package vn.childprotection.staff;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.childprotection.directory.Directory;
import vn.childprotection.directory.Role;
import vn.childprotection.directory.RoleGrant;
import vn.childprotection.directory.StaffAccounts.Account;
import vn.childprotection.security.StaffPrincipal;

/**
 * How far a supervisor reaches among staff: they see the people holding a role in a province they supervise, and
 * give (and so manage) commune roles (worker, chair, commune police) of its communes only. Being province police
 * elsewhere gives no reach there.
 */
@Component
class StaffReach {

    private final Directory directory;

    StaffReach(Directory directory) {
        this.directory = directory;
    }

    boolean supervisorMayGrant(StaffPrincipal manager, RoleGrant grant) {
        if (grant.communeCode() == null || !Set.of(Role.WORKER, Role.CHAIR, Role.POLICE).contains(grant.role())) {
            return false;
        }
        return directory.commune(grant.communeCode())
                .map(c -> supervised(manager).contains(c.provinceCode())).orElse(false);
    }

    boolean sees(StaffPrincipal manager, Account account) {
        if (StaffAdministration.admin(manager)) {
            return true;
        }
        Set<String> provinces = supervised(manager);
        return account.grants().stream().anyMatch(g -> (g.provinceCode() != null && provinces.contains(g.provinceCode()))
                || (g.communeCode() != null && directory.commune(g.communeCode())
                        .map(c -> provinces.contains(c.provinceCode())).orElse(false)));
    }

    /** The provinces a person supervises (not those they are province police of). */
    static Set<String> supervised(StaffPrincipal manager) {
        return manager.user().grants().stream().filter(g -> g.role() == Role.SUPERVISOR).map(RoleGrant::provinceCode)
                .collect(Collectors.toUnmodifiableSet());
    }
}
