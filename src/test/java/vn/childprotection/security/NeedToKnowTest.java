package vn.childprotection.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.childprotection.ApiTestBase;

/**
 * Police see what a referral needs, and only cases referred to them; intake officers the reports they took;
 * the reporter's identity only intake officers and supervisors, when named.
 */
class NeedToKnowTest extends ApiTestBase {

    private static final String REPORTER = "Trần Văn Nam";
    private static final String PHONE = "0912345678";
    private static final String ASSESSMENT_NOTE = "Ghi chú riêng của cán bộ: mẹ đang rất hoảng sợ";

    /** A sexual-abuse case of commune A, assessed, with the chair's emergency decision on file. */
    private String referredCase(boolean anonymous) {
        Map<String, Object> report = report(COMMUNE_A);
        report.put("harmTypes", List.of("SEXUAL_ABUSE"));
        report.put("immediateDanger", true);
        report.put("allegedAbuser", Map.of("relationship", "STEP_PARENT", "fullName", "Lê Văn Dũng", "ageYears", 41));
        report.put("reporter", Map.of("anonymous", anonymous, "fullName", REPORTER, "phone", PHONE,
                "relationship", "hàng xóm"));
        Reply created = post("intake", "/api/reports", report);
        assertThat(created.status()).isEqualTo(201);
        String caseId = created.body().get("caseId").asText();
        complete("worker.a", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "HIGH", "immediateDanger", true,
                "crimeSuspected", true, "summary", ASSESSMENT_NOTE));
        complete("chair.a", caseId, "EMERGENCY_DECISION", Map.of("measures", "Tạm cách ly khỏi cha dượng",
                "separation", true, "placement", "Nhà bà ngoại, thôn 3", "reason", "Nguy hiểm tức thời"));
        return caseId;
    }

    @Test
    void policeSeeTheChildTheHarmTheAbuserAndTheirOwnTasksOnly() {
        String caseId = referredCase(false);

        Reply file = get("police.a", "/api/cases/" + caseId);

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body().at("/child/fullName").asText()).startsWith("Nguyễn Thị Hoa");
        assertThat(file.body().at("/commune/code").asText()).isEqualTo(COMMUNE_A);
        assertThat(file.body().at("/reports/0/harmTypes/0").asText()).isEqualTo("SEXUAL_ABUSE");
        assertThat(file.body().at("/reports/0/allegedAbuser/fullName").asText()).isEqualTo("Lê Văn Dũng");
        assertThat(file.body().get("initialAssessments")).isEmpty();
        assertThat(file.body().get("forms")).as("no plans or decisions").isEmpty();
        assertThat(file.body().get("notes")).isEmpty();
        assertThat(file.body().get("openTasks").findValuesAsText("type")).containsExactly("POLICE_ACKNOWLEDGE");
        assertThat(file.body().toString()).doesNotContain(ASSESSMENT_NOTE, "Nhà bà ngoại", REPORTER, PHONE);

        Reply timeline = get("police.a", "/api/cases/" + caseId + "/timeline");
        assertThat(timeline.body().findValuesAsText("type"))
                .containsExactlyInAnyOrder("REPORT_RECEIVED", "POLICE_REFERRAL", "POLICE_ACKNOWLEDGE");
    }

    @Test
    void policeDoNotSeeACaseOfTheirCommuneUntilItIsReferredToThem() {
        String caseId = openCase(COMMUNE_A);

        assertThat(get("police.a", "/api/cases/" + caseId).status()).isEqualTo(404);
        assertThat(get("police.a", "/api/cases/" + caseId + "/timeline").status()).isEqualTo(404);
        assertThat(post("police.a", "/api/cases/" + caseId + "/police-outcome", Map.of("outcome", "NOT_OPENED")).status())
                .isEqualTo(404);

        assertThat(post("worker.a", "/api/cases/" + caseId + "/police-referrals", null).status()).isEqualTo(201);
        assertThat(get("police.a", "/api/cases/" + caseId).status()).isEqualTo(200);
    }

    @Test
    void theIntakeOfficerSeesTheReportsTheyTookWithTheCaseNumberAndStatusOnly() {
        String caseId = referredCase(false);
        Map<String, Object> further = report(COMMUNE_A);
        further.put("child", Map.of("fullName", get("worker.a", "/api/cases/" + caseId).body().at("/child/fullName").asText(),
                "sex", "FEMALE", "birthDate", "2017-05-02"));

        Reply file = get("intake", "/api/cases/" + caseId);

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body().get("caseNumber").asText()).isNotBlank();
        assertThat(file.body().get("status").asText()).isEqualTo("OPEN");
        assertThat(file.body().get("reports")).hasSize(1);
        assertThat(file.body().get("initialAssessments")).isEmpty();
        assertThat(file.body().get("forms")).isEmpty();
        assertThat(file.body().get("police")).isEmpty();
        assertThat(file.body().get("notes")).isEmpty();
        assertThat(file.body().get("openTasks")).isEmpty();
        assertThat(file.body().toString()).doesNotContain(ASSESSMENT_NOTE, "Nhà bà ngoại");
        assertThat(get("intake", "/api/cases/" + caseId + "/timeline").body().findValuesAsText("type"))
                .containsOnly("REPORT_RECEIVED");
    }

    @Test
    void workersAndChairsSeeTheWholeFileButTheReporter() {
        String caseId = referredCase(false);
        for (String user : List.of("worker.a", "chair.a")) {
            Reply file = get(user, "/api/cases/" + caseId);
            assertThat(file.body().at("/initialAssessments/0/summary").asText()).isEqualTo(ASSESSMENT_NOTE);
            assertThat(file.body().get("forms").findValuesAsText("type")).contains("EMERGENCY_DECISION");
            assertThat(file.body().get("openTasks").findValuesAsText("type"))
                    .contains("EMERGENCY_ACTION", "POLICE_ACKNOWLEDGE");
            assertThat(get(user, "/api/cases/" + caseId + "/timeline").body().findValuesAsText("type"))
                    .contains("INITIAL_ASSESSMENT", "EMERGENCY_DECISION");
        }
    }

    @Test
    void policeAndWorkersNeverReceiveTheReporterAnywhere() {
        String caseId = referredCase(false);
        for (String user : List.of("police.a", "worker.a", "chair.a")) {
            for (String path : List.of("/api/cases/" + caseId, "/api/cases/" + caseId + "/timeline",
                    "/api/tasks?size=200")) {
                Reply reply = get(user, path);
                assertThat(reply.status()).as("%s %s", user, path).isEqualTo(200);
                assertThat(reply.body().toString()).as("%s %s", user, path).doesNotContain(REPORTER, PHONE);
            }
            assertThat(get(user, "/api/cases/" + caseId).body().at("/reports/0/reporter").isNull()).isTrue();
        }
    }

    @Test
    void supervisorsAndTheIntakeOfficerSeeANamedReporter() {
        String caseId = referredCase(false);
        for (String user : List.of("supervisor.p", "intake")) {
            Reply file = get(user, "/api/cases/" + caseId);
            assertThat(file.body().at("/reports/0/reporter/fullName").asText()).as(user).isEqualTo(REPORTER);
            assertThat(file.body().at("/reports/0/reporter/phone").asText()).as(user).isEqualTo(PHONE);
        }
    }

    @Test
    void nobodySeesAReporterWhoAskedToStayAnonymous() {
        String caseId = referredCase(true);
        for (String user : List.of("supervisor.p", "intake", "worker.a", "police.a")) {
            Reply file = get(user, "/api/cases/" + caseId);
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.body().toString()).as(user).doesNotContain(REPORTER, PHONE);
        }
    }
}
