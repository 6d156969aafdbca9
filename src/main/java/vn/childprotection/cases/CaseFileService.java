package vn.childprotection.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.childprotection.directory.Commune;
import vn.childprotection.directory.Directory;
import vn.childprotection.directory.Role;
import vn.childprotection.security.StaffPrincipal;
import vn.childprotection.tasks.OpenTask;
import vn.childprotection.tasks.TaskInbox;
import vn.childprotection.web.NotFoundException;

/** Opens case files and shows them to those whose jurisdiction covers them. */
@Service
public class CaseFileService {

    private final CaseFiles caseFiles;
    private final JdbcAggregateTemplate aggregates;
    private final CaseNumbers caseNumbers;
    private final CaseReports reports;
    private final Directory directory;
    private final TaskInbox inbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    public CaseFileService(CaseFiles caseFiles, JdbcAggregateTemplate aggregates, CaseNumbers caseNumbers,
                       CaseReports reports, Directory directory, TaskInbox inbox, JdbcClient jdbc, Clock clock) {
        this.caseFiles = caseFiles;
        this.aggregates = aggregates;
        this.caseNumbers = caseNumbers;
        this.reports = reports;
        this.directory = directory;
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Opens a case file in the caller's transaction. */
    @Transactional
    public CaseFile open(String communeCode, Child child) {
        Instant now = clock.instant();
        return aggregates.insert(CaseFile.open(caseNumbers.next(now), communeCode, now, child));
    }

    @Transactional(readOnly = true)
    public CaseView view(UUID caseId, StaffPrincipal user) {
        CaseFile file = caseFiles.findById(caseId).orElseThrow(() -> new NotFoundException("case " + caseId));
        Commune commune = directory.commune(file.communeCode()).orElseThrow();
        if (!covers(user, file, commune)) {
            throw new NotFoundException("case " + caseId);
        }
        boolean seesReporter = user.hasRole(Role.INTAKE) || user.hasRole(Role.SUPERVISOR);
        List<ReportSummary> caseReports = reports.forCase(caseId).stream()
                .map(r -> seesReporter && r.reporter() != null && !r.reporter().anonymous() ? r : r.withoutReporter())
                .toList();
        return new CaseView(file.id(), file.caseNumber(), file.status(), commune, file.openedAt(), file.child(),
                caseReports, assessments(caseId), inbox.forCase(caseId).stream().map(CaseFileService::openTask).toList());
    }

    /** Jurisdiction: commune staff their communes, supervisors their provinces, intake officers what they took. */
    private boolean covers(StaffPrincipal user, CaseFile file, Commune commune) {
        if ((user.hasRole(Role.WORKER) || user.hasRole(Role.CHAIR) || user.hasRole(Role.POLICE))
                && user.communeCodes().contains(commune.code())) {
            return true;
        }
        if (user.hasRole(Role.SUPERVISOR) && user.provinceCodes().contains(commune.provinceCode())) {
            return true;
        }
        return user.hasRole(Role.INTAKE) && reports.recordedBy(file.id(), user.getUsername());
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

    private List<InitialAssessment> assessments(UUID caseId) {
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

    private static CaseView.Task openTask(OpenTask t) {
        return new CaseView.Task(t.taskId(), t.type().name(), t.candidateGroup(), t.assignee(), t.createdAt(), t.dueAt());
    }
}
