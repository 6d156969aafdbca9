package vn.childprotection.oversight;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.security.StaffPrincipal;
import vn.childprotection.web.PageController;

/**
 * "Báo cáo định kỳ": the periodic report of one's commune or province on a page (tables and bars, as the dashboard),
 * the unit and the period chosen in a form (the half-years and the year at a click), and the same report downloaded
 * as Excel, CSV or PDF.
 */
@PageController
class StatisticsPage {

    private final Statistics statistics;
    private final StatisticsExports exports;
    private final Messages messages;

    StatisticsPage(Statistics statistics, StatisticsExports exports, Messages messages) {
        this.statistics = statistics;
        this.exports = exports;
        this.messages = messages;
    }

    @GetMapping("/statistics")
    String page(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @AuthenticationPrincipal StaffPrincipal user, Model model) {
        List<PeriodicReport.Unit> units = statistics.units(user);
        model.addAttribute("units", units);
        LocalDate start = day(from, "from", model);
        LocalDate end = day(to, "to", model);
        if (!model.containsAttribute("errors")) {
            try {
                PeriodicReport.Report report = statistics.report(user, unit, start, end);
                model.addAttribute("r", report);
                model.addAttribute("totals", exports.totals(report));
                model.addAttribute("charts", report.tables().stream().map(t -> new Chart(t.key(), t.title(),
                        bars(t.rows()))).toList());
                int year = report.from().getYear();
                model.addAttribute("presets", List.of(
                        new Preset(messages.text("stat.firstHalf", year), LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30)),
                        new Preset(messages.text("stat.secondHalf", year), LocalDate.of(year, 7, 1), LocalDate.of(year, 12, 31)),
                        new Preset(messages.text("stat.year", year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)),
                        new Preset(messages.text("stat.year", year - 1), LocalDate.of(year - 1, 1, 1), LocalDate.of(year - 1, 12, 31))));
            } catch (InvalidInputException e) {
                model.addAttribute("errors", e.errors());
            }
        }
        model.addAttribute("unit", unit);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "oversight/statistics";
    }

    /** The same report as a file, for the page's download links. */
    @GetMapping("/statistics/periodic")
    ResponseEntity<?> download(@RequestParam(required = false) String unit,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(required = false) String format,
                               @AuthenticationPrincipal StaffPrincipal user) {
        return StatisticsController.answer(statistics, exports, messages, user, unit, from, to, format);
    }

    record Preset(String label, LocalDate from, LocalDate to) {
    }

    record Chart(String key, String title, List<DashboardPage.Bar> bars) {
    }

    private static List<DashboardPage.Bar> bars(List<PeriodicReport.Row> rows) {
        long max = rows.stream().mapToLong(PeriodicReport.Row::count).max().orElse(0);
        return rows.stream().map(r -> new DashboardPage.Bar(r.label(), r.count(),
                max == 0 ? 0 : (int) Math.round(100.0 * r.count() / max))).toList();
    }

    private LocalDate day(String value, String field, Model model) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            model.addAttribute("errors", List.of(new vn.childprotection.common.FieldMessage(field,
                    messages.text("problem.field.unreadable"))));
            return null;
        }
    }
}
