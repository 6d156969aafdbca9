package vn.childprotection.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Dates and times as pages show them: Vietnamese order, in the business time zone ({@code @dates} in templates). */
@Component("dates")
class Dates {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ZoneId zone;

    public Dates(Clock clock) {
        this.zone = clock.getZone();
    }

    public String format(Instant at) {
        return at == null ? "" : DATE_TIME.format(at.atZone(zone));
    }

    public String format(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    /** For {@code <time datetime>}. */
    public String iso(Instant at) {
        return at == null ? "" : ISO.format(at.atZone(zone));
    }
}
