package vn.childprotection.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.childprotection.ApiTestBase;
import vn.childprotection.Contract;

/**
 * Every endpoint × every demo role × a case of the user's own commune, of another commune of the same
 * province, and of another province: each cell asserts the status the user gets. A new endpoint
 * without a rule here fails {@link #everyEndpointHasARule()}.
 */
class AuthorizationMatrixTest extends ApiTestBase {

    /** The demo users, one per role; commune staff belong to commune A, the supervisor to province P. */
    enum Who {
        ANONYMOUS(null), INTAKE("intake"), WORKER("worker.a"), CHAIR("chair.a"), POLICE("police.a"),
        SUPERVISOR("supervisor.p"), POLICE_SUPERVISOR("police.supervisor.p"), ADMIN("admin"),
        /** A client system (the hotline's software) registered for commune A with both scopes, by its key. */
        CLIENT("client");

        final String username;

        Who(String username) {
            this.username = username;
        }

        /** The user's jurisdiction: which of the three cases exists for them (police: once referred to them). */
        boolean sees(Where where) {
            return switch (this) {
                case INTAKE, WORKER, CHAIR, POLICE -> where == Where.OWN_COMMUNE;
                case SUPERVISOR, POLICE_SUPERVISOR -> where != Where.OTHER_PROVINCE;
                case ANONYMOUS, ADMIN, CLIENT -> false;
            };
        }

        /** The police see a case only once it is referred to them. */
        boolean police() {
            return this == POLICE || this == POLICE_SUPERVISOR;
        }

        boolean worksCases() {
            return this == WORKER || this == CHAIR || this == POLICE;
        }
    }

    /**
     * Where the case lies, seen from the users above. The case of commune A was reported by the intake
     * officer; the others by their own commune's worker, so the intake officer took no report there.
     */
    enum Where {
        OWN_COMMUNE(COMMUNE_A, "intake", "worker.a"),
        OTHER_COMMUNE(COMMUNE_B, "worker.b", "worker.b"),
        OTHER_PROVINCE(COMMUNE_C, "worker.c", "worker.c");

        final String commune;
        final String reporter;
        final String localWorker;

        Where(String commune, String reporter, String localWorker) {
            this.commune = commune;
            this.reporter = reporter;
            this.localWorker = localWorker;
        }
    }

    /** What one cell sends; a page form is sent form-encoded, as a browser does. */
    record Request(HttpMethod method, String path, Object body, String claimFirst, boolean form) {

        Request(HttpMethod method, String path, Object body, String claimFirst) {
            this(method, path, body, claimFirst, false);
        }

        Request asForm() {
            return new Request(method, path, body, claimFirst, true);
        }
    }

    /** An endpoint's rule: what to send for a user and a place, and the status they must get. */
    record Rule(Cell request, Expect expect) {
    }

    interface Cell {
        Request build(Who who, Where where, boolean fresh);
    }

    interface Expect {
        int status(Who who, Where where);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Pages answer with redirects: each cell sees the redirect itself, not where it leads. */
    @Override
    protected TestRestTemplate client() {
        return http.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
    }

    private final Map<Where, String> sharedCases = new EnumMap<>(Where.class);
    private final Map<Where, String> sharedReferredCases = new EnumMap<>(Where.class);

    /** The rules, one per endpoint: "METHOD pattern" as Spring MVC maps it. */
    private Map<String, Rule> rules() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        rules.put("GET /api/me", new Rule(get(w -> "/api/me"), anyone(200)));
        rules.put("GET /api/directory/communes", new Rule(get(w -> "/api/directory/communes"), anyone(200)));
        rules.put("GET /api/tasks", new Rule(get(w -> "/api/tasks"), anyone(200)));
        // a person's own notifications; another's, or none, is not found
        rules.put("GET /api/notifications", new Rule(get(w -> "/api/notifications"), anyone(200)));
        rules.put("POST /api/notifications/{id}/read", new Rule((who, where, fresh) -> new Request(HttpMethod.POST,
                "/api/notifications/" + java.util.UUID.randomUUID() + "/read", null, null), anyone(404)));
        rules.put("GET /notifications", new Rule(get(w -> "/notifications"), anyone(200)));
        rules.put("GET /admin/outbox", new Rule(get(w -> "/admin/outbox"), only(Who.ADMIN, 200)));
        rules.put("GET /notifications/{id}", new Rule(get(w -> "/notifications/" + java.util.UUID.randomUUID()),
                anyone(404)));
        // everyone sets their own; the form sent here is refused whole (not an address), so nobody's changes
        rules.put("GET /notifications/settings", new Rule(get(w -> "/notifications/settings"), anyone(200)));
        rules.put("POST /notifications/settings", new Rule((who, where, fresh) -> new Request(HttpMethod.POST,
                "/notifications/settings", Map.of("email", "not an address", "language", "vi"), null).asForm(),
                formPost(anyone(200))));
        rules.put("GET /api/oversight/overdue", new Rule(get(w -> "/api/oversight/overdue"), only(Who.SUPERVISOR, 200)));
        // the periodic report: one's own unit for commune staff, supervisors and administrators; not the police or intake
        Expect reportReaders = (who, where) -> who == Who.ANONYMOUS ? 401
                : Set.of(Who.WORKER, Who.CHAIR, Who.SUPERVISOR, Who.ADMIN).contains(who) ? 200 : 403;
        rules.put("GET /api/statistics/periodic", new Rule(get(w -> "/api/statistics/periodic"), reportReaders));
        rules.put("GET /statistics", new Rule(get(w -> "/statistics"), reportReaders));
        rules.put("GET /statistics/periodic", new Rule(get(w -> "/statistics/periodic?format=csv"), reportReaders));
        rules.put("GET /api/audit/verify", new Rule(get(w -> "/api/audit/verify"), only(Who.ADMIN, 200)));
        rules.put("POST /api/reports", new Rule(
                (who, where, fresh) -> new Request(HttpMethod.POST, "/api/reports", report(where.commune), null),
                (who, where) -> who == Who.ANONYMOUS ? 401
                        : Set.of(Who.INTAKE, Who.WORKER, Who.POLICE).contains(who) ? 201 : 403));
        // client systems: registered and revoked by administrators; a status only for the system that filed
        rules.put("GET /api/reports/{caseId}/status", new Rule((who, where, fresh) -> new Request(HttpMethod.GET,
                "/api/reports/" + (who == Who.CLIENT && where == Where.OWN_COMMUNE ? clientCase()
                        : plainCase(where, false)) + "/status", null, null),
                (who, where) -> who == Who.ANONYMOUS ? 401 : 403));
        rules.put("GET /api/admin/clients", new Rule(get(w -> "/api/admin/clients"), only(Who.ADMIN, 200)));
        rules.put("POST /api/admin/clients", new Rule((who, where, fresh) -> new Request(HttpMethod.POST,
                "/api/admin/clients", Map.of("name", "cell-" + System.nanoTime(), "displayName", "Hệ thống thử",
                "units", List.of(where.commune), "scopes", List.of("reports:write")), null), only(Who.ADMIN, 201)));
        rules.put("GET /api/admin/clients/{id}", new Rule((who, where, fresh) -> new Request(HttpMethod.GET,
                "/api/admin/clients/" + matrixClientId(), null, null), only(Who.ADMIN, 200)));
        rules.put("POST /api/admin/clients/{id}/revoke", new Rule((who, where, fresh) -> new Request(HttpMethod.POST,
                "/api/admin/clients/" + (fresh ? throwawayClient() : matrixClientId()) + "/revoke", null, null),
                only(Who.ADMIN, 200)));
        rules.put("GET /api/cases", new Rule(get(w -> "/api/cases?communeCode=" + w.commune), anyone(200)));
        rules.put("GET /api/cases/{caseId}", new Rule(caseGet(""), byJurisdiction(who -> true, 200)));
        java.util.function.Predicate<Who> notesRoles = who -> who == Who.WORKER || who == Who.CHAIR || who == Who.SUPERVISOR;
        rules.put("GET /api/cases/{caseId}/notes", new Rule(caseGet("/notes"), byJurisdiction(notesRoles, 200)));
        rules.put("POST /api/cases/{caseId}/notes", new Rule(
                (who, where, fresh) -> new Request(HttpMethod.POST, "/api/cases/" + plainCase(where, fresh) + "/notes",
                        contactNote(), null),
                byJurisdiction(notesRoles, 201)));
        rules.put("POST /api/cases/{caseId}/attachments", new Rule(
                (who, where, fresh) -> new Request(HttpMethod.POST,
                        "/api/cases/" + plainCase(where, fresh) + "/attachments", SCAN, null),
                byJurisdiction(notesRoles, 201)));
        rules.put("GET /api/cases/{caseId}/attachments", new Rule(caseGet("/attachments"), byJurisdiction(notesRoles, 200)));
        rules.put("GET /api/cases/{caseId}/attachments/{attachmentId}", new Rule(
                (who, where, fresh) -> new Request(HttpMethod.GET, "/api/cases/" + plainCase(where, false)
                        + "/attachments/" + attachmentOf(where), null, null),
                byJurisdiction(notesRoles, 200)));
        rules.put("POST /api/cases/{caseId}/plan-items", new Rule(
                (who, where, fresh) -> new Request(HttpMethod.POST, "/api/cases/" + plainCase(where, fresh) + "/plan-items",
                        planItem(), null),
                byJurisdiction(notesRoles, 201)));
        rules.put("GET /api/cases/{caseId}/plan-items", new Rule(caseGet("/plan-items"), byJurisdiction(notesRoles, 200)));
        rules.put("POST /api/cases/{caseId}/plan-items/{itemId}/status", new Rule(
                (who, where, fresh) -> new Request(HttpMethod.POST, "/api/cases/" + plainCase(where, false)
                        + "/plan-items/" + planItemOf(where) + "/status", Map.of("status", "ACCEPTED"), null),
                byJurisdiction(notesRoles, 204)));
        rules.put("GET /api/directory/providers", new Rule(get(w -> "/api/directory/providers?communeCode=" + w.commune),
                anyone(200)));
        rules.put("POST /api/directory/providers", new Rule(
                (who, where, fresh) -> new Request(HttpMethod.POST, "/api/directory/providers",
                        Map.of("provinceCode", where == Where.OTHER_PROVINCE ? "15" : "01", "communeCode", where.commune,
                                "name", "Nhà văn hóa", "service", "PSYCHOSOCIAL"), null),
                // the supervisor of the province and the administrator; a supervisor adding to another province is told
                // it is not theirs
                (who, where) -> who == Who.ANONYMOUS ? 401 : who == Who.ADMIN ? 201
                        : who == Who.SUPERVISOR ? (where == Where.OTHER_PROVINCE ? 400 : 201) : 403));
        rules.put("GET /api/cases/{caseId}/timeline", new Rule(caseGet("/timeline"), byJurisdiction(who -> true, 200)));
        // the report (Mẫu 01) prints for whoever sees the case; the whole file (the page's rule) for supervisors
        rules.put("GET /api/cases/{caseId}/print/{form}", new Rule(caseGet("/print/mau-01"), byJurisdiction(who -> true, 200)));
        rules.put("GET /api/cases/{caseId}/access-log", new Rule(caseGet("/access-log"),
                byJurisdiction(who -> who == Who.SUPERVISOR, 200)));
        rules.put("POST /api/cases/{caseId}/transfer", new Rule(
                (who, where, fresh) -> new Request(HttpMethod.POST, "/api/cases/" + plainCase(where, fresh) + "/transfer",
                        Map.of("communeCode", where == Where.OWN_COMMUNE ? COMMUNE_B : COMMUNE_A,
                                "reason", "Gia đình chuyển nơi ở"), null),
                byJurisdiction(who -> who == Who.SUPERVISOR, 204)));
        rules.put("POST /api/cases/{caseId}/police-outcome", new Rule(
                (who, where, fresh) -> new Request(HttpMethod.POST,
                        "/api/cases/" + referredCase(where, fresh) + "/police-outcome",
                        Map.of("outcome", "NOT_OPENED", "detail", "Không đủ căn cứ khởi tố"), null),
                byJurisdiction(who -> who == Who.POLICE, 204)));
        rules.put("POST /api/cases/{caseId}/duplicate", new Rule(
                (who, where, fresh) -> new Request(HttpMethod.POST,
                        "/api/cases/" + plainCase(where, fresh) + "/duplicate", Map.of("decision", "DISMISS"), null),
                // a case not marked as a possible duplicate: the supervisor who may decide is told so (409)
                byJurisdiction(who -> who == Who.SUPERVISOR, 409)));
        rules.put("POST /api/cases/{caseId}/police-referrals", new Rule(
                (who, where, fresh) -> new Request(HttpMethod.POST,
                        "/api/cases/" + plainCase(where, fresh) + "/police-referrals", null, null),
                byJurisdiction(who -> Set.of(Who.WORKER, Who.CHAIR, Who.SUPERVISOR).contains(who), 201)));
        rules.put("POST /api/tasks/{taskId}/claim", new Rule(task("claim", false), candidates(200)));
        rules.put("POST /api/tasks/{taskId}/unclaim", new Rule(task("unclaim", true), candidates(200)));
        rules.put("POST /api/tasks/{taskId}/complete", new Rule(task("complete", true), candidates(204)));

        // the pages: the same rules, answered with pages and redirects
        rules.put("GET /login", new Rule(get(w -> "/login"), (who, where) -> 200));
        rules.put("GET /", new Rule(get(w -> "/"), anyone(302)));
        rules.put("GET /tasks", new Rule(get(w -> "/tasks"), anyone(200)));
        rules.put("GET /tasks/{taskId}", new Rule(pageTask("", false, HttpMethod.GET), candidates(200)));
        rules.put("POST /tasks/{taskId}/claim", new Rule(pageTask("/claim", false, HttpMethod.POST),
                formPost(candidates(302))));
        rules.put("POST /tasks/{taskId}/unclaim", new Rule(pageTask("/unclaim", true, HttpMethod.POST),
                formPost(candidates(302))));
        rules.put("POST /tasks/{taskId}", new Rule(pageTask("", true, HttpMethod.POST), formPost(candidates(302))));
        Expect reporters = (who, where) -> who == Who.ANONYMOUS ? 401
                : Set.of(Who.INTAKE, Who.WORKER, Who.POLICE).contains(who) ? 200 : 403;
        rules.put("GET /reports/new", new Rule(get(w -> "/reports/new"), reporters));
        rules.put("GET /reports/check", new Rule(get(w -> "/reports/check?communeCode=" + w.commune
                + "&child.fullName=X&child.birthDate=2017-01-01"), reporters));
        rules.put("POST /reports", new Rule(
                (who, where, fresh) -> new Request(HttpMethod.POST, "/reports", Map.of("channel", "PHONE",
                        "communeCode", where.commune, "child.sex", "MALE", "harmTypes", "NEGLECT",
                        "description", "Trẻ bị bỏ mặc"), null).asForm(),
                formPost((who, where) -> reporters.status(who, where) == 200 ? 302 : reporters.status(who, where))));
        rules.put("GET /cases/{caseId}/notes", new Rule(
                (who, where, fresh) -> new Request(HttpMethod.GET, "/cases/" + plainCase(where, false) + "/notes", null, null),
                (who, where) -> who == Who.ANONYMOUS ? 401 : notesRoles.test(who) ? 302 : 403));
        rules.put("POST /cases/{caseId}/notes", new Rule(
                (who, where, fresh) -> new Request(HttpMethod.POST, "/cases/" + plainCase(where, fresh) + "/notes",
                        contactNote(), null).asForm(),
                formPost(byJurisdiction(notesRoles, 302))));
        rules.put("POST /cases/{caseId}/attachments", new Rule(
                (who, where, fresh) -> new Request(HttpMethod.POST, "/cases/" + plainCase(where, fresh) + "/attachments",
                        SCAN, null),
                formPost(byJurisdiction(notesRoles, 302))));
        rules.put("GET /cases/{caseId}/attachments", new Rule(
                (who, where, fresh) -> new Request(HttpMethod.GET, "/cases/" + plainCase(where, false) + "/attachments",
                        null, null),
                (who, where) -> who == Who.ANONYMOUS ? 401 : notesRoles.test(who) ? 302 : 403));
        rules.put("GET /cases/{caseId}/print/{form}", new Rule(
                (who, where, fresh) -> new Request(HttpMethod.GET, "/cases/" + plainCase(where, false) + "/print/case-file",
                        null, null),
                byJurisdiction(who -> who == Who.SUPERVISOR, 200)));
        rules.put("GET /cases/{caseId}/attachments/{attachmentId}", new Rule(
                (who, where, fresh) -> new Request(HttpMethod.GET, "/cases/" + plainCase(where, false)
                        + "/attachments/" + attachmentOf(where), null, null),
                byJurisdiction(notesRoles, 200)));
        rules.put("POST /cases/{caseId}/plan-items", new Rule(
                (who, where, fresh) -> new Request(HttpMethod.POST, "/cases/" + plainCase(where, fresh) + "/plan-items",
                        planItem(), null).asForm(),
                formPost(byJurisdiction(notesRoles, 302))));
        rules.put("POST /cases/{caseId}/plan-items/{itemId}/status", new Rule(
                (who, where, fresh) -> new Request(HttpMethod.POST, "/cases/" + plainCase(where, false)
                        + "/plan-items/" + planItemOf(where) + "/status", Map.of("status", "ACCEPTED"), null).asForm(),
                formPost(byJurisdiction(notesRoles, 302))));
        rules.put("GET /cases/{caseId}/plan-items", new Rule(
                (who, where, fresh) -> new Request(HttpMethod.GET, "/cases/" + plainCase(where, false) + "/plan-items",
                        null, null),
                (who, where) -> who == Who.ANONYMOUS ? 401 : notesRoles.test(who) ? 302 : 403));
        rules.put("GET /cases/{caseId}/plan-items/{itemId}/status", new Rule(
                (who, where, fresh) -> new Request(HttpMethod.GET, "/cases/" + plainCase(where, false)
                        + "/plan-items/" + planItemOf(where) + "/status", null, null),
                (who, where) -> who == Who.ANONYMOUS ? 401 : notesRoles.test(who) ? 302 : 403));
        rules.put("GET /cases", new Rule(get(w -> "/cases?communeCode=" + w.commune), anyone(200)));
        rules.put("GET /cases/{caseId}", new Rule(
                (who, where, fresh) -> new Request(HttpMethod.GET, "/cases/" + (who.police() ? referredCase(where, false)
                        : plainCase(where, false)), null, null),
                byJurisdiction(who -> true, 200)));
        rules.put("GET /oversight", new Rule(get(w -> "/oversight"), only(Who.SUPERVISOR, 200)));
        // staff administration: administrators everyone, a supervisor the commune staff of their province (another
        // province's people do not exist for them); what is sent is refused as input (nothing changes) or, where
        // the cell expects success, acts on a person made for the cell
        Expect managers = (who, where) -> who == Who.ANONYMOUS ? 401 : who == Who.ADMIN || who == Who.SUPERVISOR ? 200 : 403;
        rules.put("GET /api/admin/staff", new Rule(get(w -> "/api/admin/staff"), managers));
        rules.put("POST /api/admin/staff", new Rule((who, where, fresh) -> new Request(HttpMethod.POST, "/api/admin/staff",
                takenLogin(where), null), (who, where) -> who == Who.ANONYMOUS ? 401 : who == Who.ADMIN ? 400
                : who == Who.SUPERVISOR ? (where == Where.OTHER_PROVINCE ? 403 : 400) : 403));
        rules.put("GET /api/admin/staff/{username}", new Rule(get(w -> "/api/admin/staff/" + w.localWorker), managing(200)));
        rules.put("PUT /api/admin/staff/{username}", new Rule((who, where, fresh) -> new Request(HttpMethod.PUT,
                "/api/admin/staff/" + where.localWorker, nameless(where), null), managing(400)));
        for (String action : List.of("disable", "enable", "reset-password", "unlock")) {
            rules.put("POST /api/admin/staff/{username}/" + action, new Rule((who, where, fresh) -> new Request(
                    HttpMethod.POST, "/api/admin/staff/" + (fresh ? throwaway(where) : where.localWorker) + "/" + action,
                    null, null), managing(200)));
            rules.put("POST /admin/staff/{username}/" + action, new Rule((who, where, fresh) -> new Request(
                    HttpMethod.POST, "/admin/staff/" + (fresh ? throwaway(where) : where.localWorker) + "/" + action,
                    Map.of(), null).asForm(), formPost(managing(302))));
        }
        rules.put("GET /admin/staff", new Rule(get(w -> "/admin/staff"), managers));
        rules.put("GET /admin/staff/new", new Rule(get(w -> "/admin/staff/new"), managers));
        rules.put("POST /admin/staff", new Rule((who, where, fresh) -> new Request(HttpMethod.POST, "/admin/staff",
                Map.of("username", "worker.a", "displayName", "Người thử", "role", "WORKER", "unitCode", where.commune),
                null).asForm(), formPost((who, where) -> who == Who.ADMIN ? 200
                : who == Who.SUPERVISOR ? (where == Where.OTHER_PROVINCE ? 403 : 200) : 403)));
        rules.put("GET /admin/staff/{username}", new Rule(get(w -> "/admin/staff/" + w.localWorker), managing(200)));
        rules.put("POST /admin/staff/{username}", new Rule((who, where, fresh) -> new Request(HttpMethod.POST,
                "/admin/staff/" + where.localWorker, Map.of("displayName", " ", "role", "WORKER", "unitCode",
                where.commune), null).asForm(), formPost(managing(200))));
        // the working-day calendar is the administrators'; what is sent here is refused as input or names a day not
        // in the calendar, so nothing changes
        rules.put("GET /api/admin/holidays", new Rule(get(w -> "/api/admin/holidays?year=2027"), only(Who.ADMIN, 200)));
        rules.put("POST /api/admin/holidays", new Rule((who, where, fresh) -> new Request(HttpMethod.POST,
                "/api/admin/holidays", Map.of("date", "2027-03-03", "kind", "WORKING_DAY", "name", "Làm bù"), null),
                only(Who.ADMIN, 400)));
        rules.put("DELETE /api/admin/holidays/{date}", new Rule((who, where, fresh) -> new Request(HttpMethod.DELETE,
                "/api/admin/holidays/2027-03-03", null, null), only(Who.ADMIN, 404)));
        rules.put("GET /admin/holidays", new Rule(get(w -> "/admin/holidays"), only(Who.ADMIN, 200)));
        rules.put("POST /admin/holidays", new Rule((who, where, fresh) -> new Request(HttpMethod.POST, "/admin/holidays",
                Map.of("date", "2027-03-03", "kind", "WORKING_DAY", "name", "Làm bù"), null).asForm(),
                formPost(only(Who.ADMIN, 200))));
        rules.put("POST /admin/holidays/{date}/delete", new Rule((who, where, fresh) -> new Request(HttpMethod.POST,
                "/admin/holidays/2027-03-03/delete", Map.of(), null).asForm(), formPost(only(Who.ADMIN, 404))));
        // the units: a form without a file is not the multipart body the import takes, so nothing changes
        rules.put("POST /api/admin/units/import", new Rule((who, where, fresh) -> new Request(HttpMethod.POST,
                "/api/admin/units/import", Map.of(), null).asForm(), only(Who.ADMIN, 415)));
        rules.put("GET /admin/units", new Rule(get(w -> "/admin/units"), only(Who.ADMIN, 200)));
        // client systems' page: a form with a name that is not one is answered with the page and its errors
        rules.put("GET /admin/clients", new Rule(get(w -> "/admin/clients"), only(Who.ADMIN, 200)));
        rules.put("POST /admin/clients", new Rule((who, where, fresh) -> new Request(HttpMethod.POST,
                "/admin/clients", Map.of("name", "X", "displayName", "", "units", "", "requestsPerMinute", "60"), null)
                .asForm(), formPost(only(Who.ADMIN, 200))));
        rules.put("POST /admin/clients/{id}/revoke", new Rule((who, where, fresh) -> new Request(HttpMethod.POST,
                "/admin/clients/" + (fresh ? throwawayClient() : matrixClientId()) + "/revoke", null, null).asForm(),
                formPost(only(Who.ADMIN, 302))));
        rules.put("POST /admin/units/preview", new Rule((who, where, fresh) -> new Request(HttpMethod.POST,
                "/admin/units/preview", Map.of(), null).asForm(), formPost(only(Who.ADMIN, 200))));
        rules.put("POST /admin/units/apply", new Rule((who, where, fresh) -> new Request(HttpMethod.POST,
                "/admin/units/apply", Map.of(), null).asForm(), formPost(only(Who.ADMIN, 200))));
        // a merge names no old commune, so nothing moves: the API refuses it as input, the page says so on /admin/units
        rules.put("POST /api/admin/units/merge", new Rule((who, where, fresh) -> new Request(HttpMethod.POST,
                "/api/admin/units/merge", Map.of("into", "99999"), null), only(Who.ADMIN, 400)));
        rules.put("POST /admin/units/merge", new Rule((who, where, fresh) -> new Request(HttpMethod.POST,
                "/admin/units/merge", Map.of("into", "99999"), null).asForm(), formPost(only(Who.ADMIN, 302))));
        // the deadlines in force: the law is public to everyone who signs in
        rules.put("GET /api/deadlines", new Rule(get(w -> "/api/deadlines"), anyone(200)));
        rules.put("GET /deadlines", new Rule(get(w -> "/deadlines"), anyone(200)));
        // everyone changes their own password; a new password too short is refused before anything is checked
        rules.put("POST /api/me/password", new Rule((who, where, fresh) -> new Request(HttpMethod.POST,
                "/api/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "short"), null), anyone(400)));
        rules.put("GET /password", new Rule(get(w -> "/password"), anyone(200)));
        rules.put("POST /password", new Rule((who, where, fresh) -> new Request(HttpMethod.POST, "/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "short", "repeatPassword", "short"), null).asForm(),
                formPost(anyone(200))));
        // with no role needing a second factor (the test configuration), these pages send everyone home
        rules.put("GET /second-factor", new Rule(get(w -> "/second-factor"), anyone(302)));
        rules.put("GET /second-factor/enrol", new Rule(get(w -> "/second-factor/enrol"), anyone(302)));
        rules.put("POST /second-factor", new Rule((who, where, fresh) -> new Request(HttpMethod.POST, "/second-factor",
                Map.of("code", "123456"), null).asForm(), formPost(anyone(302))));
        rules.put("POST /second-factor/enrol", new Rule((who, where, fresh) -> new Request(HttpMethod.POST,
                "/second-factor/enrol", Map.of("code", "123456"), null).asForm(), formPost(anyone(302))));
        return rules;
    }

    @Test
    void everyEndpointHasARule() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().startsWith("vn.childprotection")) {
                for (var httpMethod : info.getMethodsCondition().getMethods()) {
                    for (String pattern : info.getPatternValues()) {
                        endpoints.add(httpMethod.name() + " " + pattern);
                    }
                }
            }
        });
        assertThat(endpoints).as("the application's endpoints").isNotEmpty();
        assertThat(new TreeSet<>(rules().keySet()))
                .as("every endpoint needs a rule in this matrix, and every rule an endpoint")
                .isEqualTo(endpoints);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryRoleAndPlace() {
        List<DynamicTest> cells = new ArrayList<>();
        rules().forEach((endpoint, rule) -> {
            for (Who who : Who.values()) {
                for (Where where : Where.values()) {
                    int expected = who == Who.CLIENT ? clientStatus(endpoint, rule, where) : rule.expect().status(who, where);
                    String name = endpoint + " | " + who + " | " + where + " -> " + expected;
                    cells.add(DynamicTest.dynamicTest(name, () -> {
                        // a cell that may change the case gets a case of its own
                        Request request = inVersion(rule.request().build(who, where, expected < 400), who, where);
                        if (request.claimFirst() != null && expected < 400) {
                            assertThat(post(who.username, "/api/tasks/" + request.claimFirst() + "/claim", null)
                                    .status()).isEqualTo(200);
                        }
                        Reply reply = request.form() ? form(who.username, request)
                                : request.body() instanceof byte[] file ? upload(who.username, request.path(), file)
                                : call(who.username, request.method(), request.path(), request.body());
                        assertThat(reply.status()).as("%s: %s", name, reply.body()).isEqualTo(expected);
                        if (expected >= 400 && request.path().startsWith("/api/")) {
                            assertThat(reply.headers().getContentType()).as("problem details")
                                    .matches(type -> MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type));
                        }
                    }));
                }
            }
        });
        return cells.stream();
    }

    /**
     * Every other cell asks under {@code /api/v1/}, the rest under the deprecated {@code /api/}: both are the same
     * API, guarded by the same rules, and every endpoint is asked both ways.
     */
    private static Request inVersion(Request request, Who who, Where where) {
        if (!request.path().startsWith("/api/") || (who.ordinal() + where.ordinal()) % 2 == 0) {
            return request;
        }
        return new Request(request.method(), "/api/v1" + request.path().substring("/api".length()), request.body(),
                request.claimFirst(), request.form());
    }

    @TestFactory
    Stream<DynamicTest> engineRestAndCamundaWebappsOnlyForAdministrators() {
        List<DynamicTest> cells = new ArrayList<>();
        for (String path : List.of("/engine-rest/engine", "/engine-rest/process-definition", "/engine-rest/task",
                "/camunda/app/cockpit/default/", "/camunda/app/tasklist/default/", "/camunda/app/admin/default/")) {
            for (Who who : Who.values()) {
                // a client system's key is no sign-in here: it is anonymous
                int expected = who == Who.ADMIN ? 200 : who == Who.ANONYMOUS || who == Who.CLIENT ? 401 : 403;
                cells.add(DynamicTest.dynamicTest("GET " + path + " | " + who + " -> " + expected,
                        () -> assertThat(get(who.username, path).status()).isEqualTo(expected)));
            }
        }
        return cells.stream();
    }

    /**
     * What a client system gets: on the API, filing reports for its commune (A) and reading back the status of the
     * reports it filed, 403 for anything else; the pages do not know its key (as for anyone not signed in).
     */
    private static int clientStatus(String endpoint, Rule rule, Where where) {
        if (!endpoint.split(" ")[1].startsWith("/api/")) {
            return rule.expect().status(Who.ANONYMOUS, where);
        }
        return switch (endpoint) {
            case "POST /api/reports" -> where == Where.OWN_COMMUNE ? 201 : 403;
            case "GET /api/reports/{caseId}/status" -> where == Where.OWN_COMMUNE ? 200 : 404;
            default -> 403;
        };
    }

    private String clientKey;
    private String clientId;
    private String clientCase;

    /** The matrix's client system, registered once by the administrator for commune A. */
    private String clientKey() {
        if (clientKey == null) {
            Reply registered = post("admin", "/api/admin/clients", Map.of("name", "matrix-" + System.nanoTime(),
                    "displayName", "Phần mềm tổng đài 111", "units", List.of(COMMUNE_A),
                    "scopes", List.of("reports:write", "reports:read"), "requestsPerMinute", 10_000));
            assertThat(registered.status()).as("client registered: %s", registered.body()).isEqualTo(201);
            clientKey = registered.body().get("key").asText();
            clientId = registered.body().get("client").get("id").asText();
        }
        return clientKey;
    }

    /** A case of commune A that the matrix's client system reported. */
    private String clientCase() {
        if (clientCase == null) {
            Reply filed = post(Who.CLIENT.username, "/api/reports", report(COMMUNE_A));
            assertThat(filed.status()).as("filed by the client: %s", filed.body()).isEqualTo(201);
            clientCase = filed.body().get("caseId").asText();
        }
        return clientCase;
    }

    private String matrixClientId() {
        clientKey();
        return clientId;
    }

    /** A client system registered only to be revoked. */
    private String throwawayClient() {
        return post("admin", "/api/admin/clients", Map.of("name", "gone-" + System.nanoTime(), "displayName", "Bỏ",
                "units", List.of(COMMUNE_A), "scopes", List.of("reports:write"))).body().get("client").get("id").asText();
    }

    /** Every answer of every cell is one the API's contract lists, its body as the contract describes it. */
    @Override
    protected void answered(HttpMethod method, String path, org.springframework.http.ResponseEntity<String> response) {
        assertThat(Contract.served(http).problems(method, path, response)).as("the answer against the API's contract")
                .isEmpty();
    }

    @Override
    protected void credentials(HttpHeaders headers, String user) {
        if (Who.CLIENT.username.equals(user)) {
            headers.setBearerAuth(clientKey());
        } else {
            super.credentials(headers, user);
        }
    }

    /** A page form post with the user's credentials (no session, so no CSRF token, as for any Basic caller). */
    private Reply form(String username, Request request) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        credentials(headers, username);
        LinkedMultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        if (request.body() instanceof Map<?, ?> map) {
            map.forEach((k, v) -> fields.add(String.valueOf(k), String.valueOf(v)));
        }
        return exchange(request.method(), request.path(), new HttpEntity<>(fields, headers));
    }

    /** A scanned PDF, as the case page's upload form and the API take it. */
    private static final byte[] SCAN = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Map<Where, String> sharedAttachments = new EnumMap<>(Where.class);

    /** A file uploaded as a browser or an integrator sends it (multipart, field {@code file}). */
    private Reply upload(String username, String path, byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        credentials(headers, username);
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new org.springframework.core.io.ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "bien-ban.pdf";
            }
        });
        return exchange(HttpMethod.POST, path, new HttpEntity<>(parts, headers));
    }

    private final Map<Where, String> sharedPlanItems = new EnumMap<>(Where.class);

    /** A plan item a week ahead, without a provider, as the case page's form and the API take it. */
    private static Map<String, Object> planItem() {
        return Map.of("service", "HEALTH", "action", "Khám sức khỏe định kỳ", "responsible", "Trạm y tế",
                "dueOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(7).toString());
    }

    /** A plan item of the shared case of each place, added by its own worker. */
    private String planItemOf(Where where) {
        return sharedPlanItems.computeIfAbsent(where, w -> {
            Reply added = post(w.localWorker, "/api/cases/" + plainCase(w, false) + "/plan-items", planItem());
            assertThat(added.status()).isEqualTo(201);
            return added.body().get("id").asText();
        });
    }

    /** An attachment of the shared case of each place, added by its own worker. */
    private String attachmentOf(Where where) {
        return sharedAttachments.computeIfAbsent(where, w -> {
            Reply added = upload(w.localWorker, "/api/cases/" + plainCase(w, false) + "/attachments", SCAN);
            assertThat(added.status()).isEqualTo(201);
            return added.body().get("id").asText();
        });
    }

    /** A task page of the task each role works: the page, or a claim, unclaim or completion from it. */
    private Cell pageTask(String suffix, boolean claimFirst, HttpMethod method) {
        Cell api = task(suffix.isEmpty() ? "complete" : suffix.substring(1), claimFirst);
        return (who, where, fresh) -> {
            Request r = api.build(who, where, fresh);
            String taskId = r.path().split("/")[3];
            Request page = new Request(method, "/tasks/" + taskId + suffix,
                    method == HttpMethod.POST && suffix.isEmpty() ? r.body() : null, r.claimFirst());
            return method == HttpMethod.POST ? page.asForm() : page;
        };
    }

    // --- rules ---

    /** A page form posted without a session carries no CSRF token: strangers are refused before sign-in (403). */
    /** A home visit today, as the case page's form and the API take it. */
    private static Map<String, Object> contactNote() {
        return Map.of("kind", "HOME_VISIT", "contactDate",
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString(),
                "observations", "Trẻ ở nhà với bà ngoại, đã đi học lại");
    }

    /** Administrators act on anyone; a supervisor on their province's commune staff (another province: 404). */
    private static Expect managing(int status) {
        return (who, where) -> who == Who.ANONYMOUS ? 401 : who == Who.ADMIN ? status
                : who == Who.SUPERVISOR ? (where == Where.OTHER_PROVINCE ? 404 : status) : 403;
    }

    /** A new person whose login is taken: refused as input once the caller may give the role at all. */
    private static Map<String, Object> takenLogin(Where where) {
        return Map.of("username", where.localWorker, "displayName", "Người thử",
                "roles", List.of(Map.of("role", "WORKER", "unitCode", where.commune)));
    }

    /** A person's details without a name: refused as input once the caller may manage them. */
    private static Map<String, Object> nameless(Where where) {
        return Map.of("displayName", " ", "roles", List.of(Map.of("role", "WORKER", "unitCode", where.commune)));
    }

    private final java.util.concurrent.atomic.AtomicInteger throwaways = new java.util.concurrent.atomic.AtomicInteger();

    /** A disabled worker of the place, made for one cell that may disable, enable, reset or unlock them. */
    private String throwaway(Where where) {
        String username = "matrix." + System.nanoTime() % 1_000_000 + "." + throwaways.incrementAndGet();
        jdbc.sql("insert into staff_user (username, display_name, password_hash, enabled, demo)"
                + " select ?, 'Người thử', password_hash, false, false from staff_user where username = 'worker.a'")
                .param(username).update();
        jdbc.sql("insert into staff_role (username, role, commune_code) values (?, 'WORKER', ?)")
                .params(username, where.commune).update();
        return username;
    }

    /** The people made for cells, once the matrix has run: nobody of them stays a worker of the demo communes. */
    @org.junit.jupiter.api.AfterEach
    void forgetThrowaways() {
        jdbc.sql("delete from outbox_message where notification_id in (select id from notification where username like 'matrix.%')").update();
        jdbc.sql("delete from notification where username like 'matrix.%'").update();
        for (String table : new String[] {"notification_batch", "notification_preference", "notification_quiet_hours",
                "recovery_code", "staff_role", "staff_user"}) {
            jdbc.sql("delete from " + table + " where username like 'matrix.%'").update();
        }
    }

    private static Expect formPost(Expect signedIn) {
        return (who, where) -> who == Who.ANONYMOUS ? 403 : signedIn.status(who, where);
    }

    private static Expect anyone(int status) {
        return (who, where) -> who == Who.ANONYMOUS ? 401 : status;
    }

    private static Expect only(Who role, int status) {
        return (who, where) -> who == Who.ANONYMOUS ? 401 : who == role ? status : 403;
    }

    /** Roles the endpoint is for get the status within their jurisdiction and 404 outside it; others 403. */
    private static Expect byJurisdiction(java.util.function.Predicate<Who> roles, int status) {
        return (who, where) -> who == Who.ANONYMOUS ? 401 : !roles.test(who) ? 403 : who.sees(where) ? status : 404;
    }

    /** A task exists only for its candidates: commune staff of its commune; for anyone else 404. */
    private static Expect candidates(int status) {
        return (who, where) -> who == Who.ANONYMOUS ? 401 : who.worksCases() && who.sees(where) ? status : 404;
    }

    private static Cell get(Function<Where, String> path) {
        return (who, where, fresh) -> new Request(HttpMethod.GET, path.apply(where), null, null);
    }

    private Cell caseGet(String suffix) {
        return (who, where, fresh) -> new Request(HttpMethod.GET, "/api/cases/"
                + (who.police() ? referredCase(where, false) : plainCase(where, false)) + suffix, null, null);
    }

    /** The task each role works: the worker's assessment, the chair's emergency decision, the police referral. */
    private Cell task(String action, boolean claimFirst) {
        return (who, where, fresh) -> {
            String caseId;
            String type;
            Map<String, Object> form;
            switch (who) {
                case CHAIR -> {
                    caseId = referredCase(where, fresh);
                    type = "EMERGENCY_DECISION";
                    form = Map.of("measures", "Giao trẻ cho bà ngoại chăm sóc", "separation", false,
                            "reason", "Nguy hiểm tức thời");
                }
                case POLICE -> {
                    caseId = referredCase(where, fresh);
                    type = "POLICE_ACKNOWLEDGE";
                    form = Map.of("agency", "Cơ quan CSĐT Công an tỉnh", "forwardedAt",
                            java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).withNano(0).toString(),
                            "recordNumber", "CA-77/2026", "officer", "Thượng úy Phạm Văn Hải");
                }
                default -> {
                    caseId = plainCase(where, fresh);
                    type = "INITIAL_ASSESSMENT";
                    form = Map.of("dangerLevel", "LOW", "immediateDanger", false, "crimeSuspected", false,
                            "summary", "Không có dấu hiệu nguy hiểm tức thời");
                }
            }
            String taskId = taskOf(caseId, type);
            return new Request(HttpMethod.POST, "/api/tasks/" + taskId + "/" + action,
                    action.equals("complete") ? form : null, claimFirst ? taskId : null);
        };
    }

    // --- fixtures ---

    /** A case waiting at its initial assessment; shared unless the cell may change it. */
    private String plainCase(Where where, boolean fresh) {
        if (fresh) {
            return newCase(where);
        }
        return sharedCases.computeIfAbsent(where, this::newCase);
    }

    /** A case assessed as high danger with a crime suspected: the chair and the police have work on it. */
    private String referredCase(Where where, boolean fresh) {
        if (fresh) {
            return newReferredCase(where);
        }
        return sharedReferredCases.computeIfAbsent(where, this::newReferredCase);
    }

    private String newCase(Where where) {
        Reply reply = post(where.reporter, "/api/reports", report(where.commune));
        assertThat(reply.status()).as("report: %s", reply.body()).isEqualTo(201);
        return reply.body().get("caseId").asText();
    }

    private String newReferredCase(Where where) {
        String caseId = newCase(where);
        complete(where.localWorker, caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "HIGH",
                "immediateDanger", true, "crimeSuspected", true, "summary", "Nghi có dấu hiệu tội phạm"));
        return caseId;
    }
}
