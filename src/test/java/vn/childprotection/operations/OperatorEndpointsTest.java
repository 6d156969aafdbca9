package vn.childprotection.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import vn.childprotection.ApiTestBase;

/**
 * What operators read: the node's name at /actuator/info and the metrics at /actuator/prometheus, for an
 * administrator or a monitoring system with the scrape token (none set here: none accepted), nobody else.
 */
class OperatorEndpointsTest extends ApiTestBase {

    @Autowired
    ServiceMetrics serviceMetrics;

    @Test
    void metricsShowIntakeTasksAndTheEnginesJobsToAnAdministratorOnly() {
        openCase(COMMUNE_A);
        serviceMetrics.refresh();

        ResponseEntity<String> admin = fetch("/actuator/prometheus", "admin", null);
        assertThat(admin.getStatusCode().value()).isEqualTo(200);
        assertThat(admin.getBody())
                .contains("childprotection_reports_received_total{channel=\"HOTLINE_111\"")
                .containsPattern("childprotection_tasks_open\\{.*type=\"INITIAL_ASSESSMENT\".*} [1-9]")
                .contains("childprotection_tasks_overdue{")
                .contains("childprotection_engine_jobs_due{")
                .contains("childprotection_engine_job_acquisition_attempt_total{")
                .contains("childprotection_engine_job_successful_total{")
                // every metric names the node that reported it
                .containsPattern("childprotection_tasks_overdue\\{.*node=\"[^\"]+\"");

        for (ResponseEntity<String> refused : new ResponseEntity[] {fetch("/actuator/prometheus", null, null),
                fetch("/actuator/prometheus", "worker.a", null), fetch("/actuator/prometheus", null, "made-up"),
                fetch("/actuator/info", "supervisor.p", null)}) {
            // refused: 401/403, or the way to the sign-in page
            assertThat(refused.getBody()).doesNotContain("childprotection_").doesNotContain("{\"node\"");
        }
    }

    @Test
    void infoNamesTheNode() {
        ResponseEntity<String> info = fetch("/actuator/info", "admin", null);
        assertThat(info.getStatusCode().value()).isEqualTo(200);
        assertThat(info.getBody()).matches("\\{\"node\":\\{\"id\":\"[A-Za-z0-9._-]+\"}}");
    }

    private ResponseEntity<String> fetch(String path, String user, String bearer) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, PASSWORD);
        }
        if (bearer != null) {
            headers.setBearerAuth(bearer);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
