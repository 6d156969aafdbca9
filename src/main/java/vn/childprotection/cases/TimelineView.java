package vn.childprotection.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import vn.childprotection.directory.Holidays;
import vn.childprotection.workflow.Deadlines;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The timeline as people read it: titles in their language, and each step against its deadline. */
@Component
public class TimelineView {

    /** One line of GET /api/cases/{id}/timeline (API.md); {@code title} in the caller's language. */
    public record TimelineEntry(Instant at, String type, String title, String actor, Instant dueAt, Instant doneAt,
                                boolean overdue, boolean countedWithoutHolidays) {

        /** For the page: ONTIME or LATE when done, OPEN or OVERDUE while open, EVENT when it has no deadline. */
        public String state(Instant now) {
            if (dueAt == null) {
                return "EVENT";
            }
            if (doneAt != null) {
                return overdue ? "LATE" : "ONTIME";
            }
            return now.isAfter(dueAt) ? "OVERDUE" : "OPEN";
        }
    }

    private final MessageSource messages;
    private final Clock clock;
    private final Deadlines deadlines;
    private final Holidays holidays;
    private final ZoneId zone;

    public TimelineView(MessageSource messages, Clock clock, Deadlines deadlines, Holidays holidays,
                        @Value("${child-protection.zone}") ZoneId zone) {
        this.messages = messages;
        this.clock = clock;
        this.deadlines = deadlines;
        this.holidays = holidays;
        this.zone = zone;
    }

    public List<TimelineEntry> of(List<Timeline.Entry> entries) {
        Instant now = clock.instant();
        LocalDate coveredUntil = holidays.coveredUntil().orElse(LocalDate.MIN);
        return entries.stream()
                .map(e -> new TimelineEntry(e.at(), e.type(), title(e), e.actor(), e.dueAt(), e.doneAt(), e.overdue(now),
                        // a working-day deadline past the calendar's last year was counted without its holidays
                        e.dueAt() != null && deadlines.countsWorkingDays(e.type())
                                && e.dueAt().atZone(zone).toLocalDate().isAfter(coveredUntil)))
                .toList();
    }

    private String title(Timeline.Entry e) {
        Locale locale = LocaleContextHolder.getLocale();
        String taskTitle = messages.getMessage("task.type." + e.type(), null, null, locale);
        // a step of the process (a task) has neither detail nor escalated step; events have one or no task title
        if (taskTitle != null && e.detail() == null && e.step() == null) {
            return taskTitle;
        }
        String step = e.step() == null ? "" : messages.getMessage("task.type." + e.step(), null, e.step(), locale);
        String detail = e.detail() == null ? "" : codeText(e.detail(), locale);
        String title = messages.getMessage("timeline." + e.type(), new Object[] {step, detail}, "", locale);
        return title.isEmpty() ? (taskTitle == null ? e.type() : taskTitle) : title;
    }

    /** A code stored as detail (a channel, a police outcome) in words; any other detail as it is. */
    private String codeText(String detail, Locale locale) {
        for (String kind : new String[] {"Channel", "Outcome", "ReferralSource"}) {
            String text = messages.getMessage("enum." + kind + "." + detail, null, null, locale);
            if (text != null) {
                return text;
            }
        }
        return detail;
    }
}
