package vn.childprotection.directory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.childprotection.audit.AuditTrail;
import vn.childprotection.common.ConflictException;
import vn.childprotection.common.FieldMessage;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.common.NotFoundException;

/**
 * Administrators keep the working-day calendar: holidays and days off, and the weekend days worked to make up for
 * a swapped one. A change counts for every deadline counted from then on; deadlines already set keep their day.
 * Each change audited.
 */
@Service
class HolidayAdministration {

    /** A day as an administrator enters it ({@code POST /api/admin/holidays}, the page). */
    record NewDay(String date, String kind, String name) {
    }

    private final Holidays holidays;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Messages messages;

    HolidayAdministration(Holidays holidays, AuditTrail audit, TransactionTemplate tx, Messages messages) {
        this.holidays = holidays;
        this.audit = audit;
        this.tx = tx;
        this.messages = messages;
    }

    Holidays.Day add(NewDay input) {
        List<FieldMessage> errors = new ArrayList<>();
        LocalDate date = null;
        try {
            date = input.date() == null || input.date().isBlank() ? null : LocalDate.parse(input.date().strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldMessage("date", messages.text("holiday.badDate")));
        }
        if (date == null && errors.isEmpty()) {
            errors.add(new FieldMessage("date", messages.text("validation.required")));
        } else if (date != null && (date.getYear() < 2000 || date.getYear() > 2100)) {
            errors.add(new FieldMessage("date", messages.text("validation.dateRange")));
        }
        String kind = input.kind() == null ? "" : input.kind().strip();
        if (!kind.equals("HOLIDAY") && !kind.equals("WORKING_DAY")) {
            errors.add(new FieldMessage("kind", messages.text("holiday.kindRule")));
        } else if (kind.equals("WORKING_DAY") && date != null && date.getDayOfWeek() != DayOfWeek.SATURDAY
                && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
            errors.add(new FieldMessage("date", messages.text("holiday.workingDayOnWeekend")));
        }
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            errors.add(new FieldMessage("name", messages.text("validation.required")));
        } else if (name.length() > 200) {
            errors.add(new FieldMessage("name", messages.text("validation.tooLong")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Holidays.Day day = new Holidays.Day(date, kind, name);
        if (holidays.day(date).isPresent()) {
            throw new ConflictException(messages.text("holiday.already", date));
        }
        tx.executeWithoutResult(s -> {
            holidays.add(day);
            audit.record("HOLIDAY_ADDED", null, day.date() + " " + day.kind() + " " + day.name());
        });
        return day;
    }

    void remove(LocalDate date) {
        tx.executeWithoutResult(s -> {
            if (!holidays.remove(date)) {
                throw new NotFoundException("no such day in the calendar: " + date);
            }
            audit.record("HOLIDAY_REMOVED", null, date.toString());
        });
    }
}
