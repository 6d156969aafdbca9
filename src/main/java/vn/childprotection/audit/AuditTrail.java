package vn.childprotection.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit trail. Each entry is chained to the one before by SHA-256, so that an edited,
 * deleted or reordered row is detected by {@link #verify()}. Appends run in the caller's transaction:
 * a read or change that cannot be audited does not happen.
 */
@Service
public class AuditTrail {

    /** One audited access, as the access log shows it. */
    public record Access(Instant at, String username, String action) {
    }

    /** The outcome of checking the whole chain. {@code brokenAt} is the first sequence number that fails. */
    public record Verification(boolean intact, long checked, Long brokenAt, String problem) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends an entry for the signed-in user and the request's address. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, UUID caseId, String detail) {
        String username = currentUser();
        String address = remoteAddress();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // the head row's lock orders appends: one chain, no forks
        var head = jdbc.sql("select last_seq, last_hash from audit_head where id = 1 for update")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        long seq = (Long) head[0] + 1;
        String prevHash = (String) head[1];
        String clippedDetail = detail == null ? null : detail.length() > 500 ? detail.substring(0, 500) : detail;
        String hash = hash(seq, at, username, action, caseId, clippedDetail, address, prevHash);
        jdbc.sql("""
                        insert into audit_event (seq, occurred_at, username, action, case_id, detail, remote_addr,
                            prev_hash, hash)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(seq, Timestamp.from(at), username, action, caseId, clippedDetail, address, prevHash, hash)
                .update();
        jdbc.sql("update audit_head set last_seq = ?, last_hash = ? where id = 1").params(seq, hash).update();
    }

    /** Who read or changed the case, newest first. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Access> forCase(UUID caseId) {
        return jdbc.sql("select occurred_at, username, action from audit_event where case_id = ? order by seq desc")
                .param(caseId)
                .query((rs, n) -> new Access(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** Entries verified a query at a time. */
    private static final int VERIFY_PAGE = 10_000;

    /** Walks the whole chain in order and recomputes every hash. */
    @Transactional(readOnly = true)
    public Verification verify() {
        AtomicLong expectedSeq = new AtomicLong(1);
        AtomicReference<String> previous = new AtomicReference<>(
                "0000000000000000000000000000000000000000000000000000000000000000");
        AtomicReference<Verification> broken = new AtomicReference<>();
        // page by page (a national chain holds tens of millions of entries: read whole, the driver would hold them
        // all in memory at once)
        AtomicLong read = new AtomicLong();
        do {
            read.set(0);
            jdbc.sql("""
                        select seq, occurred_at, username, action, case_id, detail, remote_addr, prev_hash, hash
                        from audit_event where seq >= ? order by seq""" + " limit " + VERIFY_PAGE)
                .param(expectedSeq.get())
                .query(rs -> {
                    read.incrementAndGet();
                    if (broken.get() != null) {
                        return;
                    }
                    long seq = rs.getLong(1);
                    String problem = null;
                    if (seq != expectedSeq.get()) {
                        problem = "entry " + expectedSeq.get() + " is missing";
                    } else if (!previous.get().equals(rs.getString(8))) {
                        problem = "entry does not follow the one before it";
                    } else {
                        String recomputed = hash(seq, rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                                rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getString(8));
                        if (!recomputed.equals(rs.getString(9))) {
                            problem = "entry was changed after it was written";
                        }
                    }
                    if (problem != null) {
                        broken.set(new Verification(false, expectedSeq.get() - 1,
                                Math.min(seq, expectedSeq.get()), problem));
                        return;
                    }
                    previous.set(rs.getString(9));
                    expectedSeq.incrementAndGet();
                });
        } while (read.get() == VERIFY_PAGE && broken.get() == null);
        if (broken.get() != null) {
            return broken.get();
        }
        long checked = expectedSeq.get() - 1;
        var head = jdbc.sql("select last_seq, last_hash from audit_head where id = 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        if ((Long) head[0] != checked || !head[1].equals(previous.get())) {
            return new Verification(false, checked, checked + 1, "the newest entries are missing");
        }
        return new Verification(true, checked, null, null);
    }

    /** The entry's hash: its content and the hash of the entry before it (bulk loaders must compute the same). */
    public static String hash(long seq, Instant at, String username, String action, UUID caseId, String detail,
                       String address, String prevHash) {
        String content = String.join("\u001f", Long.toString(seq), Long.toString(at.toEpochMilli()),
                String.valueOf(username), action, String.valueOf(caseId), String.valueOf(detail),
                String.valueOf(address), prevHash);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }
}
