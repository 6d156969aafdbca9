package vn.childprotection.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A supervisor opens the province's 6-month report, and downloads it as a workbook and as a PDF to sign. */
class StatisticsBrowserTest extends BrowserTestBase {

    @Test
    void aSupervisorOpensTheProvincesHalfYearReportAndDownloadsTheWorkbookAndThePdf() throws Exception {
        // a report of this half-year in the province, taken by the hotline
        java.net.http.HttpResponse<String> taken = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/reports")))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                "intake:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                                {"channel": "HOTLINE_111", "communeCode": "00004", "harmTypes": ["NEGLECT"],
                                 "setting": "FAMILY", "description": "Trẻ bị bỏ mặc ở nhà một mình nhiều ngày.",
                                 "immediateDanger": false, "reporter": {"anonymous": true},
                                 "child": {"fullName": "Trần Thị Thu", "sex": "FEMALE", "ageYears": 7}}"""))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
        signIn("supervisor.p", "demo");
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.findElement(By.linkText("Báo cáo")).click();
        wait.until(ExpectedConditions.urlContains("/statistics"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Báo cáo định kỳ");
        // their province, the half-year under way
        assertThat(browser.findElement(By.id("stat-period")).getText()).startsWith("Thành phố Hà Nội").contains("Kỳ báo cáo: từ ngày 01/");
        assertThat(browser.findElements(By.cssSelector("svg.chart, .card .hint"))).isNotEmpty();
        assertThat(browser.findElement(By.id("timeliness-table")).getText()).contains("Đánh giá ban đầu (12 giờ)");
        String reports = browser.findElement(By.id("total-0")).getText();
        assertThat(Long.parseLong(reports)).isPositive();
        assertThat(browser.findElement(By.cssSelector("section[aria-labelledby=chart-childrenByHarmType] svg")).getText()).contains("Bỏ mặc");
        screenshot("statistics-province");

        browser.findElement(By.id("download-xlsx")).click();
        Path xlsx = downloaded(".xlsx");
        try (Workbook book = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("Thành phố Hà Nội");
            assertThat((long) book.getSheetAt(0).getRow(4).getCell(1).getNumericCellValue())
                    .as("the reports received, as the page says").isEqualTo(Long.parseLong(reports));
        }
        browser.findElement(By.id("download-pdf")).click();
        Path pdf = downloaded(".pdf");
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
            assertThat(new PDFTextStripper().getText(document)).contains("BÁO CÁO CÔNG TÁC BẢO VỆ TRẺ EM",
                    "THÀNH PHỐ HÀ NỘI");
        }
    }
}
