package vn.childprotection.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import vn.childprotection.ApiTestBase;

/**
 * The official list of units imported as CSV: a preview of what is added, renamed and retired, then applied; a file
 * with any wrong line names the line and applies nothing; a commune still in use is not retired; a retired commune
 * takes no new report.
 */
class UnitImportApiTest extends ApiTestBase {

    private static final String HEADER = "province_code,province_name,commune_code,commune_name,unit_type\n";

    /** A province of its own for each test: the shared database keeps what other tests imported. */
    private static String newProvince() {
        return "7" + String.format("%09d", System.nanoTime() % 1_000_000_000L);
    }

    private Reply upload(String user, String query, byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setBasicAuth(user, PASSWORD);
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "danh-muc.csv";
            }
        });
        return exchange(HttpMethod.POST, "/api/admin/units/import" + query, new HttpEntity<>(parts, headers));
    }

    private Reply upload(String query, String csv) {
        return upload("admin", query, csv.getBytes(StandardCharsets.UTF_8));
    }

    private long communes(String province) {
        return jdbc.sql("select count(*) from commune where province_code = ?").param(province).query(Long.class).single();
    }

    @Test
    void aFileWithOneBadLineNamesTheLineAndAppliesNothing() {
        String p = newProvince();
        String csv = HEADER
                + p + ",Tỉnh Thử Nghiệm," + p + "01,Xã Một,xã\n"
                + p + ",Tỉnh Thử Nghiệm," + p + "02,Phường Hai,phường\n"
                + p + ",Tỉnh Thử Nghiệm," + p + "03,Xã Ba,huyện\n"
                + p + ",Tỉnh Thử Nghiệm," + p + "01,Xã Một lần nữa,xã\n";
        Reply applied = upload("?apply=true", csv);

        assertThat(applied.status()).isEqualTo(400);
        assertThat(applied.headers().getContentType().toString()).contains("problem+json");
        JsonNode lines = applied.body().get("lines");
        assertThat(lines.findValuesAsText("line")).containsExactly("4", "5");
        assertThat(lines.get(0).get("message").asText()).contains("huyện");
        assertThat(lines.get(1).get("message").asText()).contains(p + "01", "dòng 2");
        assertThat(jdbc.sql("select count(*) from province where code = ?").param(p).query(Long.class).single())
                .as("nothing applied, not even the good lines").isZero();
        assertThat(communes(p)).isZero();
    }

    @Test
    void aGoodFileIsPreviewedThenAppliedAndARenameAndARetirementFollow() {
        String p = newProvince();
        String csv = HEADER
                + p + ",Tỉnh Thử Nghiệm," + p + "01,Xã Một,xã\n"
                + "\"" + p + "\",\"Tỉnh Thử Nghiệm\",\"" + p + "02\",\"Phường Hai, Ba\",Phường\n"
                + p + ",Tỉnh Thử Nghiệm," + p + "03,Đặc khu Côn Đảo,đặc khu\n";
        Reply preview = upload("", csv);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body().get("applied").asBoolean()).isFalse();
        assertThat(preview.body().get("provincesAdded").findValuesAsText("code")).containsExactly(p);
        assertThat(preview.body().get("communesAdded").findValuesAsText("name"))
                .containsExactly("Xã Một", "Phường Hai, Ba", "Đặc khu Côn Đảo");
        assertThat(communes(p)).as("a preview changes nothing").isZero();

        Reply applied = upload("?apply=true", csv);
        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.body().get("applied").asBoolean()).isTrue();
        assertThat(communes(p)).isEqualTo(3);
        assertThat(jdbc.sql("select unit_type from commune where code = ?").param(p + "03").query(String.class).single())
                .isEqualTo("DAC_KHU");
        assertThat(get("worker.a", "/api/directory/communes").body().findValuesAsText("code")).contains(p + "02");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'UNITS_IMPORTED' and detail like '3 units%'")
                .query(Long.class).single()).isPositive();

        // the next list renames one commune and no longer has another: it is retired, and takes no report
        String next = HEADER
                + p + ",Tỉnh Thử Nghiệm," + p + "01,Xã Một Mới,xã\n"
                + p + ",Tỉnh Thử Nghiệm," + p + "02,\"Phường Hai, Ba\",phường\n";
        Reply second = upload("?apply=true", next);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("communesRenamed").get(0).get("before").asText()).isEqualTo("Xã Một");
        assertThat(second.body().get("communesRetired").findValuesAsText("code")).containsExactly(p + "03");
        assertThat(get("worker.a", "/api/directory/communes").body().findValuesAsText("code"))
                .contains(p + "01").doesNotContain(p + "03");
        Map<String, Object> report = report(p + "03");
        Reply refused = post("intake", "/api/reports", report);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("communeCode");

        assertThat(upload("?apply=true", next).body().get("applied").asBoolean()).as("nothing left to change")
                .isFalse();
    }

    @Test
    void aCommuneWithOpenCasesOrStaffIsNotRetiredAndOtherProvincesAreLeftAlone() {
        // province 01's list without commune B, which has a worker and may have open cases
        String csv = HEADER + "01,Thành phố Hà Nội,00004,Phường Ba Đình,phường\n";
        Reply applied = upload("?apply=true", csv);
        assertThat(applied.status()).isEqualTo(400);
        assertThat(applied.body().get("lines").get(0).get("line").asInt()).as("the file as a whole").isZero();
        assertThat(applied.body().get("lines").get(0).get("message").asText()).contains("00070", "hợp nhất");
        assertThat(jdbc.sql("select count(*) from commune where code = '00070' and retired_at is null")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSampleFileOfTheDocsIsTheDemoUnits() throws Exception {
        byte[] sample = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("docs", "units-sample.csv"));
        Reply preview = upload("admin", "", sample);
        assertThat(preview.status()).as("%s", preview.body()).isEqualTo(200);
        assertThat(preview.body().get("units").asInt()).isEqualTo(3);
        assertThat(preview.body().get("provincesAdded")).isEmpty();
        assertThat(preview.body().get("communesAdded")).isEmpty();
        assertThat(preview.body().get("communesRetired")).isEmpty();
    }

    @Test
    void aFileNotInUtf8IsNamedAndOnlyAdministratorsImport() {
        byte[] latin1 = (HEADER + "T9,Tinh,T9-1,X\u00e3 M\u1ed9t,xa\n").getBytes(StandardCharsets.ISO_8859_1);
        Reply refused = upload("admin", "", latin1);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("lines").get(0).get("message").asText()).contains("UTF-8");
        assertThat(refused.body().get("lines").get(0).get("line").asInt()).isEqualTo(2);
        Reply noHeader = upload("", "01,Hà Nội,00004,Ba Đình,phường\n");
        assertThat(noHeader.body().get("lines").get(0).get("message").asText()).contains("province_code");
        assertThat(upload("supervisor.p", "", HEADER.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
    }
}
