package vn.childprotection.process;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Where a step stands against its deadline, the one vocabulary of the API, the inbox, the timeline and the
 * pages: no deadline, open (due later, due today, overdue), or done on time or late.
 */
public enum DeadlineState {
    NONE, OPEN, DUE_TODAY, OVERDUE, ONTIME, LATE;

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
        return LocalDate.ofInstant(dueAt, clock.getZone()).equals(LocalDate.now(clock)) ? DUE_TODAY : OPEN;
    }

    /** The deadline passed: overdue while open, or done late. */
    public boolean missed() {
        return this == OVERDUE || this == LATE;
    }
}
