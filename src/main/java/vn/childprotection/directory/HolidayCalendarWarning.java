package vn.childprotection.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.childprotection.web.PageController;

/**
 * Working-day deadlines need next year's holidays before the year begins: from this many days before
 * the calendar runs out, administrators and supervisors see a banner on every page.
 */
@ControllerAdvice(annotations = PageController.class)
class HolidayCalendarWarning {

    static final int WARN_DAYS_BEFORE = 90;
    private static final Logger log = LoggerFactory.getLogger(HolidayCalendarWarning.class);

    private final Holidays holidays;
    private final Clock clock;
    private final ZoneId zone;

    HolidayCalendarWarning(Holidays holidays, Clock clock) {
        this.holidays = holidays;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    /** The last day the calendar covers, when it runs out soon and the user is one who must act; else null. */
    @ModelAttribute("calendarCoveredUntil")
    LocalDate calendarCoveredUntil() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals("ROLE_ADMIN")
                || a.getAuthority().equals("ROLE_SUPERVISOR"))) {
            return null;
        }
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        LocalDate until = holidays.coveredUntil().orElse(today.minusDays(1));
        if (ChronoUnit.DAYS.between(today, until) > WARN_DAYS_BEFORE) {
            return null;
        }
        log.warn("The holiday calendar holds days only until {}: add next year's holidays", until);
        return until;
    }
}
