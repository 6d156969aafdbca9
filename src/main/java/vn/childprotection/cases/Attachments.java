package vn.childprotection.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

import vn.childprotection.audit.AuditTrail;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.common.NotFoundException;
import vn.childprotection.common.TooLargeException;
import vn.childprotection.directory.People;
import vn.childprotection.security.StaffPrincipal;

/**
 * Attachments of a case: scanned signed forms, medical certificates, photos. Only PDF, JPEG and PNG are taken,
 * known by their first bytes (the name and the declared type are not trusted). Each is stored with its SHA-256, in
 * the database or, when {@code child-protection.attachments.directory} is set, in that folder under its SHA-256.
 * The need-to-know is the contact notes': commune staff and supervisors, never the police or intake officers. A
 * file may be added to a closed case too (the signed closure papers are scanned after the closure). Every list and
 * download is audited.
 */
@Service
class Attachments {

    /** What POST /api/cases/{caseId}/attachments answers (201). */
    record Added(UUID id, String fileName, String contentType, long size, String sha256) {
    }

    /** An attachment as the list shows it: who added it by name. */
    record Attachment(UUID id, String fileName, String contentType, long size, String sha256, String addedBy,
                      Instant addedAt) {
    }

    /** A file to send: always as a download, never shown inline. */
    record Download(String fileName, String contentType, byte[] content) {
    }

    private static final int MAX_NAME = 200;

    private final Jurisdiction jurisdiction;
    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final People people;
    private final Clock clock;
    private final AuditTrail audit;
    private final Messages messages;
    private final long maxBytes;
    private final Path directory;

    Attachments(Jurisdiction jurisdiction, JdbcClient jdbc, Timeline timeline, People people, Clock clock,
                AuditTrail audit, Messages messages,
                @Value("${child-protection.attachments.max-size}") DataSize maxSize,
                @Value("${child-protection.attachments.directory:}") String directory) {
        this.jurisdiction = jurisdiction;
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.people = people;
        this.clock = clock;
        this.audit = audit;
        this.messages = messages;
        this.maxBytes = maxSize.toBytes();
        this.directory = directory == null || directory.isBlank() ? null : Path.of(directory);
    }

    long maxBytes() {
        return maxBytes;
    }

    @Transactional
    public Added add(UUID caseId, MultipartFile file, StaffPrincipal user) {
        jurisdiction.staffAccess(caseId, user, true);
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", messages.text("attachment.empty"));
        }
        if (file.getSize() > maxBytes) {
            throw new TooLargeException(maxBytes);
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FileType type = FileType.of(content)
                .orElseThrow(() -> new InvalidInputException("file", messages.text("attachment.wrongType")));
        String name = type.named(cleanName(file.getOriginalFilename()));
        String sha256 = sha256(content);
        if (directory != null) {
            store(sha256, content);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into case_attachment (id, case_id, file_name, content_type, size_bytes, sha256, content,
                                                     added_by, added_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, caseId, name, type.contentType(), (long) content.length, sha256,
                        directory == null ? content : null, user.getUsername(), Timestamp.from(clock.instant()))
                .update();
        timeline.record(caseId, "ATTACHMENT", name, user.getUsername());
        audit.record("ATTACHMENT_ADDED", caseId, id + " " + sha256);
        return new Added(id, name, type.contentType(), content.length, sha256);
    }

    /** The case's attachments, oldest first; 404 to the police and intake officers. */
    @Transactional
    public List<Attachment> of(UUID caseId, StaffPrincipal user) {
        jurisdiction.staffAccess(caseId, user, false);
        List<Attachment> list = list(caseId);
        audit.record("READ_ATTACHMENTS", caseId, null);
        return list;
    }

    /** For the case page: the list when this user has the need-to-know, else nothing (the page is audited as a whole). */
    @Transactional(readOnly = true)
    public List<Attachment> onCasePage(UUID caseId, StaffPrincipal user) {
        return jurisdiction.needToKnow(caseId, user) ? list(caseId) : List.of();
    }

    @Transactional
    public Download read(UUID caseId, UUID id, StaffPrincipal user) {
        jurisdiction.staffAccess(caseId, user, false);
        Download download = jdbc.sql("""
                        select file_name, content_type, sha256, content from case_attachment
                        where id = ? and case_id = ?""")
                .params(id, caseId)
                .query((rs, n) -> {
                    byte[] content = rs.getBytes(4);
                    return new Download(rs.getString(1), rs.getString(2),
                            content != null ? content : load(rs.getString(3)));
                })
                .optional().orElseThrow(() -> new NotFoundException("attachment " + id));
        audit.record("ATTACHMENT_DOWNLOADED", caseId, id.toString());
        return download;
    }

    private List<Attachment> list(UUID caseId) {
        Function<String, String> names = people.names();
        return jdbc.sql("""
                        select id, file_name, content_type, size_bytes, sha256, added_by, added_at from case_attachment
                        where case_id = ? order by added_at, id""")
                .params(caseId)
                .query((rs, n) -> new Attachment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5), names.apply(rs.getString(6)), rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** The name as sent, without folders, control characters or quotes, at most 200 characters; never blank. */
    static String cleanName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"'<>:*?|;]", "").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME);
        }
        return name.isBlank() ? "tep" : name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same content is kept once: its name is its SHA-256. Written whole to a temporary file, then moved. */
    private void store(String sha256, byte[] content) {
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve(sha256);
            if (Files.exists(target)) {
                return;
            }
            Path part = Files.createTempFile(directory, sha256, ".part");
            Files.write(part, content);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] load(String sha256) {
        if (directory == null) {
            throw new IllegalStateException("attachment " + sha256 + " is kept in a directory, and none is configured");
        }
        try {
            return Files.readAllBytes(directory.resolve(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
