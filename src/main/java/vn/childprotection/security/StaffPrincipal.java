package vn.childprotection.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import vn.childprotection.directory.Role;
import vn.childprotection.directory.StaffUser;

/** The signed-in member of staff: who they are, their roles and their jurisdiction. */
public final class StaffPrincipal implements UserDetails {

    private final StaffUser user;

    public StaffPrincipal(StaffUser user) {
        this.user = user;
    }

    public StaffUser user() {
        return user;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    public String displayName() {
        return user.displayName();
    }

    public boolean hasRole(Role role) {
        return user.hasRole(role);
    }

    public Set<String> communeCodes() {
        return user.communeCodes();
    }

    public Set<String> provinceCodes() {
        return user.provinceCodes();
    }

    /** Candidate groups the user may claim work from. */
    public Set<String> groups() {
        return user.groups();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public String getPassword() {
        return user.passwordHash();
    }

    @Override
    public boolean isEnabled() {
        return user.enabled();
    }

    @Override
    public String toString() {
        return "StaffPrincipal[" + user.username() + ", " + List.copyOf(user.roles()) + "]";
    }
}
