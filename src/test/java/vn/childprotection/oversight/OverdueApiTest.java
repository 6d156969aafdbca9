package vn.childprotection.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.childprotection.ApiTestBase;

/** The supervisor's view of open work past its legal deadline, in their province only. */
class OverdueApiTest extends ApiTestBase {

    private String lateReport(String commune, int hoursAgo) {
        Map<String, Object> report = report(commune);
        report.put("receivedAt", OffsetDateTime.now(ZoneOffset.ofHours(7)).minusHours(hoursAgo).withNano(0).toString());
        Reply reply = post("intake", "/api/reports", report);
        assertThat(reply.status()).isEqualTo(201);
        return reply.body().get("caseNumber").asText();
    }

    @Test
    void supervisorsSeeOverdueWorkOfTheirProvinceLongestOverdueFirst() {
        String overdueA = lateReport(COMMUNE_A, 15);
        String overdueB = lateReport(COMMUNE_B, 20);
        String onTime = lateReport(COMMUNE_A, 1);
        String otherProvince = lateReport(COMMUNE_C, 15);

        Reply overdue = get("supervisor.p", "/api/oversight/overdue?size=200");

        assertThat(overdue.status()).isEqualTo(200);
        var caseNumbers = overdue.body().findValuesAsText("caseNumber");
        assertThat(caseNumbers).contains(overdueA, overdueB).doesNotContain(onTime, otherProvince);
        assertThat(caseNumbers.indexOf(overdueB)).as("longest overdue first").isLessThan(caseNumbers.indexOf(overdueA));
        for (var task : overdue.body()) {
            if (task.get("caseNumber").asText().equals(overdueA)) {
                assertThat(task.get("type").asText()).isEqualTo("INITIAL_ASSESSMENT");
                assertThat(task.get("communeCode").asText()).isEqualTo(COMMUNE_A);
                assertThat(task.get("name").asText()).startsWith("Đánh giá ban đầu");
                assertThat(Duration.parse(task.get("overdueBy").asText())).isBetween(Duration.ofHours(8).plusMinutes(59),
                        Duration.ofHours(9).plusMinutes(5));
            }
        }
        assertThat(get("supervisor.q", "/api/oversight/overdue?size=200").body().findValuesAsText("caseNumber"))
                .contains(otherProvince).doesNotContain(overdueA, overdueB);
    }

    @Test
    void badPagingIs400() {
        assertThat(get("supervisor.p", "/api/oversight/overdue?size=0").status()).isEqualTo(400);
        assertThat(get("supervisor.p", "/api/oversight/overdue?page=-1").status()).isEqualTo(400);
        assertThat(get("supervisor.p", "/api/oversight/overdue?size=abc").status()).isEqualTo(400);
    }
}
