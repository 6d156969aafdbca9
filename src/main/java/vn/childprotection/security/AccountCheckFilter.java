package vn.childprotection.security;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import vn.childprotection.common.Messages;
import vn.childprotection.directory.Directory;
import vn.childprotection.directory.StaffUser;

/**
 * A signed-in person follows the directory on every request (before the second factor is asked for, so that it is
 * asked of the roles they hold now): an account disabled, or whose password was reset
 * or changed elsewhere, ends its sessions at their next request; roles changed take effect at once. A person
 * still holding a one-time password goes nowhere but the password change (the page, or {@code POST
 * /api/me/password}; every other API call answers 403 saying so).
 */
class AccountCheckFilter extends OncePerRequestFilter {

    /** Where a person with a one-time password may go (the second factor first, where their role needs one). */
    private static final Set<String> OPEN = Set.of("/password", "/api/me/password", "/api/me", "/logout", "/login",
            "/error", "/favicon.ico", "/second-factor", "/second-factor/enrol");

    private final Directory directory;
    private final Messages messages;
    private final LocaleResolver locales;
    private final SessionPrincipal principals = new SessionPrincipal();

    AccountCheckFilter(Directory directory, Messages messages, LocaleResolver locales) {
        this.directory = directory;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof StaffPrincipal)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")) {
            chain.doFilter(request, response);
            return;
        }
        boolean api = path.startsWith("/api/");
        StaffPrincipal principal = (StaffPrincipal) auth.getPrincipal();
        StaffUser user = principal.user();
        // read the person again, whatever signed them in: a session (also one sent with a Basic header, which Spring
        // Security lets stand without checking the password again) may carry a person disabled, reset or moved since
        Optional<StaffUser> now = directory.user(user.username());
        if (now.isEmpty() || !now.get().enabled() || !now.get().passwordHash().equals(user.passwordHash())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            if (api) {
                problem(response, HttpServletResponse.SC_UNAUTHORIZED,
                        messages.textIn(locales.resolveLocale(request), "security.sessionEnded"));
            } else {
                response.sendRedirect(request.getContextPath() + "/login?ended");
            }
            return;
        }
        if (!now.get().equals(user)) {
            user = now.get();
            principals.replace(user, request, response);
        }
        if (!user.mustChangePassword() || OPEN.contains(path)) {
            chain.doFilter(request, response);
            return;
        }
        if (api) {
            problem(response, HttpServletResponse.SC_FORBIDDEN,
                    messages.textIn(locales.resolveLocale(request), "security.mustChangePassword"));
        } else {
            response.sendRedirect(request.getContextPath() + "/password");
        }
    }

    /** Puts the person as the directory now holds them in this request and, from now on, in its session. */
    static final class SessionPrincipal {

        private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

        void replace(StaffUser user, HttpServletRequest request, HttpServletResponse response) {
            StaffPrincipal fresh = new StaffPrincipal(user);
            Authentication previous = SecurityContextHolder.getContext().getAuthentication();
            UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(fresh, null,
                    fresh.getAuthorities());
            token.setDetails(previous == null ? null : previous.getDetails());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(token);
            SecurityContextHolder.setContext(context);
            if (request.getSession(false) != null) {
                sessions.saveContext(context, request, response);
            }
        }
    }

    private static void problem(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String escaped = detail.replace("\\", "\\\\").replace("\"", "\\\"");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + (status == 401 ? "Unauthorized" : "Forbidden")
                + "\",\"status\":" + status + ",\"detail\":\"" + escaped + "\"}");
    }
}
