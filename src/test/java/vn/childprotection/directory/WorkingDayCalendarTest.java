package vn.childprotection.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import vn.childprotection.ApiTestBase;

/** The calendar as the database seeds it (HOLIDAYS.md), read through the application. */
class WorkingDayCalendarTest extends ApiTestBase {

    @Autowired
    Holidays holidays;

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2026-02-13, 5, 2026-02-27",   // Friday before Tết Bính Ngọ (16-20 Feb) and its weekends
            "2026-11-19, 5, 2026-11-27",   // weekend, then Vietnamese Culture Day on Tuesday 24 Nov
            "2026-01-08, 2, 2026-01-10",   // Saturday 10 Jan is a make-up working day
            "2026-08-28, 1, 2026-09-03",   // 31 Aug swapped off, 1-2 Sep National Day
            "2026-04-24, 1, 2026-04-28",   // Hùng Kings' day on Sunday, made up on Monday 27 Apr
            "2027-02-03, 1, 2027-02-11",   // Tết Đinh Mùi 4-10 Feb 2027
            "2026-11-21, 1, 2026-11-23"})  // counted from a Saturday: Monday is the first working day
    void countsOnlyWorkingDays(LocalDate start, int days, LocalDate due) {
        assertThat(holidays.calendar().plusWorkingDays(start, days)).isEqualTo(due);
    }

    @Test
    void weekendsAndHolidaysAreOffMakeUpSaturdaysAreWorked() {
        WorkingDayCalendar calendar = holidays.calendar();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-24"))).as("Culture Day").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-28"))).as("a Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-08-22"))).as("make-up Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-25"))).as("a Wednesday").isTrue();
    }
}
