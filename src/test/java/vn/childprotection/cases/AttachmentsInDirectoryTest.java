package vn.childprotection.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code child-protection.attachments.directory} set, a file's content is kept in that folder under its
 * SHA-256, not in the database, and is downloaded from there the same.
 */
class AttachmentsInDirectoryTest extends AttachmentsApiTest {

    static Path folder;

    @DynamicPropertySource
    static void folder(DynamicPropertyRegistry registry) throws Exception {
        folder = Files.createTempDirectory("attachments");
        registry.add("child-protection.attachments.directory", () -> folder.toString());
    }

    @Test
    void theContentIsKeptInTheFolderUnderItsSha256() throws Exception {
        String caseId = openCase(COMMUNE_A);

        Reply added = upload("worker.a", caseId, "bien-ban.pdf", "application/pdf", PDF);

        assertThat(added.status()).isEqualTo(201);
        String sha256 = added.body().get("sha256").asText();
        assertThat(Files.readAllBytes(folder.resolve(sha256))).isEqualTo(PDF);
        assertThat(jdbc.sql("select count(*) from case_attachment where id = ? and content is null")
                .param(UUID.fromString(added.body().get("id").asText())).query(Long.class).single())
                .as("not in the database").isEqualTo(1);
        ResponseEntity<byte[]> file = download("chair.a", "/api/cases/" + caseId + "/attachments/" + added.body().get("id").asText());
        assertThat(file.getBody()).isEqualTo(PDF);
    }
}
