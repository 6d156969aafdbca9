package vn.childprotection.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnore;

import vn.childprotection.common.Messages;
import vn.childprotection.directory.Holidays;
import vn.childprotection.directory.People;
import vn.childprotection.process.DeadlineState;
import vn.childprotection.process.StepDeadlines;

/** The timeline as people read it: titles in their language, and each step against its deadline. */
@Component
class TimelineView {

    /**
     * One line of GET /api/cases/{id}/timeline (API.md); {@code title} in the caller's language, {@code overdue}
     * when the deadline passed (done late, or open past it). The page shows the {@link DeadlineState}.
     */
    record TimelineEntry(Instant at, String type, String title, String actor, Instant dueAt, Instant doneAt,
                         boolean overdue, boolean countedWithoutHolidays, @JsonIgnore DeadlineState state,
                         @JsonIgnore String actorName) {

        /** The timeline's word for the state: an open step reads OPEN even on its last day, a line without deadline EVENT. */
        public String pageState() {
            return switch (state) {
                case NONE -> "EVENT";
                case DUE_SOON -> DeadlineState.OPEN.name();
                default -> state.name();
            };
        }
    }

    private final Messages messages;
    private final Clock clock;
    private final StepDeadlines deadlines;
    private final Holidays holidays;
    private final People people;

    TimelineView(Messages messages, Clock clock, StepDeadlines deadlines, Holidays holidays, People people) {
        this.messages = messages;
        this.clock = clock;
        this.deadlines = deadlines;
        this.holidays = holidays;
        this.people = people;
    }

    List<TimelineEntry> of(List<Timeline.Entry> entries) {
        Function<String, String> names = people.names();
        LocalDate coveredUntil = holidays.coveredUntil().orElse(LocalDate.MIN);
        return entries.stream()
                .map(e -> {
                    DeadlineState state = e.deadline(clock);
                    return new TimelineEntry(e.at(), e.type(), title(e), e.actor(), e.dueAt(), e.doneAt(),
                            state.missed(),
                            // a working-day deadline past the calendar's last year was counted without its holidays
                            e.dueAt() != null && deadlines.countsWorkingDays(e.type())
                                    && LocalDate.ofInstant(e.dueAt(), clock.getZone()).isAfter(coveredUntil),
                            state, e.actor() == null ? null : names.apply(e.actor()));
                })
                .toList();
    }

    private String title(Timeline.Entry e) {
        String taskTitle = messages.find("task.type." + e.type()).orElse(null);
        // a step of the process (a task) has neither detail nor escalated step; events have one or no task title
        if (taskTitle != null && e.detail() == null && e.step() == null) {
            return taskTitle;
        }
        String step = e.step() == null ? "" : messages.find("task.type." + e.step()).orElse(e.step());
        String detail = e.detail() == null ? "" : codeText(e.detail());
        String title = messages.find("timeline." + e.type(), step, detail).orElse("");
        return title.isEmpty() ? (taskTitle == null ? e.type() : taskTitle) : title;
    }

    /** A code stored as detail (a channel, a police outcome) in words; any other detail as it is. */
    private String codeText(String detail) {
        for (String kind : new String[] {"Channel", "Outcome", "ReferralSource", "ContactKind"}) {
            Optional<String> text = messages.find("enum." + kind + "." + detail);
            if (text.isPresent()) {
                return text.get();
            }
        }
        return detail;
    }
}
