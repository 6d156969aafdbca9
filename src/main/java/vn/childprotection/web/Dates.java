package vn.childprotection.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import vn.childprotection.common.Messages;

/** Dates and times as pages show them: Vietnamese order, in the business time zone ({@code @dates} in templates). */
@Component("dates")
class Dates {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ZoneId zone;
    private final Clock clock;
    private final Messages messages;

    Dates(Clock clock, Messages messages) {
        this.zone = clock.getZone();
        this.clock = clock;
        this.messages = messages;
    }

    /**
     * The time left to a deadline as people say it, "còn 3 giờ", "quá hạn 2 ngày": minutes under an hour,
     * hours under two days, days beyond; empty without a deadline.
     */
    public String timeLeft(Instant due) {
        if (due == null) {
            return "";
        }
        Duration left = Duration.between(clock.instant(), due);
        boolean overdue = left.isNegative();
        Duration span = left.abs();
        String unit;
        long amount;
        if (span.compareTo(Duration.ofHours(1)) < 0) {
            unit = "minutes";
            amount = Math.max(1, span.toMinutes());
        } else if (span.compareTo(Duration.ofHours(48)) < 0) {
            unit = "hours";
            amount = span.toHours();
        } else {
            unit = "days";
            amount = span.toDays();
        }
        return messages.text("deadline." + (overdue ? "overdueBy." : "left.") + unit, amount);
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
