package vn.childprotection.oversight;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.childprotection.common.Messages;
import vn.childprotection.process.StepDeadlines;

/**
 * The legal deadlines as this installation counts them, read-only, so that a supervisor can hold them against the
 * law: each with its value, what it counts from, its reminder and where the law sets it ({@code /deadlines},
 * {@code GET /api/deadlines}).
 */
@RestController
class DeadlinesInForce {

    /** One deadline in words, in the reader's language, beside its configured values (the contract's name). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "DeadlineInForce")
    record Line(String name, String step, String value, String countsFrom, String remindBefore, String basis,
                StepDeadlines.InForce configured) {
    }

    private final StepDeadlines deadlines;
    private final Messages messages;

    DeadlinesInForce(StepDeadlines deadlines, Messages messages) {
        this.deadlines = deadlines;
        this.messages = messages;
    }

    @GetMapping("/api/deadlines")
    List<Line> lines() {
        Locale locale = LocaleContextHolder.getLocale();
        return deadlines.inForce().stream().map(d -> new Line(d.name(),
                messages.textIn(locale, "deadline.step." + d.name()),
                d.duration() != null ? duration(locale, d.duration())
                        : d.workingDays() != null ? messages.textIn(locale, "deadline.workingDays", d.workingDays())
                        : messages.textIn(locale, "deadline.months", d.months()),
                messages.textIn(locale, "deadline.anchor." + d.anchor()),
                d.remindBefore() == null ? "" : duration(locale, d.remindBefore()),
                messages.textIn(locale, "deadline.basis." + d.name()), d)).toList();
    }

    private String duration(Locale locale, Duration duration) {
        if (duration.isZero()) {
            return messages.textIn(locale, "deadline.atOnce");
        }
        if (duration.toHours() % 24 == 0) {
            return messages.textIn(locale, "deadline.days", duration.toDays());
        }
        if (duration.toMinutes() % 60 == 0) {
            return messages.textIn(locale, "deadline.hours", duration.toHours());
        }
        return messages.textIn(locale, "deadline.minutes", duration.toMinutes());
    }
}
