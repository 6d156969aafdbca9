package vn.childprotection.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.childprotection.common.Messages;

/**
 * A database that cannot be reached (restarting, failing over, the pool waiting in vain for a connection) is
 * {@code 503 Service Unavailable} with {@code Retry-After}, not a bare {@code 500}: callers and the load balancer
 * know to come back, and nothing was stored (the transaction never began or was rolled back). Readiness goes down
 * with the database meanwhile ({@code management.endpoint.health.group.readiness}). Runs outside every other filter,
 * the page sessions' store included, which needs the database too.
 */
@Configuration
class DatabaseOutage {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseOutageAnswers(Messages messages, LocaleResolver locales,
            ObjectMapper json, @Value("${child-protection.database-outage.retry-after:PT10S}") Duration retryAfter) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } catch (ServletException | IOException | RuntimeException e) {
                    if (!unreachable(e) || response.isCommitted()) {
                        throw e;
                    }
                    log.warn("database unreachable, answered 503 to {} {}: {}", request.getMethod(),
                            request.getRequestURI(), rootMessage(e));
                    answer(request, response, messages, locales, json, retryAfter);
                }
            }

            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return false;
            }
        });
        // before the page sessions (Spring Session's filter is at Integer.MIN_VALUE + 50) and security
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Whether the failure is the database being out of reach, anywhere in its causes. */
    static boolean unreachable(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 30; t = t.getCause(), depth++) {
            // the rollback after the failure failed too (its connection gone): the failure is in the first one
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && rollback.getApplicationException() != failure && unreachable(rollback.getApplicationException())) {
                return true;
            }
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            // SQL state class 08: connection exception; 57P01-57P03: the server shutting down or starting
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, Messages messages,
                               LocaleResolver locales, ObjectMapper json, Duration retryAfter) throws IOException {
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        response.setHeader("Cache-Control", "no-store");
        Locale locale = locales.resolveLocale(request);
        String title = messages.textIn(locale, "outage.title");
        String detail = messages.textIn(locale, "outage.detail");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        byte[] body;
        if (path.startsWith("/api/") || accept == null || !accept.contains("text/html")) {
            response.setContentType("application/problem+json;charset=UTF-8");
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
            problem.setTitle(title);
            body = json.writeValueAsBytes(problem);
        } else {
            response.setContentType("text/html;charset=UTF-8");
            body = ("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                    + HtmlUtils.htmlEscape(title) + "</title></head><body><main><h1>" + HtmlUtils.htmlEscape(title)
                    + "</h1><p>" + HtmlUtils.htmlEscape(detail) + "</p></main></body></html>").getBytes(StandardCharsets.UTF_8);
        }
        // bytes, not the writer: whatever the failed request had begun to write with is gone with the reset
        response.getOutputStream().write(body);
    }
}
