package vn.childprotection.directory;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/admin/holidays}: the working-day calendar, for administrators. */
@RestController
@RequestMapping("/api/admin/holidays")
class HolidayController {

    private final Holidays holidays;
    private final HolidayAdministration administration;
    private final java.time.Clock clock;

    HolidayController(Holidays holidays, HolidayAdministration administration, java.time.Clock clock) {
        this.holidays = holidays;
        this.administration = administration;
        this.clock = clock;
    }

    /** The year's days ({@code year}: this year by default), in date order. */
    @GetMapping
    List<Holidays.Day> year(@RequestParam(required = false) Integer year) {
        if (year != null && (year < 2000 || year > 2100)) {
            throw new vn.childprotection.common.InvalidInputException("year", "2000–2100");
        }
        return holidays.year(year == null ? LocalDate.now(clock).getYear() : year);
    }

    /** 201 with the day; 400 field by field; 409 when the date is in the calendar already. */
    @PostMapping
    ResponseEntity<Holidays.Day> add(@RequestBody HolidayAdministration.NewDay day) {
        Holidays.Day added = administration.add(day);
        return ResponseEntity.created(URI.create("/api/admin/holidays/" + added.date())).body(added);
    }

    @DeleteMapping("/{date}")
    ResponseEntity<Void> remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        administration.remove(date);
        return ResponseEntity.noContent().build();
    }
}
