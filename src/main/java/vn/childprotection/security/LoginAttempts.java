package vn.childprotection.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Failed-login throttling: after {@code max-failures} wrong passwords in a row an account is locked
 * for {@code lockout}, whatever password is tried meanwhile. Kept in the database so that every node
 * of a cluster agrees and a restart does not lift a lock.
 */
@Component
public class LoginAttempts {

    /** An account's failures since its last successful sign-in, and until when it is locked. */
    public record State(int failures, Instant lockedUntil) {

        static final State CLEAN = new State(0, null);

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    public LoginAttempts(JdbcClient jdbc, Clock clock,
                         @Value("${child-protection.login.max-failures}") int maxFailures,
                         @Value("${child-protection.login.lockout}") Duration lockout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    public State of(String username) {
        return jdbc.sql("select failures, locked_until from login_failure where username = ?")
                .param(username)
                .query((rs, n) -> new State(rs.getInt(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .optional().orElse(State.CLEAN);
    }

    public boolean locked(String username) {
        return of(username).lockedAt(clock.instant());
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        if (username == null || username.length() > 64) {
            return;
        }
        int failures = recordFailure(username);
        if (failures >= maxFailures) {
            // the lock starts now; the count starts again after it
            jdbc.sql("update login_failure set failures = 0, locked_until = ? where username = ?")
                    .params(Timestamp.from(clock.instant().plus(lockout)), username).update();
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        // most sign-ins follow no failure: write only when there is something to clear
        if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal principal && principal.hadFailures()) {
            jdbc.sql("delete from login_failure where username = ?").param(principal.getUsername()).update();
        }
    }

    /** Counts one more failure for an existing account; returns the count (0 for an unknown user). */
    private int recordFailure(String username) {
        int updated = jdbc.sql("update login_failure set failures = failures + 1 where username = ?")
                .param(username).update();
        if (updated == 0) {
            try {
                jdbc.sql("""
                                insert into login_failure (username, failures)
                                select username, 1 from staff_user where username = ?""")
                        .param(username).update();
            } catch (DuplicateKeyException raced) {
                jdbc.sql("update login_failure set failures = failures + 1 where username = ?")
                        .param(username).update();
            }
        }
        return of(username).failures();
    }
}
