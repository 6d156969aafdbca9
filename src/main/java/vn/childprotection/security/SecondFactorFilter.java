package vn.childprotection.security;

import java.io.IOException;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * After the password, the second factor: a page session of a user who needs one goes nowhere but the
 * second-factor pages until a code was given; an HTTP Basic call carries its code in the
 * {@code X-Second-Factor} header or is refused (401).
 */
class SecondFactorFilter extends OncePerRequestFilter {

    static final String SESSION_DONE = SecondFactorFilter.class.getName() + ".done";
    static final String HEADER = "X-Second-Factor";
    private static final Set<String> OPEN = Set.of("/second-factor", "/second-factor/enrol", "/logout", "/login",
            "/error", "/favicon.ico");

    private final SecondFactor secondFactor;

    SecondFactorFilter(SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof StaffPrincipal user) || !secondFactor.requiredFor(user)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            // a call that signs in on its own carries its code with it
            if (secondFactor.verify(user.getUsername(), request.getHeader(HEADER))) {
                chain.doFilter(request, response);
            } else {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"child-protection\"");
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"A second factor is needed: the code of the authenticator app in the "
                        + HEADER + " header.\"}");
            }
            return;
        }
        HttpSession session = request.getSession(false);
        boolean done = session != null && user.getUsername().equals(session.getAttribute(SESSION_DONE));
        if (done || OPEN.contains(path) || path.startsWith("/css/") || path.startsWith("/webjars/")
                || path.startsWith("/js/")) {
            chain.doFilter(request, response);
            return;
        }
        if (path.startsWith("/api/")) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401}");
            return;
        }
        response.sendRedirect(request.getContextPath()
                + (secondFactor.enrolled(user.getUsername()) ? "/second-factor" : "/second-factor/enrol"));
    }
}
