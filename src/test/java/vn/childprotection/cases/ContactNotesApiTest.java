package vn.childprotection.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

import vn.childprotection.ApiTestBase;

/**
 * Contact notes: home visits, calls and meetings recorded while the case is open, on the case file and its
 * timeline for commune staff and supervisors, never for the police or intake officers; bad notes are refused
 * by field and nothing is stored.
 */
class ContactNotesApiTest extends ApiTestBase {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    private static Map<String, Object> note(LocalDate day, String observations) {
        Map<String, Object> note = new HashMap<>(Map.of("kind", "HOME_VISIT", "contactDate", day.toString(),
                "metWith", "Bà ngoại và trẻ", "nextStep", "Gặp cô giáo chủ nhiệm tuần sau"));
        if (observations != null) {
            note.put("observations", observations);
        }
        return note;
    }

    private long notesOf(String caseId) {
        return jdbc.sql("select count(*) from case_note where case_id = ?").param(UUID.fromString(caseId))
                .query(Long.class).single();
    }

    @Test
    void aHomeVisitJoinsTheCaseFileAndItsTimelineForCommuneStaffOnly() {
        String caseId = openCase(COMMUNE_A);

        Reply added = post("worker.a", "/api/cases/" + caseId + "/notes", note(TODAY, "Trẻ đã đi học lại, còn sợ người lạ"));

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body().get("id").asText()).isNotBlank();
        Reply notes = get("chair.a", "/api/cases/" + caseId + "/notes");
        assertThat(notes.status()).isEqualTo(200);
        assertThat(notes.body()).hasSize(1);
        assertThat(notes.body().get(0).get("kind").asText()).isEqualTo("HOME_VISIT");
        assertThat(notes.body().get(0).get("contactDate").asText()).isEqualTo(TODAY.toString());
        assertThat(notes.body().get(0).get("observations").asText()).isEqualTo("Trẻ đã đi học lại, còn sợ người lạ");
        assertThat(notes.body().get(0).get("nextStep").asText()).isEqualTo("Gặp cô giáo chủ nhiệm tuần sau");
        assertThat(notes.body().get(0).get("author").asText()).as("by name").isEqualTo("Nguyễn Thị An");
        assertThat(get("supervisor.p", "/api/cases/" + caseId + "/notes").body()).hasSize(1);
        assertThat(get("worker.a", "/api/cases/" + caseId).body().get("notes").findValuesAsText("text"))
                .contains("Trẻ đã đi học lại, còn sợ người lạ");
        assertThat(get("worker.a", "/api/cases/" + caseId + "/timeline").body().findValuesAsText("type"))
                .contains("CONTACT_NOTE");

        assertThat(get("worker.b", "/api/cases/" + caseId + "/notes").status()).as("another commune").isEqualTo(404);
        assertThat(get("intake", "/api/cases/" + caseId + "/notes").status()).isEqualTo(403);
        assertThat(post("worker.a", "/api/cases/" + caseId + "/police-referrals", null).status()).isEqualTo(201);
        assertThat(get("police.a", "/api/cases/" + caseId + "/notes").status()).isEqualTo(403);
        assertThat(get("police.a", "/api/cases/" + caseId).body().get("notes")).as("never shown to the police").isEmpty();
        assertThat(get("police.a", "/api/cases/" + caseId + "/timeline").body().findValuesAsText("type"))
                .doesNotContain("CONTACT_NOTE");
        assertThat(jdbc.sql("select count(*) from audit_event where case_id = ? and action in ('CASE_NOTE', 'READ_NOTES')")
                .param(UUID.fromString(caseId)).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aNoteWithoutWhatWasSeenInTheFutureOrBeforeTheReportIsRefusedAndNothingIsStored() {
        String caseId = openCase(COMMUNE_A);

        Reply empty = post("worker.a", "/api/cases/" + caseId + "/notes", note(TODAY, null));
        Reply future = post("worker.a", "/api/cases/" + caseId + "/notes", note(TODAY.plusDays(1), "Sẽ đến thăm"));
        Reply early = post("worker.a", "/api/cases/" + caseId + "/notes", note(TODAY.minusDays(10), "Trước khi có tin báo"));
        Reply kind = post("worker.a", "/api/cases/" + caseId + "/notes", Map.of("kind", "LETTER",
                "contactDate", TODAY.toString(), "observations", "x"));

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("errors").findValuesAsText("field")).containsExactly("observations");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().get("errors").findValuesAsText("field")).containsExactly("contactDate");
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body().get("errors").findValuesAsText("field")).containsExactly("contactDate");
        assertThat(kind.status()).isEqualTo(400);
        assertThat(notesOf(caseId)).isZero();
    }

    @Test
    void aClosedCaseTakesNoMoreNotes() {
        String caseId = openCase(COMMUNE_A);
        jdbc.sql("update case_file set status = 'CLOSED' where id = ?").param(UUID.fromString(caseId)).update();

        assertThat(post("worker.a", "/api/cases/" + caseId + "/notes", note(TODAY, "Thăm lại")).status()).isEqualTo(409);
        assertThat(notesOf(caseId)).isZero();
    }

    @Test
    void theCasePageTakesANoteAndShowsIt() {
        String caseId = openCase(COMMUNE_A);
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("worker.a", PASSWORD);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("kind", "CALL");
        form.add("contactDate", TODAY.toString());
        form.add("observations", "Gọi cho mẹ trẻ, hẹn thăm nhà thứ Sáu");

        Reply blank = exchange(HttpMethod.POST, "/cases/" + caseId + "/notes",
                new HttpEntity<>(new LinkedMultiValueMap<>(Map.of("kind", List.of("CALL"))), headers));
        Reply saved = exchange(HttpMethod.POST, "/cases/" + caseId + "/notes", new HttpEntity<>(form, headers));

        assertThat(blank.status()).as("the form again, with what is missing").isEqualTo(200);
        assertThat(blank.body().asText()).contains("id=\"noteform\"");
        assertThat(saved.status()).as("back to the case (the client follows the redirect)").isEqualTo(200);
        assertThat(saved.body().asText()).contains("Gọi cho mẹ trẻ, hẹn thăm nhà thứ Sáu", "Gọi điện", "Nguyễn Thị An")
                .as("people by name on the case page and its timeline").doesNotContain(">worker.a<", ">intake<");
        assertThat(notesOf(caseId)).isEqualTo(1);
    }
}
