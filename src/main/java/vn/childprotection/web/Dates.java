package vn.childprotection.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

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
     * The time left to a deadline as people say it, "còn 3 giờ", "quá hạn 2 ngày": minutes under an hour and a
     * half, hours under a day and a half, days beyond, each rounded; empty without a deadline.
     */
    public String timeLeft(Instant due) {
        if (due == null) {
            return "";
        }
        Duration left = Duration.between(clock.instant(), due);
        boolean overdue = left.isNegative();
        long minutes = Math.max(1, left.abs().toMinutes());
        String unit;
        long amount;
        // rounded to the nearest: 1 h 50 min is "2 giờ", 47 h is "2 ngày"
        if (minutes < 90) {
            unit = "minutes";
            amount = minutes;
        } else if (minutes < 36 * 60) {
            unit = "hours";
            amount = Math.round(minutes / 60.0);
        } else {
            unit = "days";
            amount = Math.round(minutes / 1440.0);
        }
        return messages.text("deadline." + (overdue ? "overdueBy." : "left.") + unit, amount);
    }

    public String format(Instant at) {
        return at == null ? "" : DATE_TIME.format(at.atZone(zone));
    }

    /** The date line of an administrative document: "ngày 05 tháng 12 năm 2026" (Vietnam time). */
    public String official(Instant at) {
        if (at == null) {
            return "ngày ... tháng ... năm ......";
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        return String.format("ngày %02d tháng %02d năm %d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
    }

    public String format(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    /**
     * A value stored in a form as text, as the page shows it: an ISO day ("2026-12-05") or time
     * ("2026-12-05T08:30:00+07:00") in Vietnamese order, anything else as it is.
     */
    public String text(String value) {
        if (value == null) {
            return "";
        }
        if (ISO_DAY.matcher(value).matches()) {
            try {
                return format(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        if (ISO_TIME.matcher(value).matches()) {
            try {
                return format(OffsetDateTime.parse(value).toInstant());
            } catch (DateTimeParseException e) {
                try {
                    return format(Instant.parse(value));
                } catch (DateTimeParseException again) {
                    return value;
                }
            }
        }
        return value;
    }

    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");

    /** For {@code <time datetime>}. */
    public String iso(Instant at) {
        return at == null ? "" : ISO.format(at.atZone(zone));
    }
}
