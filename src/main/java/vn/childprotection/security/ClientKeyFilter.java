package vn.childprotection.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signs in a client system by its key ({@code Authorization: Bearer cpk_…}) for this one request, and holds it to its
 * rate: over it, 429 with {@code Retry-After}. A key that is not one, or was revoked, is 401. Any other
 * Authorization (Basic for people) goes on to the usual sign-in.
 */
final class ClientKeyFilter extends OncePerRequestFilter {

    /** Writes a problem answer: status, detail's message key. */
    interface Problems {
        void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
                throws IOException;
    }

    private final ClientSystems clients;
    private final Problems problems;

    ClientKeyFilter(ClientSystems clients, Problems problems) {
        this.clients = clients;
        this.problems = problems;
    }

    /** Whether the request says it is a client system's: {@code Authorization: Bearer …}. */
    static boolean carriesKey(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesKey(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ClientPrincipal> client = clients.authenticate(
                request.getHeader(HttpHeaders.AUTHORIZATION).substring("Bearer ".length()).strip());
        if (client.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "client.invalidKey");
            return;
        }
        Optional<Duration> wait = clients.overRate(client.get().id(), client.get().requestsPerMinute());
        if (wait.isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.get().toSeconds() + 1)));
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "client.overRate");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(client.get(), null,
                client.get().authorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
