package vn.childprotection.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;

import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import vn.childprotection.ApiTestBase;

/**
 * A database out of reach is 503 with Retry-After, whatever layer noticed it; anything else is left alone. The
 * filter of the running application is driven with a chain that fails as the real ones do when PostgreSQL is
 * down (the cluster suite restarts PostgreSQL under load for the whole path).
 */
class DatabaseOutageTest extends ApiTestBase {

    @Autowired
    @Qualifier("databaseOutageAnswers")
    FilterRegistrationBean<OncePerRequestFilter> outage;

    @Test
    void anApiCallWhileThePoolGetsNoConnectionIs503ProblemDetailsWithRetryAfter() throws Exception {
        MockHttpServletResponse response = run(api(), (req, res) -> {
            res.getWriter().write("half an answer");
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":503")
                .contains("Hệ thống tạm thời gián đoạn").doesNotContain("half an answer");
        // as the API's contract says POST /api/v1/reports answers a database out of reach
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        response.getHeaderNames().forEach(name -> headers.addAll(name, response.getHeaders(name)));
        assertThat(vn.childprotection.Contract.served(http).problems(
                org.springframework.http.HttpMethod.POST, "/api/reports", org.springframework.http.ResponseEntity
                        .status(503).headers(headers).body(response.getContentAsString()))).isEmpty();
    }

    @Test
    void theEnginesWrappedConnectionFailureIs503Too() throws Exception {
        // what Camunda throws when PostgreSQL shuts down under it: SQL state 57P01 inside MyBatis inside the engine
        SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        MockHttpServletResponse response = run(api(), (req, res) -> {
            throw new ProcessEngineException("ENGINE-03004", new PersistenceException(terminated));
        });
        assertThat(response.getStatus()).isEqualTo(503);
    }

    @Test
    void aFailureWhoseRollbackFailedTooIs503() throws Exception {
        // seen when PostgreSQL restarted under load: the statement failed, then the rollback on the dead connection
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("An I/O error occurred while sending "
                + "to the backend.", new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        MockHttpServletResponse response = run(api(), (req, res) -> {
            throw rollback;
        });
        assertThat(response.getStatus()).isEqualTo(503);
    }

    @Test
    void aPageIsAShortPageInThePersonsLanguage() throws Exception {
        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/tasks");
        page.addHeader("Accept", "text/html,application/xhtml+xml");
        page.setCookies(new Cookie("lang", "en"));
        MockHttpServletResponse response = run(page, (req, res) -> {
            throw new jakarta.servlet.ServletException(new org.springframework.transaction.CannotCreateTransactionException(
                    "Could not open JDBC Connection for transaction"));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString()).contains("Service briefly unavailable").contains("nothing was saved");
    }

    @Test
    void otherFailuresAreNotTakenForAnOutage() {
        assertThatThrownBy(() -> run(api(), (req, res) -> {
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);
        SQLException constraint = new SQLException("duplicate key value violates unique constraint", "23505");
        assertThat(DatabaseOutage.unreachable(new RuntimeException(constraint))).isFalse();
        assertThat(DatabaseOutage.unreachable(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
    }

    private static MockHttpServletRequest api() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/reports");
        request.addHeader("Accept", "application/json");
        return request;
    }

    private MockHttpServletResponse run(MockHttpServletRequest request, FilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        outage.getFilter().doFilter(request, response, chain);
        return response;
    }
}
