package vn.childprotection.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Another system calling the API with its key (a hotline's call software): not a person, no role of staff. It may
 * do what its scopes say, for the communes and provinces it was registered for, and nothing else: every other API
 * path refuses it (SecurityConfig), the pages do not know it. Audited and recorded under {@link #getName()}.
 */
public final class ClientPrincipal implements AuthenticatedPrincipal {

    /** Callers' names of systems start with this; staff usernames cannot contain ':'. */
    public static final String PREFIX = "client:";

    private final UUID id;
    private final String name;
    private final Set<String> units;
    private final Set<String> scopes;
    private final int requestsPerMinute;

    ClientPrincipal(UUID id, String name, Set<String> units, Set<String> scopes, int requestsPerMinute) {
        this.id = id;
        this.name = name;
        this.units = Set.copyOf(units);
        this.scopes = Set.copyOf(scopes);
        this.requestsPerMinute = requestsPerMinute;
    }

    UUID id() {
        return id;
    }

    int requestsPerMinute() {
        return requestsPerMinute;
    }

    /** {@code client:} and the system's registered name, as the audit trail and the reports record it. */
    @Override
    public String getName() {
        return PREFIX + name;
    }

    /** Whether the system may file a report about a child in this commune (or its province). */
    public boolean mayReportFor(String communeCode, String provinceCode) {
        return units.contains(communeCode) || units.contains(provinceCode);
    }

    Collection<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_CLIENT"));
        scopes.forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        return authorities;
    }

    @Override
    public String toString() {
        return "ClientPrincipal[" + name + ", " + scopes + "]";
    }
}
