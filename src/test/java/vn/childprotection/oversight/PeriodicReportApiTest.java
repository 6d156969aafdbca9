package vn.childprotection.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.childprotection.ApiTestBase;

/**
 * The periodic report over a known set of cases in a province of their own (issue 16, item 4): every figure, a
 * child reported twice counted once, the timeliness of the steps with a late one, the commune's report inside the
 * province's; who may read which unit; the workbook, the CSV and the PDF say what the JSON says.
 */
class PeriodicReportApiTest extends ApiTestBase {

    static final String PASSPHRASE = "Một cây làm chẳng nên non 2026";

    private Reply as(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, PASSPHRASE, StandardCharsets.UTF_8);
        return exchange(method, path, new HttpEntity<>(body == null ? null : json.valueToTree(body).toString(), headers));
    }

    private ResponseEntity<byte[]> file(String user, String password, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, password, StandardCharsets.UTF_8);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    private String person(String username, String role, String unit) {
        Reply created = post("admin", "/api/admin/staff", Map.of("username", username, "displayName", "Cán bộ " + unit,
                "roles", List.of(Map.of("role", role, "unitCode", unit))));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        String once = created.body().get("oneTimePassword").asText();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(username, once, StandardCharsets.UTF_8);
        assertThat(exchange(HttpMethod.POST, "/api/me/password", new HttpEntity<>(json.valueToTree(
                Map.of("currentPassword", once, "newPassword", PASSPHRASE)).toString(), headers)).status()).isEqualTo(204);
        return username;
    }

    private static Map<String, Object> report(String commune, String channel, Map<String, Object> child, String harm,
                                              String setting, String abuser) {
        Map<String, Object> report = new LinkedHashMap<>(ApiTestBase.report(commune));
        report.put("channel", channel);
        report.put("child", child);
        report.put("harmTypes", List.of(harm));
        report.put("setting", setting);
        if (abuser != null) {
            report.put("allegedAbuser", Map.of("relationship", abuser, "fullName", "Người bị tố giác"));
        }
        return report;
    }

    private String intake(Map<String, Object> report) {
        Reply reply = post("intake", "/api/reports", report);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        return reply.body().get("caseId").asText();
    }

    private void completeAs(String user, String caseId, String type, Map<String, Object> form) {
        String taskId = taskOf(caseId, type);
        assertThat(as(user, HttpMethod.POST, "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(200);
        Reply done = as(user, HttpMethod.POST, "/api/tasks/" + taskId + "/complete", form);
        assertThat(done.status()).as("%s", done.body()).isEqualTo(204);
    }

    private static Map<String, Long> rows(JsonNode report, String table) {
        Map<String, Long> rows = new HashMap<>();
        for (JsonNode t : report.get("tables")) {
            if (t.get("key").asText().equals(table)) {
                t.get("rows").forEach(r -> rows.put(r.get("key").asText(), r.get("count").asLong()));
            }
        }
        return rows;
    }

    private static JsonNode step(JsonNode report, String step) {
        for (JsonNode t : report.get("timeliness")) {
            if (t.get("step").asText().equals(step)) {
                return t;
            }
        }
        throw new AssertionError(step);
    }

    @Test
    void everyFigureOfAKnownSetOfCasesWithAChildReportedTwiceCountedOnce() throws Exception {
        String p = "6" + String.format("%09d", System.nanoTime() % 1_000_000_000L);
        String home = p + "01";
        String next = p + "02";
        importUnits("province_code,province_name,commune_code,commune_name,unit_type\n"
                + p + ",Tỉnh Thống Kê," + home + ",Xã Một,xã\n" + p + ",Tỉnh Thống Kê," + next + ",Xã Hai,xã\n");
        String worker = person("tk.w." + p, "WORKER", home);
        String chair = person("tk.c." + p, "CHAIR", home);
        String supervisor = person("tk.s." + p, "SUPERVISOR", p);
        person("tk.w2." + p, "WORKER", next);

        Map<String, Object> girl = Map.of("fullName", "Lò Thị Mai " + p, "sex", "FEMALE", "birthDate", "2021-03-01");
        String a = intake(report(home, "HOTLINE_111", girl, "PHYSICAL_VIOLENCE", "FAMILY", "RELATIVE"));
        String b = intake(report(home, "PHONE", Map.of("fullName", "Hoàng Văn Nam " + p, "sex", "MALE",
                "birthDate", "2014-01-10", "ethnicity", "Tày"), "NEGLECT", "COMMUNITY", null));
        String c = intake(report(home, "HOTLINE_111", Map.of("fullName", "Vi Thị Lan " + p, "sex", "FEMALE",
                "ageYears", 16), "PHYSICAL_VIOLENCE", "ONLINE", "STRANGER"));
        intake(report(next, "WALK_IN", Map.of("fullName", "Đinh Văn Bình " + p, "sex", "MALE", "ageYears", 3,
                        "ethnicity", "=1+2"),
                "OTHER", "OTHER", null));

        completeAs(worker, a, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "LOW", "immediateDanger", false,
                "crimeSuspected", false, "summary", "Theo dõi"));
        completeAs(worker, b, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "HIGH", "immediateDanger", true,
                "crimeSuspected", false, "summary", "Trẻ bị bỏ mặc nhiều ngày"));
        completeAs(chair, b, "EMERGENCY_DECISION", Map.of("measures", "Đưa trẻ đến nơi an toàn", "separation", true,
                "placement", "Nhà tạm lánh của xã", "reason", "Không có người chăm sóc"));
        assertThat(as(worker, HttpMethod.POST, "/api/cases/" + c + "/police-referrals", null).status()).isEqualTo(201);
        // the same girl reported again, by her school: her open case, the same child
        assertThat(intake(report(home, "SCHOOL", girl, "PSYCHOLOGICAL_VIOLENCE", "SCHOOL", "TEACHER"))).isEqualTo(a);
        // her assessment was done three hours past its deadline
        Timestamp done = jdbc.sql("select done_at from case_event where case_id = ? and type = 'INITIAL_ASSESSMENT'"
                + " and done_at is not null").param(UUID.fromString(a)).query(Timestamp.class).single();
        jdbc.sql("update case_event set due_at = ? where case_id = ? and type = 'INITIAL_ASSESSMENT' and done_at is not null")
                .params(Timestamp.from(done.toInstant().minusSeconds(3 * 3600)), UUID.fromString(a)).update();

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String period = "&from=" + today.minusDays(1) + "&to=" + today;
        Reply commune = as(worker, HttpMethod.GET, "/api/statistics/periodic?unit=" + home + period, null);
        assertThat(commune.status()).as("%s", commune.body()).isEqualTo(200);
        JsonNode r = commune.body();
        assertThat(r.get("reports").asLong()).isEqualTo(4);
        assertThat(r.get("children").asLong()).as("the girl reported twice counts once").isEqualTo(3);
        assertThat(rows(r, "reportsByChannel")).isEqualTo(Map.of("HOTLINE_111", 2L, "PHONE", 1L, "SCHOOL", 1L));
        assertThat(rows(r, "childrenBySex")).isEqualTo(Map.of("FEMALE", 2L, "MALE", 1L));
        assertThat(rows(r, "childrenByAge")).as("under 6, 12-15, 16-17").isEqualTo(Map.of("0", 1L, "2", 1L, "3", 1L));
        assertThat(rows(r, "childrenByEthnicity")).isEqualTo(Map.of("", 2L, "Tày", 1L));
        assertThat(rows(r, "childrenByHarmType"))
                .isEqualTo(Map.of("PHYSICAL_VIOLENCE", 2L, "PSYCHOLOGICAL_VIOLENCE", 1L, "NEGLECT", 1L));
        assertThat(rows(r, "childrenBySetting"))
                .isEqualTo(Map.of("FAMILY", 1L, "SCHOOL", 1L, "COMMUNITY", 1L, "ONLINE", 1L));
        assertThat(rows(r, "childrenByAbuser"))
                .isEqualTo(Map.of("RELATIVE", 1L, "TEACHER", 1L, "UNKNOWN", 1L, "STRANGER", 1L));
        assertThat(r.get("emergencyDecisions").asLong()).isEqualTo(1);
        assertThat(r.get("separations").asLong()).isEqualTo(1);
        assertThat(r.get("policeReferrals").asLong()).isEqualTo(1);
        assertThat(rows(r, "policeOutcomes")).isEmpty();
        assertThat(r.get("plansApproved").asLong()).isZero();
        assertThat(r.get("casesClosed").asLong()).isZero();
        JsonNode assessment = step(r, "INITIAL_ASSESSMENT");
        assertThat(assessment.get("done").asLong()).isEqualTo(2);
        assertThat(assessment.get("onTime").asLong()).isEqualTo(1);
        assertThat(assessment.get("shareOnTime").asDouble()).isEqualTo(0.5);
        assertThat(assessment.get("medianDelayHours").asDouble()).isEqualTo(3.0);
        JsonNode emergency = step(r, "EMERGENCY_DECISION");
        assertThat(emergency.get("done").asLong()).isEqualTo(1);
        assertThat(emergency.get("shareOnTime").asDouble()).isEqualTo(1.0);
        assertThat(emergency.get("medianDelayHours").isNull()).isTrue();
        assertThat(step(r, "PLAN_DRAFT").get("done").asLong()).isZero();

        // the province's report holds its other commune too; only its own people read each
        Reply province = as(supervisor, HttpMethod.GET, "/api/statistics/periodic?unit=" + p + period, null);
        assertThat(province.body().get("children").asLong()).isEqualTo(4);
        assertThat(province.body().get("reports").asLong()).isEqualTo(5);
        assertThat(rows(province.body(), "childrenByCommune")).as("the province consolidates its communes")
                .isEqualTo(Map.of(home, 3L, next, 1L));
        assertThat(rows(r, "childrenByCommune")).isEmpty();
        assertThat(rows(r, "casesClosedByResult")).isEmpty();
        assertThat(as(supervisor, HttpMethod.GET, "/api/statistics/periodic?unit=" + home + period, null).status())
                .isEqualTo(200);
        assertThat(as(worker, HttpMethod.GET, "/api/statistics/periodic?unit=" + p + period, null).status()).isEqualTo(404);
        assertThat(as(worker, HttpMethod.GET, "/api/statistics/periodic?unit=" + next + period, null).status()).isEqualTo(404);
        assertThat(get("supervisor.p", "/api/statistics/periodic?unit=" + p + period).status()).isEqualTo(404);
        assertThat(get("police.a", "/api/statistics/periodic").status()).isEqualTo(403);
        assertThat(get("intake", "/api/statistics/periodic").status()).isEqualTo(403);
        assertThat(get("admin", "/api/statistics/periodic?unit=" + home + period).status())
                .as("not a commune's small numbers").isEqualTo(404);
        Reply national = get("admin", "/api/statistics/periodic?unit=VN" + period);
        assertThat(national.status()).isEqualTo(200);
        assertThat(national.body().get("children").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(national.body().toString()).doesNotContain("Lò Thị Mai", "Hoàng Văn Nam", "Nhà tạm lánh");
        Reply ministry = get("admin", "/api/statistics/periodic?unit=" + p + period);
        assertThat(ministry.body().get("children").asLong()).isEqualTo(4);
        assertThat(rows(ministry.body(), "childrenByCommune")).as("not a commune's small numbers").isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'STATISTICS_READ' and username = 'admin'"
                + " and detail like ?").param(p + " %").query(Long.class).single()).isEqualTo(1);
        assertThat(get("admin", "/api/statistics/periodic?unit=VN&from=1900-01-01&to=1900-12-31").status()).isEqualTo(400);
        assertThat(as(worker, HttpMethod.GET, "/api/statistics/periodic?unit=" + home + "&from=" + today + "&to="
                + today.minusDays(3), null).status()).isEqualTo(400);
        assertThat(as(worker, HttpMethod.GET, "/api/statistics/periodic?format=docx", null).status()).isEqualTo(400);

        // the workbook: one sheet per table, numbers as numbers, equal to the JSON
        ResponseEntity<byte[]> xlsx = file(worker, PASSPHRASE, "/api/statistics/periodic?unit=" + home + period + "&format=xlsx");
        assertThat(xlsx.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment").contains(".xlsx");
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet channels = book.getSheet("Tin báo theo kênh tiếp nhận");
            Map<String, Double> read = new HashMap<>();
            for (Row row : channels) {
                if (row.getRowNum() > 0) {
                    read.put(row.getCell(0).getStringCellValue(), row.getCell(1).getNumericCellValue());
                }
            }
            assertThat(read).isEqualTo(Map.of("Tổng đài 111", 2.0, "Điện thoại", 1.0, "Nhà trường", 1.0));
            // every table: its sheet holds the same labels and counts as the JSON
            for (JsonNode table : r.get("tables")) {
                Sheet sheet = book.getSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(table.get("title").asText()));
                assertThat(sheet).as(table.get("title").asText()).isNotNull();
                Map<String, Double> cells = new HashMap<>();
                sheet.forEach(row -> {
                    if (row.getRowNum() > 0) {
                        cells.put(row.getCell(0).getStringCellValue(), row.getCell(1).getNumericCellValue());
                    }
                });
                Map<String, Double> expected = new HashMap<>();
                table.get("rows").forEach(row -> expected.put(row.get("label").asText(), row.get("count").asDouble()));
                assertThat(cells).as(table.get("title").asText()).isEqualTo(expected);
            }
            Sheet summary = book.getSheetAt(0);
            assertThat(summary.getRow(5).getCell(0).getStringCellValue()).startsWith("Trẻ em bị xâm hại");
            assertThat(summary.getRow(5).getCell(1).getNumericCellValue()).isEqualTo(3.0);
            assertThat(book.getSheet("Thực hiện đúng thời hạn").getRow(1).getCell(3).getNumericCellValue()).isEqualTo(0.5);
        }

        // the CSV opens in Excel with its Vietnamese: a byte order mark, then UTF-8
        ResponseEntity<byte[]> csv = file(worker, PASSPHRASE, "/api/statistics/periodic?unit=" + home + period + "&format=csv");
        byte[] bytes = csv.getBody();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"Tin báo theo kênh tiếp nhận\",\"Tổng đài 111\",\"2\"");

        // free text a spreadsheet would run as a formula stays text
        String provinceCsv = new String(file(supervisor, PASSPHRASE, "/api/statistics/periodic?unit=" + p + period
                + "&format=csv").getBody(), StandardCharsets.UTF_8);
        assertThat(provinceCsv).contains("\"Trẻ em theo dân tộc\",\"'=1+2\",\"1\"");

        // the PDF: the report as a document, its font inside
        ResponseEntity<byte[]> pdf = file(supervisor, PASSPHRASE, "/api/statistics/periodic?unit=" + p + period + "&format=pdf");
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("BÁO CÁO CÔNG TÁC BẢO VỆ TRẺ EM", "TỈNH THỐNG KÊ", "Tin báo đã tiếp nhận 5",
                    "Xây dựng kế hoạch (5 ngày làm việc)");
        }
    }
}
