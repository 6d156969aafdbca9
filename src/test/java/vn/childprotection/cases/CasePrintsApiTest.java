package vn.childprotection.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import vn.childprotection.ApiTestBase;

/**
 * The papers of a case read back with PDFBox (issue 16, items 1-3): the Vietnamese text as entered, the font in
 * the file, the reporter only where the reader may see them, the whole file for supervisors, each print audited.
 */
class CasePrintsApiTest extends ApiTestBase {

    /** What a PDF says and whether every font it uses travels inside it. */
    record Paper(int status, String contentType, String disposition, String text, List<String> fonts,
                 boolean allEmbedded) {
    }

    private Paper print(String user, String caseId, String form) throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, PASSWORD);
        ResponseEntity<byte[]> response = http.exchange("/api/cases/" + caseId + "/print/" + form, HttpMethod.GET,
                new HttpEntity<>(headers), byte[].class);
        int status = response.getStatusCode().value();
        if (status != 200) {
            return new Paper(status, null, null, null, List.of(), false);
        }
        try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
            List<String> fonts = new ArrayList<>();
            boolean embedded = true;
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName());
                    embedded &= font.isEmbedded();
                }
            }
            return new Paper(status, String.valueOf(response.getHeaders().getContentType()),
                    response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION), new PDFTextStripper().getText(pdf),
                    fonts, embedded);
        }
    }

    @Test
    void theInitialAssessmentPrintsAsAnOfficialDocumentInVietnameseWithItsFontInside() throws IOException {
        Map<String, Object> report = report(COMMUNE_A);
        String child = (String) ((Map<?, ?>) report.get("child")).get("fullName");
        String caseId = post("intake", "/api/reports", report).body().get("caseId").asText();
        String summary = "Trẻ có vết bầm ở tay; người cha dượng thường xuyên say rượu, đe dọa đánh trẻ.";
        complete("worker.a", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "MEDIUM", "immediateDanger", false,
                "crimeSuspected", false, "summary", summary));

        Paper paper = print("worker.a", caseId, "mau-02");
        assertThat(paper.status()).isEqualTo(200);
        assertThat(paper.contentType()).isEqualTo("application/pdf");
        assertThat(paper.disposition()).startsWith("attachment").contains(".pdf");
        String text = paper.text().replaceAll("\\s+", " ");
        assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "ỦY BAN NHÂN DÂN", "PHƯỜNG BA ĐÌNH", "Mẫu số 02", child, summary, "Trung bình", "NGƯỜI LẬP");
        assertThat(paper.fonts()).isNotEmpty().allMatch(f -> f.contains("Tinos"));
        assertThat(paper.allEmbedded()).as("no font of the reader's machine is relied on").isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'CASE_PRINTED' and case_id = ? and detail = ?")
                .params(UUID.fromString(caseId), "mau-02").query(Long.class).single()).isEqualTo(1);

        // a step not taken yet has nothing to print; an unknown paper is no paper
        assertThat(print("worker.a", caseId, "mau-04").status()).isEqualTo(404);
        assertThat(print("worker.a", caseId, "mau-99").status()).isEqualTo(404);
    }

    @Test
    void theReporterIsNamedOnlyOnTheCopiesOfThoseWhoMaySeeThem() throws IOException {
        Map<String, Object> report = report(COMMUNE_A);
        String child = (String) ((Map<?, ?>) report.get("child")).get("fullName");
        String caseId = post("intake", "/api/reports", report).body().get("caseId").asText();

        Paper workers = print("worker.a", caseId, "mau-01");
        assertThat(workers.status()).isEqualTo(200);
        assertThat(workers.text()).contains(child, "Hàng xóm nghe tiếng trẻ khóc").doesNotContain("Trần Văn Nam", "0912345678");
        assertThat(print("supervisor.p", caseId, "mau-01").text()).contains("Trần Văn Nam");
        assertThat(print("intake", caseId, "mau-01").text()).as("the officer who took it").contains("Trần Văn Nam");
        assertThat(print("intake", caseId, "mau-02").status()).isEqualTo(404);
        assertThat(print("police.a", caseId, "mau-01").status()).as("not referred: not theirs").isEqualTo(404);
        assertThat(print("worker.c", caseId, "mau-01").status()).as("another commune").isEqualTo(404);
        assertThat(print("admin", caseId, "mau-01").status()).as("no case content for administrators").isEqualTo(404);
    }

    @Test
    void thePoliceGetTheReferralSlipWithoutTheReporterAndSupervisorsTheWholeFile() throws IOException {
        String caseId = openCase(COMMUNE_A);
        complete("worker.a", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "LOW", "immediateDanger", false,
                "crimeSuspected", false, "summary", "Ổn định, cần theo dõi thêm."));
        assertThat(post("worker.a", "/api/cases/" + caseId + "/police-referrals", null).status()).isEqualTo(201);

        Paper slip = print("police.a", caseId, "police-referral");
        assertThat(slip.status()).isEqualTo(200);
        assertThat(slip.text()).contains("PHIẾU CHUYỂN THÔNG TIN VỤ VIỆC ĐẾN CƠ QUAN CÔNG AN", "Kính gửi: Công an Phường Ba Đình")
                .doesNotContain("Trần Văn Nam");
        assertThat(print("supervisor.p", caseId, "police-referral").text()).as("never on the slip").doesNotContain("Trần Văn Nam");
        assertThat(print("police.a", caseId, "mau-02").status()).as("assessments are not the police's").isEqualTo(404);

        assertThat(print("worker.a", caseId, "case-file").status()).as("the whole file is the supervisors'").isEqualTo(403);
        Paper file = print("supervisor.p", caseId, "case-file");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.text()).contains("HỒ SƠ TRƯỜNG HỢP TRẺ EM CẦN ĐƯỢC BẢO VỆ", "Ổn định, cần theo dõi thêm.",
                "DIỄN BIẾN CỦA HỒ SƠ", "Trần Văn Nam");
        assertThat(file.allEmbedded()).isTrue();
    }

    @Test
    void theCasePageHasAPrintLinkBesideEachFormThatLeadsToItsPaper() throws IOException {
        String caseId = openCase(COMMUNE_A);
        complete("worker.a", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "LOW", "immediateDanger", false,
                "crimeSuspected", false, "summary", "Theo dõi tại gia đình."));
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("worker.a", PASSWORD);
        String html = http.exchange("/cases/" + caseId, HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody();
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
        List<String> links = page.select("a[href*=/print/]").eachAttr("href");
        assertThat(links).contains("/cases/" + caseId + "/print/mau-01", "/cases/" + caseId + "/print/mau-02")
                .as("the whole file is the supervisors'").noneMatch(l -> l.endsWith("case-file"));
        assertThat(page.select("a[href$=/print/mau-02]").first().text()).isEqualTo("In Mẫu 02 (PDF)");

        ResponseEntity<byte[]> pdf = http.exchange("/cases/" + caseId + "/print/mau-02", HttpMethod.GET,
                new HttpEntity<>(headers), byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Theo dõi tại gia đình.");
        }
    }
}
