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
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed sign-ins slow down; they never lock anyone out for long (NIST SP 800-63B 5.2.2). Three counters
 * each get a growing delay once past their free attempts (first-delay, doubling up to a cap): the account from one address (stops a guesser
 * without touching the owner elsewhere), the account from anywhere (shorter delays, and at most
 * {@code daily-cap} failures a day), and the address across accounts (password spraying; a successful
 * sign-in from the address starts it again). An attempt is
 * counted <em>before</em> its password is checked, under the counters' row locks, so that parallel
 * guesses cannot all slip past; a successful sign-in takes its provisional failure back. Attempts refused
 * by a delay are not counted, so hammering cannot extend the delay: the right password after it signs in.
 */
@Component
public class LoginThrottle {

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
    private final boolean postgres;

    public LoginThrottle(JdbcClient jdbc, javax.sql.DataSource dataSource, Clock clock, @Value("${child-protection.zone}") ZoneId zone,
                         @Value("${child-protection.login.free-attempts}") int pairFree,
                         @Value("${child-protection.login.account-free-attempts}") int accountFree,
                         @Value("${child-protection.login.address-free-attempts}") int addressFree,
                         @Value("${child-protection.login.first-delay}") Duration firstDelay,
                         @Value("${child-protection.login.max-delay}") Duration maxDelay,
                         @Value("${child-protection.login.account-max-delay}") Duration accountMaxDelay,
                         @Value("${child-protection.login.daily-cap}") int dailyCap)
            throws org.springframework.jdbc.support.MetaDataAccessException {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
        this.pairFree = pairFree;
        this.accountFree = accountFree;
        this.addressFree = addressFree;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.accountMaxDelay = accountMaxDelay;
        this.dailyCap = dailyCap;
        this.postgres = org.springframework.jdbc.support.JdbcUtils.extractDatabaseMetaData(dataSource,
                java.sql.DatabaseMetaData::getDatabaseProductName).toLowerCase(Locale.ROOT).contains("postgres");
    }

    private record Row(String key, int failures, Instant blockedUntil, LocalDate day, int dayFailures) {

        boolean blockedAt(Instant now) {
            return blockedUntil != null && blockedUntil.isAfter(now);
        }
    }

    /**
     * May this attempt have its password checked? If so one failure is counted for the account now, and
     * taken back by {@link #succeeded}. Commits on its own, before the password check.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean reserve(String username, String address) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        String user = userKey(username);
        String pair = pairKey(username, address);
        String addr = addressKey(address);
        // locks taken in key order, so that two attempts never wait on each other in a circle
        TreeMap<String, Row> rows = new TreeMap<>();
        for (String key : new TreeMap<>(java.util.Map.of(user, 1, pair, 2, addr, 3)).keySet()) {
            rows.put(key, lock(key));
        }
        Row u = rows.get(user);
        if (rows.values().stream().anyMatch(r -> r.blockedAt(now))
                || (today.equals(u.day()) && u.dayFailures() >= dailyCap)) {
            return false;
        }
        Row p = rows.get(pair);
        count(p, now, pairFree, maxDelay, today);
        count(u, now, accountFree, accountMaxDelay, today);
        jdbc.sql("update login_throttle set checks = checks + 1 where throttle_key = ?").param(user).update();
        return true;
    }

    /**
     * The password was right: the provisional failure is taken back and the account's and the address's
     * runs start again (an office behind one address is not slowed down by its own typing mistakes).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String username, String address) {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        jdbc.sql("""
                        update login_throttle set failures = 0, blocked_until = null,
                            day_failures = case when failure_day = ? and day_failures > 0 then day_failures - 1 else day_failures end
                        where throttle_key = ?""")
                .params(Date.valueOf(today), userKey(username)).update();
        jdbc.sql("delete from login_throttle where throttle_key in (?, ?)")
                .params(pairKey(username, address), addressKey(address)).update();
    }

    /** The password was wrong: the address counts it too (the account did already). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String username, String address) {
        Instant now = clock.instant();
        count(lock(addressKey(address)), now, addressFree, maxDelay, now.atZone(zone).toLocalDate());
    }

    private void count(Row row, Instant now, int free, Duration max, LocalDate today) {
        int failures = row.failures() + 1;
        Instant blockedUntil = failures >= free ? now.plus(delay(firstDelay, failures - free, max)) : null;
        int dayFailures = today.equals(row.day()) ? row.dayFailures() + 1 : 1;
        jdbc.sql("""
                        update login_throttle set failures = ?, blocked_until = ?, failure_day = ?, day_failures = ?
                        where throttle_key = ?""")
                .params(failures, blockedUntil == null ? null : Timestamp.from(blockedUntil), Date.valueOf(today),
                        dayFailures, row.key())
                .update();
    }

    /** The first delay, then twice as long each time, up to the cap. */
    static Duration delay(Duration first, int beyondFree, Duration max) {
        Duration delay = first.multipliedBy(1L << Math.min(beyondFree, 20));
        return delay.compareTo(max) > 0 ? max : delay;
    }

    private Row lock(String key) {
        // a row for the key if there is none; never an error when another attempt creates it at the same time
        jdbc.sql(postgres ? "insert into login_throttle (throttle_key) values (?) on conflict do nothing"
                : "merge into login_throttle (throttle_key) key (throttle_key) values (?)").param(key).update();
        List<Row> rows = jdbc.sql("""
                        select throttle_key, failures, blocked_until, failure_day, day_failures from login_throttle
                        where throttle_key = ? for update""")
                .param(key)
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
                        rs.getObject(4, LocalDate.class), rs.getInt(5)))
                .list();
        return rows.get(0);
    }

    static String userKey(String username) {
        return "user:" + normalise(username);
    }

    static String pairKey(String username, String address) {
        return "pair:" + normalise(username) + "|" + address;
    }

    static String addressKey(String address) {
        return "addr:" + address;
    }

    private static String normalise(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
