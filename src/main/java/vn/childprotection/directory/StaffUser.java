package vn.childprotection.directory;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A member of staff with the roles and units they hold; {@code mustChangePassword} while they still sign in with a
 * one-time password an administrator gave them.
 */
public record StaffUser(String username, String displayName, String passwordHash, boolean enabled, boolean demo,
                        boolean mustChangePassword, List<RoleGrant> grants) implements Serializable {

    public Set<Role> roles() {
        return grants.stream().map(RoleGrant::role).collect(Collectors.toUnmodifiableSet());
    }

    public boolean hasRole(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    public Set<String> communeCodes() {
        return grants.stream().map(RoleGrant::communeCode).filter(c -> c != null)
                .collect(Collectors.toUnmodifiableSet());
    }

    public Set<String> provinceCodes() {
        return grants.stream().map(RoleGrant::provinceCode).filter(p -> p != null)
                .collect(Collectors.toUnmodifiableSet());
    }

    public Set<String> groups() {
        return grants.stream().map(RoleGrant::group).collect(Collectors.toUnmodifiableSet());
    }
}
