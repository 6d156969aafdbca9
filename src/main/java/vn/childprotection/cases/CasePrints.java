package vn.childprotection.cases;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.childprotection.audit.AuditTrail;
import vn.childprotection.common.Messages;
import vn.childprotection.common.NotFoundException;
import vn.childprotection.directory.Directory;
import vn.childprotection.security.StaffPrincipal;
import vn.childprotection.web.PdfDocuments;

/**
 * The case's papers (GET /api/cases/{id}/print/{form}): the report (Mẫu 01), the step forms Mẫu 02 to 07, the
 * chair's closure decision, the police referral slip, and the whole file for an inspection, each laid out as the
 * official document it is (template {@code print/paper.html}). A print shows what its reader sees on the case
 * page and nothing more: the reporter only to supervisors and intake officers and only when named, the police the
 * report and the referral, an intake officer the reports they took; the whole file is the supervisors'. Papers are
 * in Vietnamese, the language they are signed and sealed in. Each print is audited ({@code CASE_PRINTED}).
 */
@Service
class CasePrints {

    /** What can be printed: the key in the path and the step whose forms it holds. */
    enum Paper {
        MAU_01("mau-01", null), MAU_02("mau-02", "INITIAL_ASSESSMENT"), MAU_03("mau-03", "RISK_NEEDS_ASSESSMENT"),
        MAU_04("mau-04", "PLAN_DRAFT"), MAU_05("mau-05", "PLAN_APPROVAL"), MAU_06("mau-06", "PLAN_REVIEW"),
        MAU_07("mau-07", "EMERGENCY_DECISION"), CLOSURE("closure", "CLOSURE_APPROVAL"),
        POLICE_REFERRAL("police-referral", null), CASE_FILE("case-file", null);

        final String key;
        final String step;

        Paper(String key, String step) {
            this.key = key;
            this.step = step;
        }

        static Optional<Paper> of(String key) {
            return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
        }

        /** The key of the paper a step's form prints on, or null (pages put a print link beside such forms). */
        static String keyOfStep(String step) {
            return Arrays.stream(values()).filter(p -> step.equals(p.step)).map(p -> p.key).findFirst().orElse(null);
        }
    }

    /** The initial assessment's fields as its step's form has them (their labels are the form's). */
    private record AssessmentForm(String dangerLevel, boolean immediateDanger, boolean crimeSuspected, String summary) {
    }

    /** A paper ready to send. */
    record Printed(String fileName, byte[] pdf) {
    }

    /** The steps whose form the chair signs and seals (the others the worker who wrote them signs). */
    static final Set<String> CHAIR_STEPS = Set.of("EMERGENCY_DECISION", "PLAN_APPROVAL", "CLOSURE_APPROVAL",
            "SEPARATION_REVIEW");

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final Jurisdiction jurisdiction;
    private final CaseFileService cases;
    private final PlanItems planItems;
    private final Timeline timeline;
    private final TimelineView timelineView;
    private final CasePoliceRecords police;
    private final Directory directory;
    private final AuditTrail audit;
    private final Messages messages;
    private final PdfDocuments pdf;
    private final TransactionTemplate tx;
    private final java.time.Clock clock;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    CasePrints(Jurisdiction jurisdiction, CaseFileService cases, PlanItems planItems, Timeline timeline,
               TimelineView timelineView, CasePoliceRecords police, Directory directory, AuditTrail audit,
               Messages messages, PdfDocuments pdf, PlatformTransactionManager transactions, java.time.Clock clock,
               com.fasterxml.jackson.databind.ObjectMapper json) {
        this.clock = clock;
        this.json = json;
        this.jurisdiction = jurisdiction;
        this.cases = cases;
        this.planItems = planItems;
        this.timeline = timeline;
        this.timelineView = timelineView;
        this.police = police;
        this.directory = directory;
        this.audit = audit;
        this.messages = messages;
        this.pdf = pdf;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The paper as PDF; 404 for a paper this reader may not see or that the case does not have yet. */
    Printed print(UUID caseId, String key, StaffPrincipal user) {
        Paper paper = Paper.of(key).orElseThrow(() -> new NotFoundException("no paper " + key));
        // read and audited in one transaction, laid out after it: the audit chain is not held while fonts are set
        Map<String, Object> model = tx.execute(s -> model(caseId, paper, user));
        CaseView c = (CaseView) model.get("c");
        return new Printed(c.caseNumber() + "-" + paper.key + ".pdf", pdf.render("print/paper", model, VIETNAMESE));
    }

    private Map<String, Object> model(UUID caseId, Paper paper, StaffPrincipal user) {
        Jurisdiction.Access access = jurisdiction.access(caseId, user);
        Jurisdiction.Sight sight = access.sight();
        boolean whole = sight.needToKnow();
        boolean allowed = switch (paper) {
            case MAU_01 -> true;
            case POLICE_REFERRAL -> whole || sight == Jurisdiction.Sight.POLICE;
            case CASE_FILE -> sight == Jurisdiction.Sight.FULL_WITH_REPORTER;
            default -> whole;
        };
        if (!allowed) {
            throw new NotFoundException("paper " + paper.key + " of case " + caseId);
        }
        CaseView c = cases.assemble(access, user);
        Map<String, Object> model = new HashMap<>();
        model.put("c", c);
        model.put("paper", paper.key);
        model.put("chairSteps", CHAIR_STEPS);
        model.put("communeNow", directory.successorName(c.commune().code()));
        model.put("printedBy", user.user().displayName());
        model.put("printedAt", clock.instant());
        // the initial assessment (Mẫu 02) is kept as a record of its own; on paper it is a form like the others
        List<CaseForms.SubmittedForm> all = new java.util.ArrayList<>(c.initialAssessments().stream()
                .map(a -> new CaseForms.SubmittedForm(a.taskId(), "INITIAL_ASSESSMENT", json.valueToTree(
                        new AssessmentForm(a.dangerLevel().name(), a.immediateDanger(), a.crimeSuspected(), a.summary())),
                        a.assessedBy(), a.assessedAt()))
                .toList());
        all.addAll(c.forms());
        all.sort(java.util.Comparator.comparing(CaseForms.SubmittedForm::submittedAt));
        List<CaseForms.SubmittedForm> forms = all.stream()
                .filter(f -> paper == Paper.CASE_FILE || f.type().equals(paper.step))
                // a closure decision is the chair's approval; a closure sent back is not one
                .filter(f -> !"CLOSURE_APPROVAL".equals(f.type()) || f.content().path("approved").asBoolean(false)
                        || paper == Paper.CASE_FILE)
                .toList();
        model.put("forms", forms);
        // the timeline is read once, and only by the papers that show it: the slip its referrals, the file all of it
        List<Timeline.Entry> events = paper == Paper.POLICE_REFERRAL || paper == Paper.CASE_FILE
                ? timeline.of(caseId) : List.of();
        List<Timeline.Entry> referrals = events.stream().filter(e -> "POLICE_REFERRAL".equals(e.type())).toList();
        model.put("referrals", referrals);
        // the police read of the referrals to their own commune's police only, as on the case page
        Set<String> referredTo = paper != Paper.POLICE_REFERRAL ? Set.of()
                : sight == Jurisdiction.Sight.POLICE ? access.policeCommunes() : police.referredPoliceCommunes(caseId);
        model.put("policeUnits", referredTo.stream().sorted()
                .map(code -> messages.textIn(VIETNAMESE, "print.policeOf",
                        directory.commune(code).map(vn.childprotection.directory.Commune::name).orElse(code))).toList());
        model.put("planItems", whole && (paper == Paper.MAU_04 || paper == Paper.CASE_FILE)
                ? planItems.forCase(caseId) : List.of());
        model.put("timeline", paper == Paper.CASE_FILE ? timelineView.of(events) : List.of());
        boolean empty = switch (paper) {
            case MAU_01 -> c.reports().isEmpty();
            case POLICE_REFERRAL -> referrals.isEmpty();
            case CASE_FILE -> false;
            default -> forms.isEmpty();
        };
        if (empty) {
            throw new NotFoundException(messages.text("print.none", messages.textIn(VIETNAMESE, "print.name." + paper.key)));
        }
        audit.record("CASE_PRINTED", caseId, paper.key);
        return model;
    }
}
