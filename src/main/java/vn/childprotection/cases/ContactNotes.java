package vn.childprotection.cases;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.childprotection.audit.AuditTrail;
import vn.childprotection.common.ConflictException;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.directory.People;
import vn.childprotection.security.StaffPrincipal;

/**
 * Contact notes: the home visits, calls and meetings a worker records at any time while the case is open (the
 * day, who was met, what was seen, the next step). They join the case file and its timeline with the same
 * need-to-know as assessments: commune staff and supervisors, never the police or intake officers.
 */
@Service
class ContactNotes {

    enum ContactKind { HOME_VISIT, CALL, MEETING, OTHER }

    /** POST /api/cases/{caseId}/notes. */
    record NewNote(
            @NotNull(message = "{validation.required}") ContactKind kind,
            @NotNull(message = "{validation.required}") LocalDate contactDate,
            @Size(max = 500, message = "{validation.tooLong}") String metWith,
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String observations,
            @Size(max = 2000, message = "{validation.tooLong}") String nextStep) {
    }

    /** A contact note as GET /api/cases/{caseId}/notes shows it; the author by name. (The contract's name: the case file's
     * notes are another Note.) */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ContactNote")
    record Note(UUID id, ContactKind kind, LocalDate contactDate, String metWith, String observations, String nextStep,
                       String author, Instant writtenAt) {
    }

    private static final List<String> KINDS = Arrays.stream(ContactKind.values()).map(Enum::name).toList();

    private final Jurisdiction jurisdiction;
    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final People people;
    private final Clock clock;
    private final AuditTrail audit;
    private final Messages messages;

    ContactNotes(Jurisdiction jurisdiction, JdbcClient jdbc, Timeline timeline, People people, Clock clock,
                 AuditTrail audit, Messages messages) {
        this.jurisdiction = jurisdiction;
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.people = people;
        this.clock = clock;
        this.audit = audit;
        this.messages = messages;
    }

    @Transactional
    public UUID add(UUID caseId, NewNote note, StaffPrincipal user) {
        Jurisdiction.Access access = jurisdiction.staffAccess(caseId, user, true);
        if (access.file().status() != CaseStatus.OPEN) {
            throw new ConflictException(messages.text("case.closed"));
        }
        LocalDate today = LocalDate.now(clock);
        if (note.contactDate().isAfter(today)) {
            throw new InvalidInputException("contactDate", messages.text("validation.future"));
        }
        if (note.contactDate().isBefore(LocalDate.ofInstant(access.file().receivedAt(), clock.getZone()))) {
            throw new InvalidInputException("contactDate", messages.text("validation.beforeCase"));
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into case_note (id, case_id, kind, text, author, written_at, contact_date, met_with, next_step)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, caseId, note.kind().name(), note.observations().strip(), user.getUsername(),
                        Timestamp.from(clock.instant()), Date.valueOf(note.contactDate()), blankToNull(note.metWith()),
                        blankToNull(note.nextStep()))
                .update();
        timeline.record(caseId, "CONTACT_NOTE", note.kind().name(), user.getUsername());
        audit.record("CASE_NOTE", caseId, note.kind().name());
        return id;
    }

    @Transactional
    public List<Note> of(UUID caseId, StaffPrincipal user) {
        jurisdiction.staffAccess(caseId, user, false);
        Function<String, String> names = people.names();
        List<Note> notes = jdbc.sql("""
                        select id, kind, contact_date, met_with, text, next_step, author, written_at from case_note
                        where case_id = :caseId and kind in (:kinds) order by contact_date, written_at""")
                .param("caseId", caseId).param("kinds", KINDS)
                .query((rs, n) -> new Note(rs.getObject(1, UUID.class), ContactKind.valueOf(rs.getString(2)),
                        rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5), rs.getString(6),
                        names.apply(rs.getString(7)), rs.getTimestamp(8).toInstant()))
                .list();
        audit.record("READ_NOTES", caseId, null);
        return notes;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
