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

    public WorkingDayCalendar calendar() {
        Map<LocalDate, Boolean> exceptions = new HashMap<>();
        jdbc.sql("select holiday_date, kind from holiday").query(rs -> {
            exceptions.put(rs.getObject(1, LocalDate.class), "WORKING_DAY".equals(rs.getString(2)));
        });
        return new WorkingDayCalendar(exceptions);
    }
}
