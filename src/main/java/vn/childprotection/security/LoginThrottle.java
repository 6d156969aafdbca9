package vn.childprotection.security;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.childprotection.persistence.LockRows;

/**
 * Failed sign-ins slow down; they never lock anyone out for long (NIST SP 800-63B 5.2.2). Three counters
 * each get a growing delay once past their free attempts (first-delay, doubling up to a cap): the account
 * from one address (stops a guesser without touching the owner elsewhere), the account from anywhere
 * (shorter delays, and at most {@code daily-cap} failures a day), and the address across accounts
 * (password spraying; a successful sign-in from the address starts it again). Before a password is
 * checked the attempt takes one of a few places for its account and address, under the counters' row
 * locks; a success gives its place back, a failure keeps it for a while: guesses sent in parallel check at
 * most that many passwords, while a client's honest parallel requests still pass. Attempts refused by a delay are not counted, so
 * hammering cannot extend the delay: the right password after it signs in.
 */
@Component
public class LoginThrottle {

    /** Places taken by attempts that failed (or died before their outcome) are free again this long after the last. */
    private static final Duration PENDING_EXPIRES = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final int pairFree;
    private final int accountFree;
    private final int addressFree;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration accountMaxDelay;
    private final int dailyCap;
    private final int maxConcurrent;
    private final LockRows lockRows;

    public LoginThrottle(JdbcClient jdbc, LockRows lockRows, Clock clock,
                         @Value("${child-protection.login.free-attempts}") int pairFree,
                         @Value("${child-protection.login.account-free-attempts}") int accountFree,
                         @Value("${child-protection.login.address-free-attempts}") int addressFree,
                         @Value("${child-protection.login.first-delay}") Duration firstDelay,
                         @Value("${child-protection.login.max-delay}") Duration maxDelay,
                         @Value("${child-protection.login.account-max-delay}") Duration accountMaxDelay,
                         @Value("${child-protection.login.daily-cap}") int dailyCap,
                         @Value("${child-protection.login.max-concurrent-checks}") int maxConcurrent) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = clock.getZone();
        this.pairFree = pairFree;
        this.accountFree = accountFree;
        this.addressFree = addressFree;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.accountMaxDelay = accountMaxDelay;
        this.dailyCap = dailyCap;
        this.maxConcurrent = maxConcurrent;
        this.lockRows = lockRows;
    }

    private record Row(String key, int failures, Instant blockedUntil, LocalDate day, int dayFailures, int pending,
                       Instant pendingSince) {

        boolean blockedAt(Instant now) {
            return blockedUntil != null && blockedUntil.isAfter(now);
        }

        int pendingAt(Instant now) {
            return pendingSince == null || pendingSince.plus(PENDING_EXPIRES).isBefore(now) ? 0 : pending;
        }
    }

    /**
     * May this attempt have its password checked? If so it holds one of its account and address's places
     * until {@link #succeeded} or {@link #failed}. Commits on its own, before the password check.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean reserve(String username, String address) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        String user = userKey(username);
        String pair = pairKey(username, address);
        // locks taken in key order, so that two attempts never wait on each other in a circle
        TreeMap<String, Row> rows = new TreeMap<>();
        for (String key : new TreeSet<>(List.of(user, pair, addressKey(address)))) {
            rows.put(key, lock(key));
        }
        Row u = rows.get(user);
        Row p = rows.get(pair);
        if (rows.values().stream().anyMatch(r -> r.blockedAt(now))
                || (today.equals(u.day()) && u.dayFailures() >= dailyCap)
                || p.pendingAt(now) >= maxConcurrent) {
            return false;
        }
        jdbc.sql("update login_throttle set pending = ?, pending_since = ? where throttle_key = ?")
                .params(p.pendingAt(now) + 1, Timestamp.from(now), pair).update();
        jdbc.sql("update login_throttle set checks = checks + 1 where throttle_key = ?").param(user).update();
        return true;
    }

    /**
     * The password was right: the account's and the address's runs start again (an office behind one
     * address is not slowed down by its own typing mistakes).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String username, String address) {
        // in key order (addr: < pair: < user:), as reserve and failed lock them: in any other order a sign-in
        // finishing while another of the same person starts waits on it in a circle (a deadlock on PostgreSQL)
        jdbc.sql("delete from login_throttle where throttle_key = ?").param(addressKey(address)).update();
        jdbc.sql("update login_throttle set failures = 0, blocked_until = null, pending = case when pending > 0 "
                        + "then pending - 1 else 0 end where throttle_key = ?")
                .param(pairKey(username, address)).update();
        jdbc.sql("update login_throttle set failures = 0, blocked_until = null where throttle_key = ?")
                .param(userKey(username)).update();
    }

    /** The password was wrong: each counter counts it, and slows its key down once past its free attempts. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String username, String address) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        TreeMap<String, Integer> free = new TreeMap<>(Map.of(userKey(username), accountFree,
                pairKey(username, address), pairFree, addressKey(address), addressFree));
        for (var counter : free.entrySet()) {
            Row row = lock(counter.getKey());
            int failures = row.failures() + 1;
            Duration max = counter.getKey().startsWith("user:") ? accountMaxDelay : maxDelay;
            Instant blockedUntil = failures >= counter.getValue()
                    ? now.plus(delay(firstDelay, failures - counter.getValue(), max)) : null;
            int dayFailures = today.equals(row.day()) ? row.dayFailures() + 1 : 1;
            // a failed attempt keeps its place until the places expire: a burst of guesses checks at most
            // max-concurrent-checks passwords before the failures slow the rest down; once the key is slowed
            // down the delay takes over from the places
            jdbc.sql("""
                            update login_throttle set failures = ?, blocked_until = ?, failure_day = ?, day_failures = ?,
                                pending = case when ? then 0 else pending end
                            where throttle_key = ?""")
                    .params(failures, blockedUntil == null ? null : Timestamp.from(blockedUntil), Date.valueOf(today),
                            dayFailures, blockedUntil != null, row.key())
                    .update();
        }
    }

    /** Whether the account is slowed down now, from anywhere or from some address (what "locked" means here). */
    public boolean locked(String username) {
        return jdbc.sql("""
                        select count(*) from login_throttle where (throttle_key = ? or (throttle_key >= ? and throttle_key < ?))
                          and (blocked_until > ? or (failure_day = ? and day_failures >= ?))""")
                .params(userKey(username), pairKey(username, ""), pairsEnd(username), Timestamp.from(clock.instant()),
                        Date.valueOf(clock.instant().atZone(zone).toLocalDate()), dailyCap)
                .query(Long.class).single() > 0;
    }

    /** An administrator unlocks the account: its counters, from anywhere and from each address, start again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void unlock(String username) {
        jdbc.sql("delete from login_throttle where throttle_key = ? or (throttle_key >= ? and throttle_key < ?)")
                .params(userKey(username), pairKey(username, ""), pairsEnd(username)).update();
    }

    /** The first delay, then twice as long each time, up to the cap. */
    static Duration delay(Duration first, int beyondFree, Duration max) {
        Duration delay = first.multipliedBy(1L << Math.min(beyondFree, 20));
        return delay.compareTo(max) > 0 ? max : delay;
    }

    private Row lock(String key) {
        while (true) {
            lockRows.ensure("login_throttle", "throttle_key", key);
            // a sign-in that succeeded this instant may have deleted the address's row between the two statements
            // (parallel requests of one caller, on one node or several): then it is made again
            Optional<Row> row = jdbc.sql("""
                            select throttle_key, failures, blocked_until, failure_day, day_failures, pending, pending_since
                            from login_throttle where throttle_key = ? for update""")
                    .param(key)
                    .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2),
                            rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
                            rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getInt(6),
                            rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                    .optional();
            if (row.isPresent()) {
                return row.get();
            }
        }
    }

    static String userKey(String username) {
        return "user:" + normalise(username);
    }

    static String pairKey(String username, String address) {
        return "pair:" + normalise(username) + "|" + address;
    }

    /** Just past every pair key of the account ("pair:name|…" sorts before "pair:name}"): a range the key's index reads. */
    private static String pairsEnd(String username) {
        return "pair:" + normalise(username) + "}";
    }

    static String addressKey(String address) {
        return "addr:" + address;
    }

    private static String normalise(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
