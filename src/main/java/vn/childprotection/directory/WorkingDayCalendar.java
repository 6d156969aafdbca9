package vn.childprotection.directory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * Working days of civil servants: Monday to Friday, less public holidays and days off, plus the
 * Saturdays worked to make up for a swapped day. The exceptions are data (the {@code holiday} table).
 */
public final class WorkingDayCalendar {

    /** true: a (Saturday) working day; false: a holiday or day off. */
    private final Map<LocalDate, Boolean> exceptions;

    public WorkingDayCalendar(Map<LocalDate, Boolean> exceptions) {
        this.exceptions = Map.copyOf(exceptions);
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean exception = exceptions.get(day);
        if (exception != null) {
            return exception;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** The n-th working day after {@code start} (start itself not counted, whether it is a working day or not). */
    public LocalDate plusWorkingDays(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
