package vn.childprotection.oversight;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.security.StaffPrincipal;

/**
 * {@code GET /api/statistics/periodic?unit&from&to&format}: the periodic report of a commune, a province or the
 * country ({@code VN}) as JSON, or with {@code format} {@code xlsx}, {@code csv} or {@code pdf} as a file.
 */
@RestController
class StatisticsController {

    private final Statistics statistics;
    private final StatisticsExports exports;
    private final Messages messages;

    StatisticsController(Statistics statistics, StatisticsExports exports, Messages messages) {
        this.statistics = statistics;
        this.exports = exports;
        this.messages = messages;
    }

    @GetMapping("/api/statistics/periodic")
    ResponseEntity<?> periodic(@RequestParam(required = false) String unit,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(required = false) String format,
                               @AuthenticationPrincipal StaffPrincipal user) {
        return answer(statistics, exports, messages, user, unit, from, to, format);
    }

    /** The report in the format asked for: JSON, or a file that is downloaded and never kept in a cache. */
    static ResponseEntity<?> answer(Statistics statistics, StatisticsExports exports, Messages messages,
                                    StaffPrincipal user, String unit, LocalDate from, LocalDate to, String format) {
        String kind = format == null || format.isBlank() ? "json" : format.strip().toLowerCase(java.util.Locale.ROOT);
        if (!java.util.Set.of("json", "xlsx", "csv", "pdf").contains(kind)) {
            throw new InvalidInputException("format", messages.text("stat.badFormat"));
        }
        PeriodicReport.Report report = statistics.report(user, unit, from, to);
        // counts only, but a commune's small numbers are sensitive: who read which unit's figures, and how
        statistics.audited(report, kind);
        return switch (kind) {
            case "xlsx" -> file(exports.xlsx(report), exports.fileName(report, "xlsx"),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            case "csv" -> file(exports.csv(report), exports.fileName(report, "csv"), "text/csv;charset=UTF-8");
            case "pdf" -> file(exports.pdf(report), exports.fileName(report, "pdf"), MediaType.APPLICATION_PDF_VALUE);
            default -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(report);
        };
    }

    private static ResponseEntity<byte[]> file(byte[] content, String name, String type) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }
}
