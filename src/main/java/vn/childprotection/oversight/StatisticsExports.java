package vn.childprotection.oversight;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import vn.childprotection.common.Messages;
import vn.childprotection.web.PdfDocuments;

/**
 * The periodic report as files: an Excel workbook (a summary sheet, then one sheet per table and one for the
 * timeliness of the legal steps; headings in the reader's language, numbers as numbers), CSV (UTF-8 with a byte
 * order mark, so that Excel reads Vietnamese right; one line per figure) and PDF (the report as a document of the
 * unit, ready to sign, template {@code print/statistics.html}), all in the reader's language.
 */
@Component
class StatisticsExports {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Messages messages;
    private final PdfDocuments pdf;
    private final Clock clock;

    StatisticsExports(Messages messages, PdfDocuments pdf, Clock clock) {
        this.messages = messages;
        this.pdf = pdf;
        this.clock = clock;
    }

    /** The summary lines every export starts with: label and figure. */
    List<Map.Entry<String, Long>> totals(PeriodicReport.Report r) {
        return List.of(Map.entry(messages.text("stat.total.reports"), r.reports()),
                Map.entry(messages.text("stat.total.children"), r.children()),
                Map.entry(messages.text("stat.total.emergencyDecisions"), r.emergencyDecisions()),
                Map.entry(messages.text("stat.total.separations"), r.separations()),
                Map.entry(messages.text("stat.total.policeReferrals"), r.policeReferrals()),
                Map.entry(messages.text("stat.total.plansApproved"), r.plansApproved()),
                Map.entry(messages.text("stat.total.casesClosed"), r.casesClosed()));
    }

    String fileName(PeriodicReport.Report r, String extension) {
        return "bao-cao-" + r.unit() + "-" + r.from() + "-" + r.to() + "." + extension;
    }

    byte[] xlsx(PeriodicReport.Report r) {
        try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font boldFont = book.createFont();
            boldFont.setBold(true);
            CellStyle bold = book.createCellStyle();
            bold.setFont(boldFont);
            Sheet summary = book.createSheet(WorkbookUtil.createSafeSheetName(messages.text("stat.sheet.summary")));
            line(summary, 0, bold, messages.text("stat.title"));
            line(summary, 1, null, r.unitName());
            line(summary, 2, null, messages.text("stat.period", DAY.format(r.from()), DAY.format(r.to())));
            int at = 4;
            for (Map.Entry<String, Long> total : totals(r)) {
                figure(summary, at++, total.getKey(), total.getValue());
            }
            summary.setColumnWidth(0, 60 * 256);
            for (PeriodicReport.Table table : r.tables()) {
                Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
                Row head = sheet.createRow(0);
                cell(head, 0, messages.text("stat.col.item"), bold);
                cell(head, 1, messages.text("stat.col.count"), bold);
                int row = 1;
                for (PeriodicReport.Row line : table.rows()) {
                    figure(sheet, row++, line.label(), line.count());
                }
                sheet.setColumnWidth(0, 50 * 256);
                sheet.setColumnWidth(1, 14 * 256);
            }
            Sheet timeliness = book.createSheet(WorkbookUtil.createSafeSheetName(messages.text("stat.sheet.timeliness")));
            Row head = timeliness.createRow(0);
            String[] columns = {"stat.col.step", "stat.col.done", "stat.col.onTime", "stat.col.share", "stat.col.medianDelay"};
            for (int c = 0; c < columns.length; c++) {
                cell(head, c, messages.text(columns[c]), bold);
            }
            int row = 1;
            for (PeriodicReport.Timeliness t : r.timeliness()) {
                Row line = timeliness.createRow(row++);
                line.createCell(0).setCellValue(t.label());
                line.createCell(1).setCellValue(t.done());
                line.createCell(2).setCellValue(t.onTime());
                if (t.shareOnTime() != null) {
                    line.createCell(3).setCellValue(t.shareOnTime());
                }
                if (t.medianDelayHours() != null) {
                    line.createCell(4).setCellValue(t.medianDelayHours());
                }
            }
            timeliness.setColumnWidth(0, 50 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] csv(PeriodicReport.Report r) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        row(csv, messages.text("stat.col.table"), messages.text("stat.col.item"), messages.text("stat.col.count"));
        String summary = messages.text("stat.sheet.summary");
        totals(r).forEach(t -> row(csv, summary, t.getKey(), String.valueOf(t.getValue())));
        for (PeriodicReport.Table table : r.tables()) {
            table.rows().forEach(line -> row(csv, table.title(), line.label(), String.valueOf(line.count())));
        }
        String timely = messages.text("stat.sheet.timeliness");
        for (PeriodicReport.Timeliness t : r.timeliness()) {
            row(csv, timely, t.label() + " — " + messages.text("stat.col.done"), String.valueOf(t.done()));
            row(csv, timely, t.label() + " — " + messages.text("stat.col.onTime"), String.valueOf(t.onTime()));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] pdf(PeriodicReport.Report r) {
        return pdf.render("print/statistics", Map.of("r", r, "totals", totals(r), "printedAt", clock.instant()),
                org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    /** A line of quoted fields; text a spreadsheet would take for a formula (= + - @) is kept as text. */
    private static void row(StringBuilder csv, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i];
            if (!field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0) {
                field = "'" + field;
            }
            csv.append(i == 0 ? "" : ",").append('"').append(field.replace("\"", "\"\"")).append('"');
        }
        csv.append("\r\n");
    }

    private static void line(Sheet sheet, int row, CellStyle style, String text) {
        cell(sheet.createRow(row), 0, text, style);
    }

    private static void figure(Sheet sheet, int row, String label, long count) {
        Row line = sheet.createRow(row);
        line.createCell(0).setCellValue(label);
        line.createCell(1).setCellValue(count);
    }

    private static void cell(Row row, int column, String text, CellStyle style) {
        var cell = row.createCell(column);
        cell.setCellValue(text);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
