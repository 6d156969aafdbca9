package vn.childprotection.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The API's versions. {@code /api/v1/…} is the API, version 1: it is served by the same controllers, security rules
 * and filters as the unversioned {@code /api/…}, which this filter hands it to, first of all (before the size limit,
 * sign-in and jurisdiction), and whose {@code Location}s it answers under {@code /api/v1/} again. The unversioned
 * paths go on answering as before, marked deprecated (RFC 9745 {@code Deprecation}, with a {@code Link} to the
 * version that replaces them), so that integrators move at their own pace. What a breaking change is and how it is
 * announced: README, "Integrating another system".
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiVersions extends OncePerRequestFilter {

    static final String CURRENT = "/api/v1";
    /** The day version 1 was published and the unversioned paths deprecated (2026-12-07 00:00, Vietnam). */
    static final String DEPRECATED_SINCE = "@1796576400";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String context = request.getContextPath();
        String path = request.getRequestURI().substring(context.length());
        if (path.equals(CURRENT) || path.startsWith(CURRENT + "/")) {
            String unversioned = "/api" + path.substring(CURRENT.length());
            chain.doFilter(new Unversioned(request, context, unversioned), new Versioned(response, context));
            return;
        }
        if (path.startsWith("/api/")) {
            response.setHeader("Deprecation", DEPRECATED_SINCE);
            response.setHeader("Link", "<" + context + CURRENT + path.substring("/api".length())
                    + ">; rel=\"successor-version\"");
        }
        chain.doFilter(request, response);
    }

    /** A request to {@code /api/v1/x} as the application knows it: {@code /api/x}. */
    private static final class Unversioned extends HttpServletRequestWrapper {

        private final String uri;
        private final String servletPath;

        Unversioned(HttpServletRequest request, String context, String path) {
            super(request);
            this.uri = context + path;
            this.servletPath = path;
        }

        @Override
        public String getRequestURI() {
            return uri;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer(getScheme()).append("://").append(getServerName());
            int port = getServerPort();
            if (!("http".equals(getScheme()) && port == 80) && !("https".equals(getScheme()) && port == 443)) {
                url.append(':').append(port);
            }
            return url.append(uri);
        }

        @Override
        public String getServletPath() {
            return servletPath;
        }

        @Override
        public String getPathInfo() {
            return null;
        }
    }

    /** The answer to a {@code /api/v1/} request points to {@code /api/v1/} again. */
    private static final class Versioned extends HttpServletResponseWrapper {

        private final String context;

        Versioned(HttpServletResponse response, String context) {
            super(response);
            this.context = context;
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, versioned(name, value));
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, versioned(name, value));
        }

        private String versioned(String name, String value) {
            if ("Location".equalsIgnoreCase(name) && value != null && value.startsWith(context + "/api/")
                    && !value.startsWith(context + CURRENT + "/")) {
                return context + CURRENT + value.substring((context + "/api").length());
            }
            return value;
        }
    }
}
