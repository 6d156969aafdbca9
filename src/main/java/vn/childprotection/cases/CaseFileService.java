package vn.childprotection.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.childprotection.audit.AuditTrail;
import vn.childprotection.directory.Commune;
import vn.childprotection.directory.Directory;
import vn.childprotection.directory.Role;
import vn.childprotection.security.StaffPrincipal;
import vn.childprotection.tasks.OpenTask;
import vn.childprotection.tasks.TaskInbox;
import vn.childprotection.tasks.TaskType;
import vn.childprotection.web.ConflictException;
import vn.childprotection.web.InvalidInputException;
import vn.childprotection.web.NotFoundException;
import vn.childprotection.workflow.CaseWorkflow;

/** Opens case files and shows them to those whose jurisdiction covers them. */
@Service
public class CaseFileService {

    private final CaseFiles caseFiles;
    private final JdbcAggregateTemplate aggregates;
    private final CaseNumbers caseNumbers;
    private final CaseReports reports;
    private final CaseForms forms;
    private final CasePoliceRecords police;
    private final Timeline timeline;
    private final Directory directory;
    private final TaskInbox inbox;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final CaseWorkflow workflow;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final CaseLinks links;

    public CaseFileService(CaseFiles caseFiles, JdbcAggregateTemplate aggregates, CaseNumbers caseNumbers,
                           CaseReports reports, CaseForms forms, CasePoliceRecords police, Timeline timeline,
                           Directory directory, TaskInbox inbox, JdbcClient jdbc, Clock clock,
                           @Value("${child-protection.zone}") ZoneId zone, CaseWorkflow workflow,
                           MessageSource messages, AuditTrail audit, CaseLinks links) {
        this.caseFiles = caseFiles;
        this.aggregates = aggregates;
        this.caseNumbers = caseNumbers;
        this.reports = reports;
        this.forms = forms;
        this.police = police;
        this.timeline = timeline;
        this.directory = directory;
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
        this.workflow = workflow;
        this.messages = messages;
        this.audit = audit;
        this.links = links;
    }

    /** Opens a case file in the caller's transaction. */
    @Transactional
    public CaseFile open(String communeCode, Child child) {
        Instant now = clock.instant();
        return aggregates.insert(CaseFile.open(caseNumbers.next(now), communeCode, now, child));
    }

    /**
     * The case file as the user may see it; the read is audited in the same transaction. Police
     * liaisons see what a referral needs: the child, the harm, the place, the alleged abuser and the
     * police work, not assessments, plans, decisions or notes. The reporter shows only to intake
     * officers and supervisors, and only when the reporter agreed to be named.
     */
    @Transactional
    public CaseView view(UUID caseId, StaffPrincipal user) {
        Access access = access(caseId, user);
        CaseFile file = access.file();
        List<ReportSummary> caseReports = reports.forCase(caseId).stream()
                .map(r -> access.sight().seesReporter() && r.reporter() != null && !r.reporter().anonymous()
                        ? r : r.withoutReporter())
                .toList();
        List<CaseView.Task> openTasks = inbox.forCase(caseId).stream()
                .filter(t -> access.sight() != Sight.POLICE || user.groups().contains(t.candidateGroup()))
                .map(CaseFileService::openTask).toList();
        CaseView view = switch (access.sight()) {
            case POLICE -> new CaseView(file.id(), file.caseNumber(), file.status(), access.commune(), file.openedAt(),
                    file.child(), caseReports, List.of(), List.of(), police.forCase(caseId, policeCommunesOf(user, police.referredPoliceCommunes(caseId))),
                    List.of(), openTasks, null, null, List.of());
            // the reports they took, the case number and status: no assessments, forms, police records or notes
            case INTAKE -> new CaseView(file.id(), file.caseNumber(), file.status(), access.commune(), file.openedAt(),
                    file.child(), caseReports.stream().filter(r -> user.getUsername().equals(r.recordedBy())).toList(),
                    List.of(), List.of(), List.of(), List.of(), List.of(), null, null, List.of());
            default -> new CaseView(file.id(), file.caseNumber(), file.status(), access.commune(), file.openedAt(),
                    file.child(), caseReports, assessments(caseId), forms.of(caseId), police.forCase(caseId),
                    notes(caseId), openTasks,
                    // which other commune's case it may duplicate, only for the supervisor who decides
                    access.sight() == Sight.FULL_WITH_REPORTER ? links.possibleDuplicate(caseId).orElse(null) : null,
                    links.duplicateStatus(caseId), links.earlier(caseId));
        };
        // last: the audit chain's lock is held only from here to the commit
        audit.record("READ_CASE", caseId, null);
        return view;
    }

    /** The case's steps and events; police liaisons see the report, the police work and transfers. */
    @Transactional
    public List<Timeline.Entry> timeline(UUID caseId, StaffPrincipal user) {
        Access access = access(caseId, user);
        List<Timeline.Entry> entries = timeline.of(caseId).stream()
                .filter(e -> access.sight().timeline() == null || access.sight().timeline().contains(e.type()))
                .toList();
        audit.record("READ_TIMELINE", caseId, null);
        return entries;
    }

    /** Who read or changed the case, newest first; reading it is itself recorded. */
    @Transactional
    public List<AuditTrail.Access> accessLog(UUID caseId, StaffPrincipal user) {
        actingAccess(caseId, user);
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

    /**
     * The report form's hint while it is filled in: whether the child has an open case that this user
     * may see. It answers only within the user's jurisdiction, names nothing, and every lookup is audited.
     */
    @Transactional
    public boolean openCaseHint(String communeCode, Child child, StaffPrincipal user) {
        Optional<CaseFile> visible = openCaseOf(communeCode, child)
                .filter(f -> directory.commune(f.communeCode()).flatMap(c -> sight(user, f, c)).isPresent());
        audit.record("OPEN_CASE_LOOKUP", visible.map(CaseFile::id).orElse(null), communeCode);
        return visible.isPresent();
    }

    /**
     * The child moved: a supervisor moves the case, its open tasks follow, the timeline says so. To another
     * province the receiving province's supervisor must accept first: the case stays until then.
     *
     * @return true when the case moved now, false when it waits for the receiving province
     */
    @Transactional
    public boolean transfer(UUID caseId, String toCommuneCode, String reason, StaffPrincipal user) {
        Access access = actingAccess(caseId, user);
        CaseFile file = access.file();
        Commune to = directory.commune(toCommuneCode)
                .orElseThrow(() -> new InvalidInputException("communeCode", text("validation.unknownCommune")));
        if (to.code().equals(file.communeCode())) {
            throw new InvalidInputException("communeCode", text("validation.sameCommune"));
        }
        if (file.status() != CaseStatus.OPEN) {
            throw new ConflictException(text("case.closed"));
        }
        String detail = file.communeCode() + " → " + to.code() + (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
        if (!to.provinceCode().equals(access.commune().provinceCode())) {
            if (inbox.forCase(caseId).stream().anyMatch(t -> t.type() == TaskType.TRANSFER_ACCEPTANCE)) {
                throw new ConflictException(text("transfer.pending"));
            }
            workflow.requestTransfer(file.caseNumber(), to.code(), to.provinceCode());
            timeline.record(caseId, "TRANSFER_REQUESTED", detail, user.getUsername());
            audit.record("TRANSFER_REQUESTED", caseId, file.communeCode() + " -> " + to.code());
            return false;
        }
        move(file, to, detail, user.getUsername());
        return true;
    }

    /** The receiving province's supervisor accepted: the case and its open work move there. */
    @Transactional
    public void transferAccepted(UUID caseId, String toCommuneCode, String username) {
        CaseFile file = caseFiles.findById(caseId).orElseThrow(() -> new NotFoundException("case " + caseId));
        Commune to = directory.commune(toCommuneCode).orElseThrow();
        if (file.status() != CaseStatus.OPEN) {
            throw new ConflictException(text("case.closed"));
        }
        move(file, to, file.communeCode() + " → " + to.code(), username);
    }

    private void move(CaseFile file, Commune to, String detail, String username) {
        jdbc.sql("update case_file set commune_code = ?, version = version + 1 where id = ?")
                .params(to.code(), file.id()).update();
        timeline.record(file.id(), "TRANSFERRED", detail, username);
        workflow.transfer(file.caseNumber(), to.code(), to.provinceCode());
        inbox.moveCase(file.id(), to.code(), to.provinceCode());
        audit.record("TRANSFER", file.id(), file.communeCode() + " -> " + to.code());
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
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
        Access access = actingAccess(caseId, user);
        return new Place(access.file().caseNumber(), access.commune().code(), access.commune().provinceCode(),
                access.file().status());
    }

    /** The case number of a case the user may see; 404 otherwise. */
    @Transactional(readOnly = true)
    public String caseNumberFor(UUID caseId, StaffPrincipal user) {
        return access(caseId, user).file().caseNumber();
    }

    /**
     * Of the communes whose police a case was referred to, those whose police records this user may read:
     * their own commune's as a police liaison, their province's as its police supervisor.
     */
    private Set<String> policeCommunesOf(StaffPrincipal user, Set<String> referredTo) {
        Set<String> communes = new HashSet<>();
        for (String referred : referredTo) {
            boolean own = user.user().grants().stream().anyMatch(g -> g.role() == Role.POLICE
                    && referred.equals(g.communeCode()));
            boolean province = directory.commune(referred).map(c -> user.user().grants().stream()
                    .anyMatch(g -> g.role() == Role.POLICE_SUPERVISOR && c.provinceCode().equals(g.provinceCode())))
                    .orElse(false);
            if (own || province) {
                communes.add(referred);
            }
        }
        return communes;
    }

    /** How much of a case a user sees. */
    enum Sight {
        /** Commune workers and chairs: the whole file but the reporter. */
        FULL(false, null),
        /** Supervisors: the whole file, named reporters too. */
        FULL_WITH_REPORTER(true, null),
        /** The supervisor of a province asked to accept the case: reads it, may act on it only by accepting. */
        TRANSFER_REVIEW(false, null),
        /** Intake officers: the reports they took (named reporters too), the case number and status. */
        INTAKE(true, Set.of("REPORT_RECEIVED", "TRANSFERRED", "CASE_CLOSED")),
        /** Police liaisons of a commune the case was referred to: what a referral needs. */
        POLICE(false, Set.of("REPORT_RECEIVED", "POLICE_REFERRAL", "POLICE_ACKNOWLEDGE", "POLICE_OUTCOME",
                "TRANSFERRED", "CASE_CLOSED"));

        private final boolean seesReporter;
        /** Timeline entries this sight shows; null for all. */
        private final Set<String> timeline;

        Sight(boolean seesReporter, Set<String> timeline) {
            this.seesReporter = seesReporter;
            this.timeline = timeline;
        }

        boolean seesReporter() {
            return seesReporter;
        }

        Set<String> timeline() {
            return timeline;
        }
    }

    private record Access(CaseFile file, Commune commune, Sight sight) {
    }

    /** A change to the case (move, refer, decide on a duplicate, read the access log): one's own jurisdiction. */
    private Access actingAccess(UUID caseId, StaffPrincipal user) {
        Access access = access(caseId, user);
        if (access.sight() == Sight.TRANSFER_REVIEW) {
            throw new NotFoundException("case " + caseId);
        }
        return access;
    }

    /**
     * The one gate to a case: every read and change of a case goes through here. Outside the user's
     * jurisdiction the case does not exist for them (404, the same as an unknown id).
     */
    private Access access(UUID caseId, StaffPrincipal user) {
        CaseFile file = caseFiles.findById(caseId).orElseThrow(() -> new NotFoundException("case " + caseId));
        Commune commune = directory.commune(file.communeCode()).orElseThrow();
        return sight(user, file, commune).map(sight -> new Access(file, commune, sight))
                .orElseThrow(() -> new NotFoundException("case " + caseId));
    }

    /**
     * Jurisdiction and need-to-know: commune staff their communes, supervisors their provinces, intake
     * liaisons the cases referred to their commune's police, intake officers the cases they took reports
     * for; administrators no case content. The widest sight wins.
     */
    private Optional<Sight> sight(StaffPrincipal user, CaseFile file, Commune commune) {
        if (user.user().grants().stream()
                .anyMatch(g -> g.role() == Role.SUPERVISOR && commune.provinceCode().equals(g.provinceCode()))) {
            return Optional.of(Sight.FULL_WITH_REPORTER);
        }
        // the supervisor of a province asked to accept the case sees what they are asked to accept
        if (user.hasRole(Role.SUPERVISOR) && inbox.forCase(file.id()).stream()
                .anyMatch(t -> t.type() == TaskType.TRANSFER_ACCEPTANCE && user.groups().contains(t.candidateGroup()))) {
            return Optional.of(Sight.TRANSFER_REVIEW);
        }
        if (holds(user, Role.WORKER, commune) || holds(user, Role.CHAIR, commune)) {
            return Optional.of(Sight.FULL);
        }
        // police of a commune the case was referred to (wherever the case is now), or their province's supervisor
        if (!policeCommunesOf(user, police.referredPoliceCommunes(file.id())).isEmpty()) {
            return Optional.of(Sight.POLICE);
        }
        if (user.hasRole(Role.INTAKE) && reports.recordedBy(file.id(), user.getUsername())) {
            return Optional.of(Sight.INTAKE);
        }
        return Optional.empty();
    }

    private static boolean holds(StaffPrincipal user, Role role, Commune commune) {
        return user.user().grants().stream()
                .anyMatch(g -> g.role() == role && commune.code().equals(g.communeCode()));
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
            return Period.between(child.birthDate(), clock.instant().atZone(zone).toLocalDate()).getYears();
        }
        return child.ageYears();
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

    private List<CaseView.Note> notes(UUID caseId) {
        return jdbc.sql("select kind, text, author, written_at from case_note where case_id = ? order by written_at")
                .param(caseId)
                .query((rs, n) -> new CaseView.Note(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    private static CaseView.Task openTask(OpenTask t) {
        return new CaseView.Task(t.taskId(), t.type().name(), t.candidateGroup(), t.assignee(), t.createdAt(), t.dueAt());
    }
}
