package vn.childprotection.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonIgnore;

import vn.childprotection.audit.AuditTrail;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.process.TaskType;
import vn.childprotection.security.StaffPrincipal;

/**
 * The case register: every case the user may see (the jurisdiction gate as an SQL condition), filtered,
 * sorted and paged, found by a child's name without diacritics or case, a case number or a national ID.
 * Every search is audited with what was asked.
 */
@Service
class CaseRegister {

    /** What the register is asked; every field optional. Dates are days in the business time zone. */
    record Query(String q, CaseStatus status, TaskType step, String harmType, InitialAssessment.DangerLevel dangerLevel,
                 Boolean overdue, String communeCode, LocalDate from, LocalDate to, String sort, String worker) {
    }

    /** One row of GET /api/cases (API.md); {@code currentStep} is the open step due first, if any. */
    record Row(UUID caseId, String caseNumber, String childName, String communeCode, CaseStatus status,
               TaskType currentStep, Instant receivedAt, boolean overdue, @JsonIgnore boolean seenWhole) {
    }

    /** The columns a register may be sorted by, as the API names them. */
    private static final Map<String, String> SORTS = Map.of(
            "receivedAt", "c.received_at", "caseNumber", "c.case_number", "childName", "c.child_name_key",
            "status", "c.status", "communeCode", "c.commune_code");
    /** Days a register is asked about: no report the system takes is older, none is later. */
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final Jurisdiction jurisdiction;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final Messages messages;
    private final OpenSteps openSteps;
    private final SearchBox searchBox;

    CaseRegister(Jurisdiction jurisdiction, JdbcClient jdbc, Clock clock, AuditTrail audit, Messages messages,
                 OpenSteps openSteps, SearchBox searchBox) {
        this.searchBox = searchBox;
        this.openSteps = openSteps;
        this.jurisdiction = jurisdiction;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.messages = messages;
    }

    @Transactional
    public List<Row> search(Query query, StaffPrincipal user, int page, int size) {
        return search(query, user, page, size, 0);
    }

    /**
     * A page of the register and {@code lookAhead} rows of the next, so that a page can tell whether another
     * follows; the page's offset counts {@code size} rows a page.
     */
    @Transactional
    public List<Row> search(Query query, StaffPrincipal user, int page, int size, int lookAhead) {
        Instant now = clock.instant();
        Statement statement = statement(query, user, page, size, lookAhead, now);
        // whether the user sees the case whole: the police and intake officers see no step, no lateness
        List<Found> found = jdbc.sql(statement.sql())
                .params(statement.params())
                .query((rs, n) -> new Found(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), CaseStatus.valueOf(rs.getString(5)), null, rs.getTimestamp(6).toInstant(), false,
                        rs.getInt(7) == 1), rs.getInt(7) == 1))
                .list();
        List<Row> rows = openSteps.of(found, now);
        // last: the audit chain's lock is held only from here to the commit. A search by name shows children's
        // names: each case it found keeps the search in its own access log
        if (query.q() != null && !query.q().isBlank()) {
            rows.forEach(r -> audit.record("CASE_FOUND", r.caseId(), "q=" + query.q().strip()));
        }
        audit.record("CASE_SEARCH", null, describe(query, page));
        return rows;
    }

    /** The register's query as it is sent, with its named parameters. */
    record Statement(String sql, Map<String, Object> params) {
    }

    /** The query a page of the register runs, so that it can also be explained as it is sent. */
    Statement statement(Query query, StaffPrincipal user, int page, int size, int lookAhead, Instant now) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        Jurisdiction.ListGate gate = jurisdiction.visibleCases(user, params);
        List<String> found = searchBox.ways(query.q(), params);
        if (found.isEmpty()) {
            where.add(gate.any());
        } else {
            // every kind of sight paired with every way of finding ("this province and this name", ...): on
            // PostgreSQL each pair is one scan of an index that holds both, where the gate and the search apart
            // would each read all the country's cases of a common name
            List<String> pairs = new ArrayList<>();
            gate.anyArms().forEach(arm -> found.forEach(f -> pairs.add("(" + arm + " and " + f + ")")));
            where.add(pairs.isEmpty() ? "1 = 0" : "(" + String.join(" or ", pairs) + ")");
        }
        filters(query, now, gate.full(), where, params);
        String order = order(query.sort());
        params.put("limit", size + lookAhead);
        params.put("offset", (long) page * size);
        return new Statement("select c.id, c.case_number, c.child_full_name, c.commune_code, c.status, c.received_at,"
                + " case when " + gate.full() + " then 1 else 0 end"
                + " from case_file c where " + String.join(" and ", where)
                + " order by " + order + ", c.case_number limit :limit offset :offset", params);
    }

    /** A case found, and whether the user sees it whole. */
    record Found(Row row, boolean whole) {
    }

    /**
     * The query as SQL conditions. What only the whole file tells (the open step, lateness, the assessment, the
     * harm of reports others took) narrows only among the cases seen whole ({@code full}): for the police and
     * intake officers these filters find nothing, rather than answer yes or no about what they may not read.
     */
    private void filters(Query query, Instant now, String full, List<String> where, Map<String, Object> params) {
        if (query.status() != null) {
            params.put("status", query.status().name());
            where.add("c.status = :status");
        }
        if (query.communeCode() != null && !query.communeCode().isBlank()) {
            params.put("communeCode", query.communeCode().strip());
            where.add("c.commune_code = :communeCode");
        }
        if (query.step() != null) {
            params.put("step", query.step().name());
            where.add(full + " and exists (select 1 from task_inbox ts where ts.case_id = c.id and ts.task_type = :step)");
        }
        if (query.worker() != null && !query.worker().isBlank()) {
            // the cases whose open work this person holds
            params.put("worker", query.worker().strip());
            where.add(full + " and exists (select 1 from task_inbox tw where tw.case_id = c.id and tw.assignee = :worker)");
        }
        if (query.harmType() != null && !query.harmType().isBlank()) {
            params.put("harmType", query.harmType().strip());
            where.add(full + " and exists (select 1 from report rh join report_harm_type h on h.report = rh.id"
                    + " where rh.case_id = c.id and h.harm_type = :harmType)");
        }
        if (query.dangerLevel() != null) {
            params.put("dangerLevel", query.dangerLevel().name());
            // the latest assessment's level
            where.add(full + " and exists (select 1 from initial_assessment a where a.case_id = c.id and a.danger_level = :dangerLevel"
                    + " and a.assessed_at = (select max(a2.assessed_at) from initial_assessment a2 where a2.case_id = c.id))");
        }
        if (query.overdue() != null) {
            params.put("now", Timestamp.from(now));
            where.add(full + " and " + (query.overdue() ? "" : "not ")
                    + "exists (select 1 from task_inbox tl where tl.case_id = c.id and tl.due_at < :now)");
        }
        for (LocalDate day : new LocalDate[] {query.from(), query.to()}) {
            if (day != null && (day.isBefore(EARLIEST) || day.isAfter(LATEST))) {
                throw new InvalidInputException(day == query.from() ? "from" : "to", messages.text("validation.dateRange"));
            }
        }
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            throw new InvalidInputException("to", messages.text("validation.toBeforeFrom"));
        }
        if (query.from() != null) {
            params.put("from", Timestamp.from(query.from().atStartOfDay(clock.getZone()).toInstant()));
            where.add("c.received_at >= :from");
        }
        if (query.to() != null) {
            params.put("to", Timestamp.from(query.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
            where.add("c.received_at < :to");
        }
    }

    /** {@code receivedAt,desc} (the default), {@code caseNumber}, {@code childName,asc}, ... */
    private String order(String sort) {
        if (sort == null || sort.isBlank()) {
            return "c.received_at desc";
        }
        String[] parts = sort.split(",", -1);
        String column = SORTS.get(parts[0].strip());
        String direction = parts.length > 1 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
        if (column == null || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
            throw new InvalidInputException("sort", messages.text("validation.sort"));
        }
        return column + " " + direction;
    }

    /** What was searched, every field of the query as asked, for the audit trail (its detail holds 500 characters). */
    private static String describe(Query query, int page) {
        StringBuilder detail = new StringBuilder();
        for (var field : Query.class.getRecordComponents()) {
            try {
                append(detail, field.getName(), field.getAccessor().invoke(query));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        append(detail, "page", page == 0 ? null : page);
        String text = detail.toString();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private static void append(StringBuilder detail, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            detail.append(detail.length() == 0 ? "" : "&").append(name).append('=').append(value.toString().strip());
        }
    }
}
