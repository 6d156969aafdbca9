package vn.childprotection.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import vn.childprotection.ApiTestBase;

/**
 * Attachments of a case: PDF, JPEG and PNG known by their content, at most 20 MB, listed with who added them,
 * downloaded (never inline) only by those who may see the case, every list and download audited; a wrong type,
 * an empty or too large file is refused and nothing is stored.
 */
class AttachmentsApiTest extends ApiTestBase {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @LocalServerPort
    int port;

    /** A multipart upload as a browser or an integrator sends it: the file with its name and declared type. */
    Reply upload(String user, String path, String fileName, String declaredType, byte[] content, MediaType accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, PASSWORD);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(List.of(accept));
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.parseMediaType(declaredType));
        ByteArrayResource file = new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        };
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new HttpEntity<>(file, partHeaders));
        return exchange(HttpMethod.POST, path, new HttpEntity<>(form, headers));
    }

    Reply upload(String user, String caseId, String fileName, String declaredType, byte[] content) {
        return upload(user, "/api/cases/" + caseId + "/attachments", fileName, declaredType, content,
                MediaType.APPLICATION_JSON);
    }

    ResponseEntity<byte[]> download(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, PASSWORD);
        return client().exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    long attachmentsOf(String caseId) {
        return jdbc.sql("select count(*) from case_attachment where case_id = ?").param(UUID.fromString(caseId))
                .query(Long.class).single();
    }

    long audited(String caseId, String action) {
        return jdbc.sql("select count(*) from audit_event where case_id = ? and action = ?")
                .params(UUID.fromString(caseId), action).query(Long.class).single();
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void aScannedFormIsListedWithWhoAddedItAndDownloadedOnlyByThoseWhoMaySeeTheCase() throws Exception {
        String caseId = openCase(COMMUNE_A);

        Reply added = upload("worker.a", caseId, "C:\\Scans\\Mẫu 05 đã ký.pdf", "application/pdf", PDF);

        assertThat(added.status()).isEqualTo(201);
        String id = added.body().get("id").asText();
        assertThat(added.headers().getLocation()).hasPath("/api/cases/" + caseId + "/attachments/" + id);
        assertThat(added.body().get("fileName").asText()).as("without the sender's folders").isEqualTo("Mẫu 05 đã ký.pdf");
        assertThat(added.body().get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(added.body().get("size").asLong()).isEqualTo(PDF.length);
        assertThat(added.body().get("sha256").asText()).isEqualTo(sha256(PDF));

        Reply list = get("chair.a", "/api/cases/" + caseId + "/attachments");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).hasSize(1);
        assertThat(list.body().get(0).get("addedBy").asText()).as("by name").isEqualTo("Nguyễn Thị An");
        assertThat(list.body().get(0).get("addedAt").asText()).isNotBlank();

        ResponseEntity<byte[]> file = download("supervisor.p", "/api/cases/" + caseId + "/attachments/" + id);
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(file.getBody()).isEqualTo(PDF);
        assertThat(file.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(file.getHeaders().getContentDisposition().isAttachment()).as("never inline").isTrue();
        assertThat(file.getHeaders().getContentDisposition().getFilename()).isEqualTo("Mẫu 05 đã ký.pdf");
        assertThat(file.getHeaders().getCacheControl()).contains("no-store");
        assertThat(file.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(get("worker.a", "/api/cases/" + caseId + "/timeline").body().findValuesAsText("type"))
                .contains("ATTACHMENT");

        assertThat(download("worker.b", "/api/cases/" + caseId + "/attachments/" + id).getStatusCode().value())
                .as("another commune").isEqualTo(404);
        assertThat(download("worker.a", "/api/cases/" + caseId + "/attachments/" + UUID.randomUUID())
                .getStatusCode().value()).isEqualTo(404);
        String otherCase = openCase(COMMUNE_A);
        assertThat(download("worker.a", "/api/cases/" + otherCase + "/attachments/" + id).getStatusCode().value())
                .as("an attachment only through its own case").isEqualTo(404);
        assertThat(download("intake", "/api/cases/" + caseId + "/attachments/" + id).getStatusCode().value())
                .isEqualTo(403);
        assertThat(post("worker.a", "/api/cases/" + caseId + "/police-referrals", null).status()).isEqualTo(201);
        assertThat(download("police.a", "/api/cases/" + caseId + "/attachments/" + id).getStatusCode().value())
                .isEqualTo(403);
        assertThat(get("police.a", "/api/cases/" + caseId + "/timeline").body().findValuesAsText("type"))
                .as("never shown to the police").doesNotContain("ATTACHMENT");
        assertThat(upload("worker.b", caseId, "x.pdf", "application/pdf", PDF).status()).isEqualTo(404);

        assertThat(audited(caseId, "ATTACHMENT_ADDED")).isEqualTo(1);
        assertThat(audited(caseId, "READ_ATTACHMENTS")).isEqualTo(1);
        assertThat(audited(caseId, "ATTACHMENT_DOWNLOADED")).as("every download, and only those that happened").isEqualTo(1);
    }

    @Test
    void theTypeIsReadFromTheContentNotTheNameOrTheDeclaredType() {
        String caseId = openCase(COMMUNE_A);
        byte[] page = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

        Reply html = upload("worker.a", caseId, "giay-chung-nhan.pdf", "application/pdf", page);
        Reply png = upload("worker.a", caseId, "anh-vet-thuong.pdf", "application/pdf", PNG);

        assertThat(html.status()).isEqualTo(400);
        assertThat(html.body().get("errors").findValuesAsText("field")).containsExactly("file");
        assertThat(png.status()).isEqualTo(201);
        assertThat(png.body().get("contentType").asText()).isEqualTo("image/png");
        assertThat(png.body().get("fileName").asText()).isEqualTo("anh-vet-thuong.pdf.png");
        assertThat(attachmentsOf(caseId)).as("only the PNG").isEqualTo(1);
    }

    @Test
    void anEmptyMissingOrTooLargeFileIsRefusedAndNothingIsStored() throws Exception {
        String caseId = openCase(COMMUNE_A);
        byte[] justOver = Arrays.copyOf(PDF, 20 * 1024 * 1024 + 1);

        Reply empty = upload("worker.a", caseId, "trong.pdf", "application/pdf", new byte[0]);
        Reply missing = upload("worker.a", "/api/cases/" + caseId + "/attachments", "x", "text/plain", new byte[0],
                MediaType.APPLICATION_JSON);
        Reply none = post("worker.a", "/api/cases/" + caseId + "/attachments", null);
        Reply tooLarge = upload("worker.a", caseId, "qua-lon.pdf", "application/pdf", justOver);
        Reply atTheLimit = upload("worker.a", caseId, "vua-du.pdf", "application/pdf", Arrays.copyOf(PDF, 20 * 1024 * 1024));

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("errors").findValuesAsText("field")).containsExactly("file");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(none.status()).as("not a multipart body").isIn(400, 415);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(tooLarge.body().get("detail").asText()).contains("20 MB");
        assertThat(atTheLimit.status()).as("20 MB itself is taken").isEqualTo(201);
        assertThat(attachmentsOf(caseId)).isEqualTo(1);
    }

    /** A declared length over the limit is answered before the body is sent: nothing is read or stored. */
    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
        String caseId = openCase(COMMUNE_A);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/cases/" + caseId + "/attachments HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\n"
                    + "Authorization: Basic " + Base64.getEncoder().encodeToString(("worker.a:" + PASSWORD).getBytes()) + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=b\r\n"
                    + "Accept-Language: vi\r\n"
                    + "Content-Length: " + (25L * 1024 * 1024) + "\r\n"
                    + "Expect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readAll(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("application/problem+json", "tối đa 20 MB");
        }
        assertThat(attachmentsOf(caseId)).isZero();
    }

    @Test
    void theCasePageTakesAFileShowsItAndServesItAsADownload() {
        String caseId = openCase(COMMUNE_A);

        Reply page = upload("worker.a", "/cases/" + caseId + "/attachments", "ảnh chụp.png", "image/png", PNG,
                MediaType.TEXT_HTML);
        Reply wrong = upload("worker.a", "/cases/" + caseId + "/attachments", "ghi-chu.txt", "text/plain",
                "chỉ là chữ".getBytes(StandardCharsets.UTF_8), MediaType.TEXT_HTML);

        assertThat(page.status()).as("back to the case (the client follows the redirect)").isEqualTo(200);
        assertThat(page.body().asText()).contains("id=\"attachments\"", "ảnh chụp.png", "Nguyễn Thị An");
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body().asText()).contains("Chỉ nhận tệp PDF, JPEG và PNG");
        UUID id = jdbc.sql("select id from case_attachment where case_id = ?").param(UUID.fromString(caseId))
                .query(UUID.class).single();
        ResponseEntity<byte[]> file = download("chair.a", "/cases/" + caseId + "/attachments/" + id);
        assertThat(file.getBody()).isEqualTo(PNG);
        assertThat(file.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(get("police.a", "/cases/" + caseId).body().asText()).doesNotContain("id=\"attachments\"");
    }

    private static String readAll(InputStream in) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) > 0) {
                bytes.write(buffer, 0, n);
            }
        } catch (java.net.SocketTimeoutException e) {
            // the answer is complete; the server keeps nothing open for a body never sent
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
