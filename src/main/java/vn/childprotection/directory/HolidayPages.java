package vn.childprotection.directory;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.childprotection.common.ConflictException;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.web.PageController;

/** "Ngày nghỉ": a year of the working-day calendar, a day added or removed, for administrators. */
@PageController
class HolidayPages {

    private final Holidays holidays;
    private final HolidayAdministration administration;
    private final java.time.Clock clock;

    HolidayPages(Holidays holidays, HolidayAdministration administration, java.time.Clock clock) {
        this.holidays = holidays;
        this.administration = administration;
        this.clock = clock;
    }

    @GetMapping("/admin/holidays")
    String year(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() : year;
        return page(shown, model,
                new HolidayAdministration.NewDay("", "HOLIDAY", ""), Map.of());
    }

    @PostMapping("/admin/holidays")
    String add(@RequestParam(required = false) String date, @RequestParam(required = false) String kind,
               @RequestParam(required = false) String name, Model model, RedirectAttributes flash) {
        HolidayAdministration.NewDay input = new HolidayAdministration.NewDay(date, kind, name);
        try {
            Holidays.Day day = administration.add(input);
            flash.addFlashAttribute("ok", "holiday.added");
            return "redirect:/admin/holidays?year=" + day.date().getYear();
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
            return page(yearOf(date), model, input, errors);
        } catch (ConflictException e) {
            return page(yearOf(date), model, input, Map.of("date", e.getMessage()));
        }
    }

    @PostMapping("/admin/holidays/{date}/delete")
    String remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, RedirectAttributes flash) {
        administration.remove(date);
        flash.addFlashAttribute("ok", "holiday.removed");
        return "redirect:/admin/holidays?year=" + date.getYear();
    }

    private int yearOf(String date) {
        try {
            return LocalDate.parse(date.strip()).getYear();
        } catch (RuntimeException e) {
            return LocalDate.now(clock).getYear();
        }
    }

    private String page(int year, Model model, HolidayAdministration.NewDay input, Map<String, String> errors) {
        model.addAttribute("year", year);
        model.addAttribute("days", holidays.year(year));
        model.addAttribute("years", holidays.years());
        model.addAttribute("coveredUntil", holidays.coveredUntil().orElse(null));
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        return "directory/holidays";
    }
}
