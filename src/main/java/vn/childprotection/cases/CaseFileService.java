package vn.childprotection.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.childprotection.audit.AuditTrail;
import vn.childprotection.common.NotFoundException;
import vn.childprotection.directory.Commune;
import vn.childprotection.process.DeadlineState;
import vn.childprotection.process.OpenTask;
import vn.childprotection.process.OpenTasks;
import vn.childprotection.security.StaffPrincipal;

/** Opens case files and shows them to those whose jurisdiction covers them. */
@Service
public class CaseFileService {

    private final CaseFiles caseFiles;
    private final JdbcAggregateTemplate aggregates;
    private final CaseNumbers caseNumbers;
    private final Jurisdiction jurisdiction;
    private final CaseReports reports;
    private final CaseForms forms;
    private final CaseRecords records;
    private final CasePoliceRecords police;
    private final Timeline timeline;
    private final OpenTasks openTasks;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final CaseLinks links;

    CaseFileService(CaseFiles caseFiles, JdbcAggregateTemplate aggregates, CaseNumbers caseNumbers,
                    Jurisdiction jurisdiction, CaseReports reports, CaseForms forms, CaseRecords records,
                    CasePoliceRecords police, Timeline timeline, OpenTasks openTasks, JdbcClient jdbc,
                    Clock clock, AuditTrail audit, CaseLinks links) {
        this.caseFiles = caseFiles;
        this.aggregates = aggregates;
        this.caseNumbers = caseNumbers;
        this.jurisdiction = jurisdiction;
        this.reports = reports;
        this.forms = forms;
        this.records = records;
        this.police = police;
        this.timeline = timeline;
        this.openTasks = openTasks;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.links = links;
    }

    /** Opens a case file in the caller's transaction, for a report received at {@code receivedAt}. */
    @Transactional
    public CaseFile open(Commune commune, Child child, Instant receivedAt) {
        Instant now = clock.instant();
        return aggregates.insert(CaseFile.open(caseNumbers.next(now), commune.code(), commune.provinceCode(), now, receivedAt,
                child));
    }

    /**
     * The case file as the user may see it; the read is audited in the same transaction. Police
     * liaisons see what a referral needs: the child, the harm, the place, the alleged abuser and the
     * police work, not assessments, plans, decisions or notes. The reporter shows only to intake
     * officers and supervisors, and only when the reporter agreed to be named.
     */
    @Transactional
    public CaseView view(UUID caseId, StaffPrincipal user) {
        CaseView view = assemble(jurisdiction.access(caseId, user), user);
        // last: the audit chain's lock is held only from here to the commit
        audit.record("READ_CASE", caseId, null);
        return view;
    }

    /** The case file as this access shows it, not audited: the caller records what it did with it. */
    CaseView assemble(Jurisdiction.Access access, StaffPrincipal user) {
        CaseFile file = access.file();
        UUID caseId = file.id();
        List<ReportSummary> caseReports = reports.forCase(caseId).stream()
                .map(r -> access.sight().seesReporter() && r.reporter() != null && !r.reporter().anonymous()
                        ? r : r.withoutReporter())
                .toList();
        List<CaseView.Task> tasks = openTasks.forCase(caseId).stream()
                .filter(t -> access.sight() != Jurisdiction.Sight.POLICE || user.groups().contains(t.candidateGroup()))
                .map(this::openTask).toList();
        return switch (access.sight()) {
            case POLICE -> new CaseView(file.id(), file.caseNumber(), file.status(), access.commune(), file.openedAt(),
                    file.child(), caseReports, List.of(), List.of(), police.forCase(caseId, access.policeCommunes()),
                    List.of(), tasks, null, null, List.of());
            // the reports they took, the case number and status: no assessments, forms, police records or notes
            case INTAKE -> new CaseView(file.id(), file.caseNumber(), file.status(), access.commune(), file.openedAt(),
                    file.child(), caseReports.stream().filter(r -> user.getUsername().equals(r.recordedBy())).toList(),
                    List.of(), List.of(), List.of(), List.of(), List.of(), null, null, List.of());
            default -> new CaseView(file.id(), file.caseNumber(), file.status(), access.commune(), file.openedAt(),
                    file.child(), caseReports, records.assessments(caseId), forms.of(caseId), police.forCase(caseId),
                    records.notes(caseId), tasks,
                    // which other commune's case it may duplicate, only for the supervisor who decides
                    access.sight() == Jurisdiction.Sight.FULL_WITH_REPORTER ? links.possibleDuplicate(caseId).orElse(null) : null,
                    links.duplicateStatus(caseId), links.earlier(caseId));
        };
    }

    /** The case's steps and events; police liaisons see the report, the police work and transfers. */
    @Transactional
    public List<Timeline.Entry> timeline(UUID caseId, StaffPrincipal user) {
        Jurisdiction.Access access = jurisdiction.access(caseId, user);
        List<Timeline.Entry> entries = timeline.of(caseId).stream()
                .filter(e -> access.sight().shows(e.type()))
                .toList();
        audit.record("READ_TIMELINE", caseId, null);
        return entries;
    }

    /** Who read or changed the case, newest first; reading it is itself recorded. */
    @Transactional
    public List<AuditTrail.Access> accessLog(UUID caseId, StaffPrincipal user) {
        jurisdiction.actingAccess(caseId, user);
        audit.record("READ_ACCESS_LOG", caseId, null);
        return audit.forCase(caseId);
    }

    /**
     * The open case of the same child, if any. The same national ID is the same child wherever the case
     * is (one plan per child); a name and birth date alone match only within the same commune, so that
     * two children of the same name are never merged across communes.
     */
    @Transactional(readOnly = true)
    public Optional<CaseFile> openCaseOf(String communeCode, Child child) {
        Optional<UUID> id = Optional.empty();
        if (child.nationalId() != null) {
            id = jdbc.sql("""
                            select id from case_file
                            where status = 'OPEN' and child_national_id = ?
                            order by opened_at limit 1""")
                    .params(child.nationalId()).query(UUID.class).optional();
        }
        if (id.isEmpty() && child.fullName() != null && child.birthDate() != null) {
            // a case that holds another national ID is another child
            id = jdbc.sql("""
                            select id from case_file
                            where status = 'OPEN' and commune_code = ? and lower(child_full_name) = lower(?)
                              and child_birth_date = ?""" + (child.nationalId() == null ? "" : " and child_national_id is null")
                            + " order by opened_at limit 1")
                    .params(communeCode, child.fullName(), child.birthDate())
                    .query(UUID.class).optional();
        }
        return id.flatMap(caseFiles::findById);
    }

    /** The case number of another open case of the same child than this one, if there is one. */
    @Transactional(readOnly = true)
    public Optional<String> otherOpenCaseOfChild(UUID caseId) {
        CaseFile file = caseFiles.findById(caseId).orElseThrow(() -> new NotFoundException("case " + caseId));
        return file.child() == null ? Optional.empty() : openCaseOf(file.communeCode(), file.child())
                .filter(other -> !other.id().equals(caseId)).map(CaseFile::caseNumber);
    }

    /**
     * The report form's hint while it is filled in: whether the child has an open case that this user
     * may see. It answers only within the user's jurisdiction, names nothing, and every lookup is audited.
     */
    @Transactional
    public boolean openCaseHint(String communeCode, Child child, StaffPrincipal user) {
        Optional<CaseFile> visible = openCaseOf(communeCode, child)
                .filter(f -> jurisdiction.sees(user, f));
        audit.record("OPEN_CASE_LOOKUP", visible.map(CaseFile::id).orElse(null), communeCode);
        return visible.isPresent();
    }

    /** Open cases per commune, for the communes given (a supervisor's province); communes without any left out. */
    @Transactional(readOnly = true)
    public Map<String, Long> openCasesByCommune(Collection<String> communeCodes) {
        if (communeCodes.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select commune_code, count(*) from case_file where status = 'OPEN' and commune_code in (:communes)
                        group by commune_code order by commune_code""")
                .param("communes", communeCodes)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** Where a case is and whether it is open, for a user who may see it; 404 otherwise. */
    public record Place(String caseNumber, String communeCode, String provinceCode, CaseStatus status) {
    }

    @Transactional(readOnly = true)
    public Place placeOf(UUID caseId, StaffPrincipal user) {
        Jurisdiction.Access access = jurisdiction.actingAccess(caseId, user);
        return new Place(access.file().caseNumber(), access.commune().code(), access.commune().provinceCode(),
                access.file().status());
    }

    /** The case number of a case the user may see; 404 otherwise. */
    @Transactional(readOnly = true)
    public String caseNumberFor(UUID caseId, StaffPrincipal user) {
        return jurisdiction.access(caseId, user).file().caseNumber();
    }

    private CaseView.Task openTask(OpenTask t) {
        return new CaseView.Task(t.taskId(), t.type().name(), t.candidateGroup(), t.assignee(), t.createdAt(), t.dueAt(),
                DeadlineState.of(t.dueAt(), null, clock));
    }
}
