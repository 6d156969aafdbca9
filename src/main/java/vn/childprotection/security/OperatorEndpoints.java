package vn.childprotection.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Who may read {@code /actuator/info} (the node's name) and {@code /actuator/prometheus} (metrics): a monitoring
 * system sending {@code Authorization: Bearer} with the scrape token ({@code child-protection.metrics.token};
 * none set, none accepted), or a signed-in administrator. Health stays open: load balancers ask it.
 */
@Component
class OperatorEndpoints implements AuthorizationManager<RequestAuthorizationContext> {

    private final byte[] token;

    OperatorEndpoints(@Value("${child-protection.metrics.token:}") String token) {
        this.token = token.strip().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        String header = context.getRequest().getHeader(HttpHeaders.AUTHORIZATION);
        if (token.length > 0 && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
            return new AuthorizationDecision(MessageDigest.isEqual(token, given));
        }
        Authentication who = authentication.get();
        return new AuthorizationDecision(who != null && who.isAuthenticated()
                && who.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority())));
    }
}
