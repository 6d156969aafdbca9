package vn.childprotection.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.childprotection.common.NotFoundException;
import vn.childprotection.directory.People;

/** What the case file records besides its forms: initial assessments of danger, notes, and the child's age. */
@Component
public class CaseRecords {

    private final CaseFiles caseFiles;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final People people;

    CaseRecords(CaseFiles caseFiles, JdbcClient jdbc, Clock clock, People people) {
        this.caseFiles = caseFiles;
        this.jdbc = jdbc;
        this.clock = clock;
        this.people = people;
    }

    /** The child's age in whole years today, from the birth date or the age given; null if unknown. */
    @Transactional(readOnly = true)
    public Integer childAge(UUID caseId) {
        CaseFile file = caseFiles.findById(caseId).orElseThrow(() -> new NotFoundException("case " + caseId));
        Child child = file.child();
        if (child == null) {
            return null;
        }
        if (child.birthDate() != null) {
            return Period.between(child.birthDate(), LocalDate.now(clock)).getYears();
        }
        return child.ageYears();
    }

    /** The day (Vietnam time) the case's first report was received: nothing of the case happened before it. */
    @Transactional(readOnly = true)
    public LocalDate receivedOn(UUID caseId) {
        CaseFile file = caseFiles.findById(caseId).orElseThrow(() -> new NotFoundException("case " + caseId));
        return LocalDate.ofInstant(file.receivedAt(), clock.getZone());
    }

    /** The day (Vietnam time) the case was last closed; null if it never was. */
    @Transactional(readOnly = true)
    public LocalDate closedOn(UUID caseId) {
        Timestamp closed = jdbc.sql("select max(occurred_at) from case_event where case_id = ? and type = 'CASE_CLOSED'")
                .param(caseId).query(Timestamp.class).single();
        return closed == null ? null : LocalDate.ofInstant(closed.toInstant(), clock.getZone());
    }

    /** Whether the person is a protection worker of the case's commune now (one who can sign in). */
    @Transactional(readOnly = true)
    public boolean isCommuneWorker(UUID caseId, String username) {
        CaseFile file = caseFiles.findById(caseId).orElseThrow(() -> new NotFoundException("case " + caseId));
        return people.workersOf(file.communeCode()).containsKey(username);
    }

    @Transactional
    public void recordAssessment(InitialAssessment a) {
        jdbc.sql("""
                        insert into initial_assessment (id, case_id, task_id, danger_level, immediate_danger,
                            crime_suspected, summary, assessed_by, assessed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), a.caseId(), a.taskId(), a.dangerLevel().name(), a.immediateDanger(),
                        a.crimeSuspected(), a.summary(), a.assessedBy(), Timestamp.from(a.assessedAt()))
                .update();
    }

    @Transactional
    public void addNote(UUID caseId, String taskId, String kind, String text, String author) {
        jdbc.sql("insert into case_note (id, case_id, task_id, kind, text, author, written_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), caseId, taskId, kind, text, author, Timestamp.from(clock.instant()))
                .update();
    }

    List<InitialAssessment> assessments(UUID caseId) {
        return jdbc.sql("""
                        select id, case_id, task_id, danger_level, immediate_danger, crime_suspected, summary,
                               assessed_by, assessed_at
                        from initial_assessment where case_id = ? order by assessed_at""")
                .param(caseId)
                .query((rs, n) -> new InitialAssessment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), InitialAssessment.DangerLevel.valueOf(rs.getString(4)), rs.getBoolean(5),
                        rs.getBoolean(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()))
                .list();
    }

    List<CaseView.Note> notes(UUID caseId) {
        Function<String, String> names = people.names();
        return jdbc.sql("select kind, text, author, written_at, contact_date, met_with, next_step"
                        + " from case_note where case_id = ? order by written_at")
                .param(caseId)
                .query((rs, n) -> new CaseView.Note(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(),
                        rs.getString(6), rs.getString(7),
                        names.apply(rs.getString(3))))
                .list();
    }
}
