package vn.childprotection.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Where a step stands against its deadline, the one vocabulary of the API, the inbox, the timeline and the
 * pages: no deadline, open (due later, due within a day, overdue), or done on time or late.
 */
public enum DeadlineState {
    NONE, OPEN, DUE_SOON, OVERDUE, ONTIME, LATE;

    /** An open step is due soon when less than this is left: a 12-hour step is, from the start. */
    public static final Duration SOON = Duration.ofHours(24);

    /** The state of a step due at {@code dueAt} (null: none) and done at {@code doneAt} (null: still open), now. */
    public static DeadlineState of(Instant dueAt, Instant doneAt, Clock clock) {
        if (dueAt == null) {
            return NONE;
        }
        if (doneAt != null) {
            return doneAt.isAfter(dueAt) ? LATE : ONTIME;
        }
        Instant now = clock.instant();
        if (now.isAfter(dueAt)) {
            return OVERDUE;
        }
        // the time left decides, not the calendar: due at 01:00 tomorrow is as near as due at 23:00 today
        return Duration.between(now, dueAt).compareTo(SOON) < 0 ? DUE_SOON : OPEN;
    }

    /** The deadline passed: overdue while open, or done late. */
    public boolean missed() {
        return this == OVERDUE || this == LATE;
    }
}
