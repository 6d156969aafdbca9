package vn.childprotection.workflow.identity;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import vn.childprotection.audit.AuditTrail;

/**
 * What administrators may do in the engine's own API ({@code /engine-rest}, and the same API under
 * {@code /camunda/api/engine} that Cockpit and Tasklist use): operate the engine (look at processes,
 * incidents and jobs, retry a job, annotate an incident, clean up history), never change a case or read
 * its content. A case changes only through the application, which stores the form, checks it and writes
 * the audit trail; every refused attempt is itself written to the audit trail. See ADR 0007.
 */
@Configuration
class EngineOperationsGuard {

    /** Changes an administrator needs to operate the engine; every other change is refused. */
    private static final Pattern ALLOWED_CHANGES = Pattern.compile(
            "^/(job/[^/]+/retries|job/retries|job-definition/[^/]+/retries|incident/[^/]+/annotation"
                    + "|history-cleanup(/.*)?)$");
    /** Queries sent as POST (Cockpit does): a collection, or its count, with no id in the path. */
    private static final Pattern QUERY = Pattern.compile("^/(history/)?([a-z-]+)(/count)?$");
    private static final Set<String> QUERYABLE = Set.of("process-instance", "process-definition", "task", "job",
            "job-definition", "incident", "execution", "activity-instance", "deployment", "decision-definition",
            "decision-instance", "job-log", "user-operation", "batch", "external-task", "case-instance", "filter");
    /** Case content: variables (values and filters on them), form data, variable history. */
    /** The engine API as the webapps call it: {@code /camunda/api/engine/engine/default/task}. */
    private static final Pattern WEBAPP_ENGINE_API = Pattern.compile("^/camunda/api/engine/engine/[^/]+(/.*)$");
    private static final Pattern CASE_CONTENT = Pattern.compile("variable|/history/detail|form|/filter/[^/]+/(list|count)",
            Pattern.CASE_INSENSITIVE);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineOperationsGuardFilter(AuditTrail audit, TransactionTemplate tx) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = enginePath(request);
                if (path == null) {
                    chain.doFilter(request, response);
                    return;
                }
                HttpServletRequest checked = request;
                String refusal = null;
                String method = request.getMethod().toUpperCase(Locale.ROOT);
                String query = request.getQueryString() == null ? "" : request.getQueryString();
                boolean plugin = path.startsWith("/plugin/");
                if (CASE_CONTENT.matcher(path).find() || CASE_CONTENT.matcher(query).find()) {
                    refusal = "case content";
                } else if (plugin) {
                    // Cockpit's own read views: case content is refused above, the rest is operations
                    refusal = null;
                } else if (method.equals("POST") && isQuery(path)) {
                    byte[] body = request.getInputStream().readNBytes(256 * 1024);
                    if (CASE_CONTENT.matcher(new String(body, StandardCharsets.UTF_8)).find()) {
                        refusal = "case content";
                    }
                    checked = replay(request, body);
                } else if (!Set.of("GET", "HEAD", "OPTIONS").contains(method) && !ALLOWED_CHANGES.matcher(path).matches()) {
                    refusal = "case change";
                }
                if (refusal == null) {
                    chain.doFilter(checked, response);
                    return;
                }
                String detail = refusal + ": " + method + " " + request.getRequestURI();
                tx.executeWithoutResult(status -> audit.record("ENGINE_OPERATION_REFUSED", null, detail));
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                        + "\"detail\":\"Cases change only through the application, and their content is not shown "
                        + "here; this attempt was recorded in the audit trail.\"}");
            }
        });
        // after Spring Security's chain (an administrator is signed in), before the engine's API
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        return registration;
    }

    /** The engine API path of the request ({@code /task/1/complete}), or null when it is not the engine API. */
    static String enginePath(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        if (uri.startsWith("/engine-rest/")) {
            return uri.substring("/engine-rest".length());
        }
        var webapp = WEBAPP_ENGINE_API.matcher(uri);
        if (webapp.matches()) {
            return webapp.group(1);
        }
        // the webapps' own plugins read case data too (Cockpit's process instance views)
        if (uri.startsWith("/camunda/api/cockpit/plugin/")) {
            return uri.substring("/camunda/api/cockpit".length());
        }
        return null;
    }

    static boolean isQuery(String path) {
        var m = QUERY.matcher(path);
        return m.matches() && QUERYABLE.contains(m.group(2));
    }

    private static HttpServletRequest replay(HttpServletRequest request, byte[] body) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() {
                ByteArrayInputStream in = new ByteArrayInputStream(body);
                return new ServletInputStream() {
                    @Override
                    public int read() {
                        return in.read();
                    }

                    @Override
                    public boolean isFinished() {
                        return in.available() == 0;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        // the whole body is already in memory: it is available now, and all of it
                        try {
                            listener.onDataAvailable();
                            listener.onAllDataRead();
                        } catch (IOException e) {
                            listener.onError(e);
                        }
                    }
                };
            }

            @Override
            public BufferedReader getReader() {
                return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
            }
        };
    }
}
