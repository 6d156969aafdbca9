package vn.childprotection.oversight;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.childprotection.common.Messages;

/**
 * The periodic report of a commune, a province or the country (issue 16): what the unit received and did in a
 * period, counted in the database, one query per figure, never by loading cases. A child is counted once per
 * period, as the case their reports joined, whatever the number of reports; its age is its age at the case's first
 * report, in bands set by {@code child-protection.statistics.age-bands}. Timeliness is the share of each legal
 * step completed in the period that was completed by its deadline, with the median delay of the late ones.
 * Counts only: nothing of a case's content.
 */
@Service
class PeriodicReport {

    enum Level { COMMUNE, PROVINCE, NATIONAL }

    /** The unit a report is about: a commune (with the communes merged into it), a province, or the country. */
    record Unit(Level level, String code, String name, Set<String> communes) {
    }

    /** One line of a table: what is counted (a stable key), its label in the reader's language, the count. */
    record Row(String key, String label, long count) {
    }

    record Table(String key, String title, List<Row> rows) {
    }

    /** A legal step: completed in the period, by its deadline, the share on time, the median delay of late ones. */
    record Timeliness(String step, String label, long done, long onTime, Double shareOnTime, Double medianDelayHours) {
    }

    record Report(Level level, String unit, String unitName, LocalDate from, LocalDate to, long reports, long children,
                  long emergencyDecisions, long separations, long policeReferrals, long plansApproved,
                  long casesClosed, List<Table> tables, List<Timeliness> timeliness) {
    }

    /** The legal steps whose timeliness the report gives, in the order of the process. */
    static final List<String> TIMED_STEPS = List.of("INITIAL_ASSESSMENT", "EMERGENCY_DECISION", "PLAN_DRAFT",
            "POLICE_ACKNOWLEDGE", "POLICE_OUTCOME");

    /** A duplicate merged into the child's other case is closed on the timeline, but it is not a case closed. */
    private static final String NOT_MERGED = "coalesce(c.duplicate_status, '') <> 'MERGED' and ";

    private final JdbcClient jdbc;
    private final Messages messages;
    private final ZoneId zone;
    private final AgeBands ages;

    PeriodicReport(JdbcClient jdbc, Messages messages, Clock clock,
                   @Value("${child-protection.statistics.age-bands:6,12,16,18}") String ageBands) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.zone = clock.getZone();
        this.ages = new AgeBands(ageBands, zone, messages);
    }

    /**
     * The unit's report; {@code communeDetail} adds a province's table by commune (for its supervisors, not for the
     * Ministry, whose readers are not to see a commune's small numbers).
     */
    @Transactional(readOnly = true)
    Report of(Unit unit, LocalDate from, LocalDate to, boolean communeDetail) {
        Query q = new Query(unit, Timestamp.from(from.atStartOfDay(zone).toInstant()),
                Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
        String inPeriod = "r.received_at >= :from and r.received_at < :to";
        String childInPeriod = " and exists (select 1 from report r where r.case_id = c.id and " + inPeriod + ")";
        List<Table> tables = new ArrayList<>();
        tables.add(q.table("reportsByChannel", "enum.Channel.", "select r.channel, count(*) from report r"
                + " join case_file c on c.id = r.case_id where " + inPeriod + " and ", " group by r.channel"));
        tables.add(q.table("childrenBySex", "enum.Sex.", "select c.child_sex, count(*) from case_file c where ",
                childInPeriod + " group by c.child_sex"));
        tables.add(q.table("childrenByAge", "stat.age.", "select " + ages.sql() + ", count(*) from case_file c where ",
                childInPeriod + " group by " + ages.sql()));
        tables.add(q.table("childrenByEthnicity", null, "select coalesce(c.child_ethnicity, ''), count(*)"
                + " from case_file c where ", childInPeriod + " group by coalesce(c.child_ethnicity, '')"));
        String reportsOfChildren = " from case_file c join report r on r.case_id = c.id";
        tables.add(q.table("childrenByHarmType", "enum.HarmType.", "select h.harm_type, count(distinct c.id)"
                + reportsOfChildren + " join report_harm_type h on h.report = r.id where " + inPeriod + " and ",
                " group by h.harm_type"));
        tables.add(q.table("childrenBySetting", "enum.Setting.", "select r.setting, count(distinct c.id)"
                + reportsOfChildren + " where " + inPeriod + " and ", " group by r.setting"));
        tables.add(q.table("childrenByAbuser", "enum.AbuserRelationship.",
                "select coalesce(r.abuser_relationship, 'UNKNOWN'), count(distinct c.id)" + reportsOfChildren
                        + " where " + inPeriod + " and ", " group by coalesce(r.abuser_relationship, 'UNKNOWN')"));
        tables.add(q.table("policeOutcomes", "enum.Outcome.", "select o.outcome, count(*) from police_record o"
                + " join case_file c on c.id = o.case_id where o.kind = 'OUTCOME' and o.recorded_at >= :from"
                + " and o.recorded_at < :to and ", " group by o.outcome"));
        tables.add(q.table("servicesDelivered", "enum.ServiceKind.", "select i.service, count(*) from plan_item i"
                + " join case_file c on c.id = i.case_id where i.status = 'DELIVERED' and i.updated_at >= :from"
                + " and i.updated_at < :to and ", " group by i.service"));
        // the result of the cases closed: the remaining harm the last review (Mẫu 06) found before the chair closed
        tables.add(q.table("casesClosedByResult", "stat.result.", "select case"
                + " when f.content like '%\"remainingHarm\":\"LOW\"%' then 'LOW'"
                + " when f.content like '%\"remainingHarm\":\"MEDIUM\"%' then 'MEDIUM'"
                + " when f.content like '%\"remainingHarm\":\"HIGH\"%' then 'HIGH' else 'UNKNOWN' end, count(distinct c.id)"
                + " from case_event e join case_file c on c.id = e.case_id"
                + " left join case_form f on f.case_id = c.id and f.form_type = 'PLAN_REVIEW' and f.submitted_at ="
                + " (select max(g.submitted_at) from case_form g where g.case_id = c.id and g.form_type = 'PLAN_REVIEW')"
                + " where e.type = 'CASE_CLOSED' and e.occurred_at >= :from and e.occurred_at < :to and " + NOT_MERGED,
                " group by case when f.content like '%\"remainingHarm\":\"LOW\"%' then 'LOW'"
                + " when f.content like '%\"remainingHarm\":\"MEDIUM\"%' then 'MEDIUM'"
                + " when f.content like '%\"remainingHarm\":\"HIGH\"%' then 'HIGH' else 'UNKNOWN' end"));
        // a province's report consolidates its communes, the country's its provinces
        if (unit.level() == Level.PROVINCE && communeDetail) {
            tables.add(q.table("childrenByCommune", null, "select m.code, m.name, count(*) from case_file c"
                    + " join commune m on m.code = c.commune_code where ", childInPeriod + " group by m.code, m.name"));
        } else if (unit.level() == Level.NATIONAL) {
            tables.add(q.table("childrenByProvince", null, "select v.code, v.name, count(*) from case_file c"
                    + " join province v on v.code = c.province_code where ", childInPeriod + " group by v.code, v.name"));
        }
        long reports = tables.get(0).rows().stream().mapToLong(Row::count).sum();
        long children = q.count("select count(*) from case_file c where ", childInPeriod);
        String forms = "select count(*) from case_form f join case_file c on c.id = f.case_id where f.submitted_at >= :from"
                + " and f.submitted_at < :to and f.form_type = ";
        long emergency = q.count(forms + "'EMERGENCY_DECISION' and ", "");
        // the forms are stored as Jackson writes them: no space after the colon
        long separations = q.count(forms + "'EMERGENCY_DECISION' and f.content like '%\"separation\":true%' and ", "");
        long plans = q.count(forms + "'PLAN_APPROVAL' and f.content like '%\"approved\":true%' and ", "");
        long referrals = q.count("select count(*) from police_referral p join case_file c on c.id = p.case_id"
                + " where p.referred_at >= :from and p.referred_at < :to and ", "");
        long closed = q.count("select count(distinct e.case_id) from case_event e join case_file c on c.id = e.case_id"
                + " where e.type = 'CASE_CLOSED' and e.occurred_at >= :from and e.occurred_at < :to and " + NOT_MERGED, "");
        return new Report(unit.level(), unit.code(), unit.name(), from, to, reports, children, emergency, separations,
                referrals, plans, closed, tables, q.timeliness());
    }

    /** One report's queries: the unit's condition on {@code case_file c} and the period's bounds. */
    private final class Query {

        private final Unit unit;
        private final Timestamp from;
        private final Timestamp to;

        Query(Unit unit, Timestamp from, Timestamp to) {
            this.unit = unit;
            this.from = from;
            this.to = to;
        }

        private String scope() {
            return switch (unit.level()) {
                case COMMUNE -> "c.commune_code in (:communes)";
                case PROVINCE -> "c.province_code = :province";
                case NATIONAL -> "1 = 1";
            };
        }

        private JdbcClient.StatementSpec sql(String head, String tail) {
            JdbcClient.StatementSpec spec = jdbc.sql(head + scope() + tail).param("from", from).param("to", to);
            return switch (unit.level()) {
                case COMMUNE -> spec.param("communes", unit.communes());
                case PROVINCE -> spec.param("province", unit.code());
                case NATIONAL -> spec;
            };
        }

        long count(String head, String tail) {
            return sql(head, tail).query(Long.class).single();
        }

        Table table(String key, String labels, String head, String tail) {
            List<Row> rows = new ArrayList<>(sql(head, tail).query((rs, n) -> {
                if (rs.getMetaData().getColumnCount() == 3) {
                    return new Row(rs.getString(1), rs.getString(2), rs.getLong(3));
                }
                String k = rs.getString(1);
                String label = key.equals("childrenByAge") ? ages.label(k)
                        : labels == null ? (k.isBlank() ? messages.text("stat.unknown") : k)
                        : messages.find(labels + k).orElse(k);
                return new Row(k, label, rs.getLong(2));
            }).list());
            rows.sort(key.equals("childrenByAge") ? java.util.Comparator.comparing(r -> r.key().length() > 2 ? 99
                    : Integer.parseInt(r.key())) : java.util.Comparator.comparing(Row::count).reversed()
                    .thenComparing(Row::label));
            return new Table(key, messages.text("stat.table." + key), rows);
        }

        List<Timeliness> timeliness() {
            Map<String, Timeliness> found = new java.util.HashMap<>();
            sql("""
                    select e.type, count(*), sum(case when e.done_at <= e.due_at then 1 else 0 end),
                      percentile_cont(0.5) within group (order by case when e.done_at > e.due_at
                        then extract(epoch from (e.done_at - e.due_at)) end)
                    from case_event e join case_file c on c.id = e.case_id
                    where e.type in (:steps) and e.outcome = 'DONE' and e.due_at is not null
                      and e.done_at >= :from and e.done_at < :to and\s""", " group by e.type")
                    .param("steps", TIMED_STEPS)
                    .query((rs, n) -> {
                        long done = rs.getLong(2);
                        long onTime = rs.getLong(3);
                        double median = rs.getDouble(4);
                        Double late = rs.wasNull() ? null : Math.round(median / 36.0) / 100.0;
                        return new Timeliness(rs.getString(1), messages.text("stat.step." + rs.getString(1)), done,
                                onTime, done == 0 ? null : Math.round(onTime * 1000.0 / done) / 1000.0, late);
                    })
                    .list().forEach(t -> found.put(t.step(), t));
            return TIMED_STEPS.stream().map(s -> found.getOrDefault(s,
                    new Timeliness(s, messages.text("stat.step." + s), 0, 0, null, null))).toList();
        }
    }
}
