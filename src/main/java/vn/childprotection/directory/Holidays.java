package vn.childprotection.directory;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The holiday calendar as administrators keep it; read fresh so that an edit counts at once. */
@Service
public class Holidays {

    private final JdbcClient jdbc;

    public Holidays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The last day the calendar knows: the end of the last year it holds days of; empty if it holds none. */
    public Optional<LocalDate> coveredUntil() {
        return jdbc.sql("select max(holiday_date) from holiday").query((rs, n) -> rs.getObject(1, LocalDate.class))
                .list().stream().filter(java.util.Objects::nonNull).findFirst()
                .map(last -> LocalDate.of(last.getYear(), 12, 31));
    }

    /** One exception of the calendar: a holiday or day off, or a weekend day worked to make up for one. */
    public record Day(LocalDate date, String kind, String name) {
    }

    /** The year's exceptions, in date order. */
    public java.util.List<Day> year(int year) {
        return jdbc.sql("select holiday_date, kind, name from holiday where holiday_date between ? and ? order by holiday_date")
                .params(java.sql.Date.valueOf(LocalDate.of(year, 1, 1)), java.sql.Date.valueOf(LocalDate.of(year, 12, 31)))
                .query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** The years the calendar holds days of, in order. */
    public java.util.List<Integer> years() {
        return jdbc.sql("select distinct extract(year from holiday_date) from holiday order by 1")
                .query((rs, n) -> rs.getInt(1)).list();
    }

    public Optional<Day> day(LocalDate date) {
        return jdbc.sql("select holiday_date, kind, name from holiday where holiday_date = ?")
                .param(java.sql.Date.valueOf(date))
                .query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** Adds a day (in the caller's transaction); the caller has checked it is not there yet. */
    @org.springframework.transaction.annotation.Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void add(Day day) {
        jdbc.sql("insert into holiday (holiday_date, kind, name) values (?, ?, ?)")
                .params(java.sql.Date.valueOf(day.date()), day.kind(), day.name()).update();
    }

    @org.springframework.transaction.annotation.Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public boolean remove(LocalDate date) {
        return jdbc.sql("delete from holiday where holiday_date = ?").param(java.sql.Date.valueOf(date)).update() == 1;
    }

    public WorkingDayCalendar calendar() {
        Map<LocalDate, Boolean> exceptions = new HashMap<>();
        jdbc.sql("select holiday_date, kind from holiday").query(rs -> {
            exceptions.put(rs.getObject(1, LocalDate.class), "WORKING_DAY".equals(rs.getString(2)));
        });
        return new WorkingDayCalendar(exceptions);
    }
}
