package vn.childprotection.cases;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.childprotection.common.NotFoundException;
import vn.childprotection.directory.Commune;
import vn.childprotection.directory.Directory;
import vn.childprotection.directory.Role;
import vn.childprotection.process.OpenTasks;
import vn.childprotection.process.TaskType;
import vn.childprotection.security.StaffPrincipal;

/**
 * The one gate to a case: every read and change of a case goes through here. Outside the user's
 * jurisdiction the case does not exist for them (404, the same as an unknown id).
 */
@Component
class Jurisdiction {

    /** How much of a case a user sees. */
    enum Sight {
        /** Commune workers and chairs: the whole file but the reporter. */
        FULL(false, null),
        /** Supervisors: the whole file, named reporters too. */
        FULL_WITH_REPORTER(true, null),
        /** The supervisor of a province asked to accept the case: reads it, may act on it only by accepting. */
        TRANSFER_REVIEW(false, null),
        /** Intake officers: the reports they took (named reporters too), the case number and status. */
        INTAKE(true, Set.of("REPORT_RECEIVED", "TRANSFERRED", "UNIT_MERGED", "CASE_CLOSED", "CASE_REOPENED")),
        /** Police liaisons of a commune the case was referred to: what a referral needs. */
        POLICE(false, Set.of("REPORT_RECEIVED", "POLICE_REFERRAL", "POLICE_ACKNOWLEDGE", "POLICE_OUTCOME",
                "TRANSFERRED", "UNIT_MERGED", "CASE_CLOSED", "CASE_REOPENED"));

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

        /** Contact notes, attachments, plan items: commune staff and supervisors, not the police or intake officers. */
        boolean needToKnow() {
            return this != POLICE && this != INTAKE;
        }

        boolean shows(String timelineEntry) {
            return timeline == null || timeline.contains(timelineEntry);
        }
    }

    /**
     * A case as one user may see it: the file, its commune, how much of it, and, for a police sight, the
     * communes whose police records they read.
     */
    record Access(CaseFile file, Commune commune, Sight sight, Set<String> policeCommunes) {
    }

    private final CaseFiles caseFiles;
    private final Directory directory;
    private final CasePoliceRecords police;
    private final CaseReports reports;
    private final OpenTasks openTasks;

    Jurisdiction(CaseFiles caseFiles, Directory directory, CasePoliceRecords police, CaseReports reports,
                 OpenTasks openTasks) {
        this.caseFiles = caseFiles;
        this.directory = directory;
        this.police = police;
        this.reports = reports;
        this.openTasks = openTasks;
    }

    /** The case as this user may read it; 404 outside their jurisdiction. */
    Access access(UUID caseId, StaffPrincipal user) {
        CaseFile file = caseFiles.findById(caseId).orElseThrow(() -> new NotFoundException("case " + caseId));
        Commune commune = directory.commune(file.communeCode()).orElseThrow();
        return access(user, file, commune).orElseThrow(() -> new NotFoundException("case " + caseId));
    }

    /** A change to the case (move, refer, decide on a duplicate, read the access log): one's own jurisdiction. */
    Access actingAccess(UUID caseId, StaffPrincipal user) {
        Access access = access(caseId, user);
        if (access.sight() == Sight.TRANSFER_REVIEW) {
            throw new NotFoundException("case " + caseId);
        }
        return access;
    }

    /**
     * The case's need-to-know part (contact notes, attachments): commune staff and supervisors; for the police and
     * intake officers it does not exist (404). {@code acting} for a change: one's own jurisdiction.
     */
    Access staffAccess(UUID caseId, StaffPrincipal user, boolean acting) {
        Access access = acting ? actingAccess(caseId, user) : access(caseId, user);
        if (!access.sight().needToKnow()) {
            throw new NotFoundException("case " + caseId);
        }
        return access;
    }

    /** Whether this user, who may see the case, also sees its need-to-know part (for pages that show it or not). */
    boolean needToKnow(UUID caseId, StaffPrincipal user) {
        return access(caseId, user).sight().needToKnow();
    }

    /** Whether this user may see the case at all. */
    boolean sees(StaffPrincipal user, CaseFile file) {
        return directory.commune(file.communeCode()).flatMap(c -> access(user, file, c)).isPresent();
    }

    /**
     * The same gate for a list of cases, as SQL conditions on {@code case_file c}, their named parameters added
     * to {@code params}: {@code any} holds exactly for the cases {@link #access} lets this user see, {@code full}
     * for those they see whole (commune staff, supervisors), not only as a referral (police) or a report taken
     * (intake officers). {@code anyArms} are the conditions {@code any} is the disjunction of, one per kind of
     * sight, so that a query may pair each with a condition of its own (one index scan for "this province and
     * this name").
     */
    record ListGate(String any, String full, List<String> anyArms) {
    }

    ListGate visibleCases(StaffPrincipal user, Map<String, Object> params) {
        List<String> full = new ArrayList<>();
        List<String> limited = new ArrayList<>();
        Set<String> supervised = provincesOf(user, Role.SUPERVISOR);
        if (!supervised.isEmpty()) {
            params.put("supervisedProvinces", supervised);
            // the province as written on the case file: one index holds it with the child's name
            full.add("c.province_code in (:supervisedProvinces)");
        }
        if (user.hasRole(Role.SUPERVISOR)) {
            params.put("acceptingGroups", user.groups());
            full.add("c.id = any(array(select ta.case_id from task_inbox ta where ta.task_type = 'TRANSFER_ACCEPTANCE'"
                    + " and ta.candidate_group in (:acceptingGroups)))");
        }
        Set<String> own = communesOf(user, Role.WORKER);
        own.addAll(communesOf(user, Role.CHAIR));
        // with the communes merged into theirs: the cases closed there are their commune's history
        Set<String> communes = own.isEmpty() ? own : directory.withPredecessors(own);
        if (!communes.isEmpty()) {
            params.put("ownCommunes", communes);
            full.add("c.commune_code in (:ownCommunes)");
        }
        Set<String> police = communesOf(user, Role.POLICE);
        if (!police.isEmpty()) {
            params.put("policeCommunes", police);
            limited.add("exists (select 1 from police_referral pr where pr.case_id = c.id"
                    + " and pr.police_commune_code in (:policeCommunes))");
        }
        Set<String> policeProvinces = provincesOf(user, Role.POLICE_SUPERVISOR);
        if (!policeProvinces.isEmpty()) {
            params.put("policeProvinces", policeProvinces);
            limited.add("exists (select 1 from police_referral pr join commune pc on pc.code = pr.police_commune_code"
                    + " where pr.case_id = c.id and pc.province_code in (:policeProvinces))");
        }
        if (user.hasRole(Role.INTAKE)) {
            params.put("intakeOfficer", user.getUsername());
            limited.add("exists (select 1 from report ri where ri.case_id = c.id and ri.recorded_by = :intakeOfficer)");
        }
        List<String> any = new ArrayList<>(full);
        any.addAll(limited);
        return new ListGate(or(any), or(full), List.copyOf(any));
    }

    private static String or(List<String> conditions) {
        return conditions.isEmpty() ? "1 = 0" : "(" + String.join(" or ", conditions) + ")";
    }

    private static Set<String> communesOf(StaffPrincipal user, Role role) {
        return user.user().grants().stream().filter(g -> g.role() == role && g.communeCode() != null)
                .map(g -> g.communeCode()).collect(Collectors.toCollection(HashSet::new));
    }

    private static Set<String> provincesOf(StaffPrincipal user, Role role) {
        return user.user().grants().stream().filter(g -> g.role() == role && g.provinceCode() != null)
                .map(g -> g.provinceCode()).collect(Collectors.toCollection(HashSet::new));
    }

    /**
     * Jurisdiction and need-to-know: commune staff their communes, supervisors their provinces, police
     * liaisons the cases referred to their commune's police, intake officers the cases they took reports
     * for; administrators no case content. The widest sight wins.
     */
    private Optional<Access> access(StaffPrincipal user, CaseFile file, Commune commune) {
        if (user.user().grants().stream()
                .anyMatch(g -> g.role() == Role.SUPERVISOR && commune.provinceCode().equals(g.provinceCode()))) {
            return Optional.of(new Access(file, commune, Sight.FULL_WITH_REPORTER, Set.of()));
        }
        // the supervisor of a province asked to accept the case sees what they are asked to accept
        if (user.hasRole(Role.SUPERVISOR) && openTasks.forCase(file.id()).stream()
                .anyMatch(t -> t.type() == TaskType.TRANSFER_ACCEPTANCE && user.groups().contains(t.candidateGroup()))) {
            return Optional.of(new Access(file, commune, Sight.TRANSFER_REVIEW, Set.of()));
        }
        String now = directory.current(commune.code());
        if (holds(user, Role.WORKER, now) || holds(user, Role.CHAIR, now)) {
            return Optional.of(new Access(file, commune, Sight.FULL, Set.of()));
        }
        // police of a commune the case was referred to (wherever the case is now), or their province's supervisor
        Set<String> policeCommunes = policeCommunesOf(user, police.referredPoliceCommunes(file.id()));
        if (!policeCommunes.isEmpty()) {
            return Optional.of(new Access(file, commune, Sight.POLICE, policeCommunes));
        }
        if (user.hasRole(Role.INTAKE) && reports.recordedBy(file.id(), user.getUsername())) {
            return Optional.of(new Access(file, commune, Sight.INTAKE, Set.of()));
        }
        return Optional.empty();
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

    private static boolean holds(StaffPrincipal user, Role role, String communeNow) {
        return user.user().grants().stream().anyMatch(g -> g.role() == role && communeNow.equals(g.communeCode()));
    }
}
