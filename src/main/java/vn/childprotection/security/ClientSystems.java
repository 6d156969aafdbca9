package vn.childprotection.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.childprotection.audit.AuditTrail;
import vn.childprotection.common.NotFoundException;

/**
 * The client systems an administrator registered, their keys and their request counts. A key reads
 * {@code cpk_<id>_<secret>}: the id finds the system, the secret (256 random bits) is compared by its SHA-256, the
 * only form in which it is kept. A revoked system's key is refused on the next request, on every node.
 */
@Component
class ClientSystems {

    static final String KEY_PREFIX = "cpk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A registered system as the administrator sees it (never its key). */
    record Client(UUID id, String name, String displayName, List<String> units, List<String> scopes,
                  int requestsPerMinute, String createdBy, Instant createdAt, String revokedBy, Instant revokedAt) {
    }

    /** A system just registered, with its key: the only time the key is shown. */
    record Registered(Client client, String key) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final vn.childprotection.common.Messages messages;

    ClientSystems(JdbcClient jdbc, AuditTrail audit, Clock clock, vn.childprotection.common.Messages messages) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.messages = messages;
    }

    @Transactional
    Registered register(ClientForm.Checked form, String by) {
        UUID id = UUID.randomUUID();
        String keyId = HexFormat.of().formatHex(random(6));
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
        try {
            jdbc.sql("""
                            insert into client_system (id, name, display_name, key_id, key_hash, scopes,
                              requests_per_minute, created_by, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, form.name(), form.displayName(), keyId, sha256(secret), String.join(" ", form.scopes()),
                            form.requestsPerMinute(), by, Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException taken) {
            throw new vn.childprotection.common.ConflictException(messages.text("client.nameTaken", form.name()));
        }
        for (String unit : form.units()) {
            jdbc.sql("insert into client_system_unit (client_id, unit_code) values (?, ?)").params(id, unit).update();
        }
        audit.record("CLIENT_REGISTERED", null, form.name() + " units=" + form.units() + " scopes=" + form.scopes());
        return new Registered(find(id).orElseThrow(), KEY_PREFIX + keyId + "_" + secret);
    }

    List<Client> all() {
        return jdbc.sql("select * from client_system order by name").query((rs, n) -> client(rs)).list();
    }

    Optional<Client> find(UUID id) {
        return jdbc.sql("select * from client_system where id = ?").param(id).query((rs, n) -> client(rs)).optional();
    }

    @Transactional
    Client revoke(UUID id, String by) {
        Client client = find(id).orElseThrow(() -> new NotFoundException("client system " + id));
        if (client.revokedAt() == null) {
            jdbc.sql("update client_system set revoked_by = ?, revoked_at = ? where id = ?")
                    .params(by, Timestamp.from(clock.instant()), id).update();
            audit.record("CLIENT_REVOKED", null, client.name());
        }
        return find(id).orElseThrow();
    }

    /** The system whose key this is, unless it was revoked; nothing for anything else. */
    Optional<ClientPrincipal> authenticate(String key) {
        if (!key.startsWith(KEY_PREFIX) || key.length() > 100) {
            return Optional.empty();
        }
        String[] parts = key.substring(KEY_PREFIX.length()).split("_", 2);
        if (parts.length != 2) {
            return Optional.empty();
        }
        record Stored(UUID id, String name, String keyHash, String scopes, int requestsPerMinute) {
        }
        Optional<Stored> stored = jdbc.sql("""
                        select id, name, key_hash, scopes, requests_per_minute from client_system
                        where key_id = ? and revoked_at is null""")
                .param(parts[0])
                .query((rs, n) -> new Stored(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("key_hash"), rs.getString("scopes"), rs.getInt("requests_per_minute")))
                .optional()
                .filter(s -> MessageDigest.isEqual(s.keyHash().getBytes(StandardCharsets.US_ASCII),
                        sha256(parts[1]).getBytes(StandardCharsets.US_ASCII)));
        return stored.map(s -> new ClientPrincipal(s.id(), s.name(), Set.copyOf(units(s.id())),
                Set.of(s.scopes().split(" ")), s.requestsPerMinute()));
    }

    /**
     * Counts one request of the system in the current minute; how long to wait when that is over its rate. Counted
     * in the database: every node sees the same count.
     */
    Optional<Duration> overRate(UUID clientId, int limit) {
        Instant now = clock.instant();
        Instant window = now.truncatedTo(ChronoUnit.MINUTES);
        Timestamp start = Timestamp.from(window);
        if (jdbc.sql("update client_rate set requests = requests + 1 where client_id = ? and window_start = ?")
                .params(clientId, start).update() == 0) {
            try {
                jdbc.sql("insert into client_rate (client_id, window_start, requests) values (?, ?, 1)")
                        .params(clientId, start).update();
                // a new minute: the system's old counts go
                jdbc.sql("delete from client_rate where client_id = ? and window_start < ?")
                        .params(clientId, start).update();
            } catch (DuplicateKeyException sameMinuteOnAnotherNode) {
                jdbc.sql("update client_rate set requests = requests + 1 where client_id = ? and window_start = ?")
                        .params(clientId, start).update();
            }
        }
        int requests = jdbc.sql("select requests from client_rate where client_id = ? and window_start = ?")
                .params(clientId, start).query(Integer.class).single();
        return requests > limit ? Optional.of(Duration.between(now, window.plus(1, ChronoUnit.MINUTES))) : Optional.empty();
    }

    private List<String> units(UUID id) {
        return jdbc.sql("select unit_code from client_system_unit where client_id = ? order by unit_code").param(id)
                .query(String.class).list();
    }

    private Client client(java.sql.ResultSet rs) throws java.sql.SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Client(id, rs.getString("name"), rs.getString("display_name"), units(id),
                List.of(rs.getString("scopes").split(" ")), rs.getInt("requests_per_minute"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("revoked_by"),
                revoked == null ? null : revoked.toInstant());
    }

    private static byte[] random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
