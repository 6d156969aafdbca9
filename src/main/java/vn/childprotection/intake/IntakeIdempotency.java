package vn.childprotection.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.childprotection.cases.CaseStatus;
import vn.childprotection.common.ConflictException;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;

/**
 * {@code Idempotency-Key} on POST /api/reports: a system that sends a report again (its call timed out, its
 * connection broke) with the same key and the same body within 24 hours gets the first answer, the same case, and no
 * second report; the same key with another body is refused (409). Keys belong to their caller: two systems that
 * happen to choose the same key never see each other's answers.
 *
 * <p>The key is claimed first in the report's own transaction (a row keyed by caller and key): a second request
 * with the key waits on that row until the first commits, then finds its answer; if the first failed, nothing of it
 * is stored, the key neither.
 */
@Component
class IntakeIdempotency {

    static final String HEADER = "Idempotency-Key";
    static final Duration KEPT = Duration.ofHours(24);
    /** Visible ASCII, as the IETF draft's examples (UUIDs, random strings); 255 at most. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Messages messages;
    private final Clock clock;

    IntakeIdempotency(JdbcClient jdbc, ObjectMapper json, Messages messages, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    /** The answer a report with this key got, when it is the same report; 409 when the key came with another. */
    Optional<IntakeService.Receipt> earlier(String caller, String key, String hash) {
        return jdbc.sql("""
                        select request_hash, case_id, case_number, case_status, joined from intake_idempotency
                        where caller = ? and idempotency_key = ? and created_at > ?""")
                .params(caller, key, Timestamp.from(clock.instant().minus(KEPT)))
                .query((rs, n) -> {
                    if (!rs.getString("request_hash").equals(hash)) {
                        throw new ConflictException(messages.text("problem.idempotencyKeyReused"));
                    }
                    return new IntakeService.Receipt(rs.getObject("case_id", UUID.class), rs.getString("case_number"),
                            CaseStatus.valueOf(rs.getString("case_status")), rs.getBoolean("joined"));
                })
                .optional();
    }

    /** A claim of {@code key} for {@code caller} and this body, to be taken in the report's transaction. */
    Claim claim(String caller, String key, String hash) {
        return new Claim() {
            @Override
            public void take() {
                Instant now = clock.instant();
                // an expired use of the same key makes way
                jdbc.sql("delete from intake_idempotency where caller = ? and idempotency_key = ? and created_at <= ?")
                        .params(caller, key, Timestamp.from(now.minus(KEPT))).update();
                try {
                    jdbc.sql("""
                                    insert into intake_idempotency (caller, idempotency_key, request_hash, created_at)
                                    values (?, ?, ?, ?)""")
                            .params(caller, key, hash, Timestamp.from(now)).update();
                } catch (DuplicateKeyException sentMeanwhile) {
                    throw new KeyTaken(sentMeanwhile);
                }
            }

            @Override
            public void answer(IntakeService.Receipt receipt) {
                jdbc.sql("""
                                update intake_idempotency set case_id = ?, case_number = ?, case_status = ?, joined = ?
                                where caller = ? and idempotency_key = ?""")
                        .params(receipt.caseId(), receipt.caseNumber(), receipt.status().name(),
                                receipt.joinedExistingCase(), caller, key)
                        .update();
            }
        };
    }

    /** 400 for a key that is empty, too long or not visible ASCII. */
    String checked(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException(HEADER, messages.text("validation.idempotencyKey"));
        }
        return key;
    }

    /** The body as the application read it (so that spacing and field order do not matter), hashed. */
    String hash(ReportRequest request) {
        try {
            byte[] body = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keys older than a day are forgotten; each node may do it, once an hour. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void forgetExpired() {
        jdbc.sql("delete from intake_idempotency where created_at <= ?")
                .param(Timestamp.from(clock.instant().minus(KEPT))).update();
    }

    /** The key was claimed by another request meanwhile: its answer is the one to give. */
    static final class KeyTaken extends RuntimeException {
        KeyTaken(Throwable cause) {
            super(cause);
        }
    }

    /** What the report's transaction does with a key: nothing when there is none. */
    interface Claim {

        Claim NONE = new Claim() {
            @Override
            public void take() {
            }

            @Override
            public void answer(IntakeService.Receipt receipt) {
            }
        };

        /** Claims the key; {@link KeyTaken} when another request with it committed first. */
        void take();

        void answer(IntakeService.Receipt receipt);
    }
}
