package vn.childprotection.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Errors that never reach a controller answer in problem details too, and oversized forms are not waited for: a request Spring Security's firewall
 * refuses (an encoded slash, a semicolon in the path), a request to {@code /error} itself, and any error
 * Tomcat would otherwise answer with its own HTML page.
 */
@Configuration
class ContainerErrors {

    static void problem(HttpServletResponse response, int status, String title) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + "}");
    }

    @Bean
    RequestRejectedHandler firewallRefusalsAsProblems() {
        return (request, response, rejected) -> problem(response, HttpServletResponse.SC_BAD_REQUEST, "Bad Request");
    }

    /** {@code /error} is where errors are shown, not a page anyone asks for: asked for, it does not exist. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> noDirectErrorRequests() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws IOException, jakarta.servlet.ServletException {
                if (request.getDispatcherType() == DispatcherType.REQUEST
                        && request.getRequestURI().equals(request.getContextPath() + "/error")) {
                    problem(response, HttpServletResponse.SC_NOT_FOUND, "Not Found");
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/error");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /**
     * An error the container reports after the application has answered (a multipart body over its limit, found as
     * it was read) adds nothing to the answer already sent.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> nothingAfterTheAnswer() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws IOException, jakarta.servlet.ServletException {
                if (!response.isCommitted()) {
                    chain.doFilter(request, response);
                }
            }

            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return false;
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/error");
        registration.setDispatcherTypes(DispatcherType.INCLUDE, DispatcherType.ERROR);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
            // a form over max-http-form-post-size is dropped unread and its connection closed: a sender who
            // declares a large body and sends it slowly does not hold a thread waiting for it
            context.setSwallowAbortedUploads(false);
        });
    }

    /**
     * Tomcat's own error answers (no body written by the application) as problem details, not HTML. Public:
     * Tomcat creates it by its name.
     */
    public static class ProblemErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"about:blank\",\"status\":" + status + "}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone: nothing more to say
            }
        }
    }
}
