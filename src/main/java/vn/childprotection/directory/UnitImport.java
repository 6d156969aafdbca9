package vn.childprotection.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.childprotection.audit.AuditTrail;
import vn.childprotection.common.Messages;

/**
 * The administrative units from the official list ({@link UnitCsv}): what the file would add, rename or retire,
 * then, when asked and only if no line is wrong, all of it in one transaction, audited. Only the provinces the file
 * names are compared: a commune of such a province missing from the file is retired, unless it still has open cases
 * or staff (merge it into its successor first); provinces the file does not name are left as they are.
 */
@Service
class UnitImport {

    /** A unit the file adds, renames or retires ({@code before}: its name until now). */
    record Change(String code, String name, String provinceCode, String type, String before) {
    }

    /** A line's fault in words; line 0 is the file as a whole. */
    record LineFault(int line, String message) {
    }

    record Plan(int units, List<Change> provincesAdded, List<Change> provincesRenamed, List<Change> communesAdded,
                List<Change> communesRenamed, List<Change> communesRetired, List<LineFault> faults, int faultCount,
                boolean applied) {

        boolean changesNothing() {
            return provincesAdded.isEmpty() && provincesRenamed.isEmpty() && communesAdded.isEmpty()
                    && communesRenamed.isEmpty() && communesRetired.isEmpty();
        }
    }

    private record Known(String code, String name, String provinceCode, String type, boolean retired, String successor) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Messages messages;
    private final Clock clock;

    UnitImport(JdbcClient jdbc, AuditTrail audit, TransactionTemplate tx, Messages messages, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
        this.messages = messages;
        this.clock = clock;
    }

    /** What the file would change; nothing is changed. */
    Plan preview(byte[] content) {
        return tx.execute(s -> plan(content, false));
    }

    private static final int MAX_FAULTS = 200;

    /** The file's changes, all or none: with any fault, nothing is applied and the plan lists the faults. */
    Plan apply(byte[] content) {
        return tx.execute(s -> {
            Plan plan = plan(content, true);
            if (!plan.faults().isEmpty() || plan.changesNothing()) {
                return plan;
            }
            Timestamp now = Timestamp.from(clock.instant());
            plan.provincesAdded().forEach(p -> jdbc.sql("insert into province (code, name) values (?, ?)")
                    .params(p.code(), p.name()).update());
            plan.provincesRenamed().forEach(p -> jdbc.sql("update province set name = ? where code = ?")
                    .params(p.name(), p.code()).update());
            plan.communesAdded().forEach(c -> jdbc.sql(
                            "insert into commune (code, name, province_code, unit_type) values (?, ?, ?, ?)")
                    .params(c.code(), c.name(), c.provinceCode(), c.type()).update());
            plan.communesRenamed().forEach(c -> jdbc.sql("update commune set name = ?, unit_type = ? where code = ?")
                    .params(c.name(), c.type(), c.code()).update());
            plan.communesRetired().forEach(c -> jdbc.sql("update commune set retired_at = ? where code = ?")
                    .params(now, c.code()).update());
            audit.record("UNITS_IMPORTED", null, String.format("%d units: provinces +%d ~%d, communes +%d ~%d -%d",
                    plan.units(), plan.provincesAdded().size(), plan.provincesRenamed().size(), plan.communesAdded().size(),
                    plan.communesRenamed().size(), plan.communesRetired().size()));
            return new Plan(plan.units(), plan.provincesAdded(), plan.provincesRenamed(), plan.communesAdded(),
                    plan.communesRenamed(), plan.communesRetired(), List.of(), 0, true);
        });
    }

    private Plan plan(byte[] content, boolean locking) {
        List<UnitCsv.Fault> faults = new ArrayList<>();
        List<UnitCsv.Unit> units = UnitCsv.read(content, faults);
        Map<String, String> provinces = new HashMap<>();
        jdbc.sql("select code, name from province" + (locking ? " for update" : ""))
                .query(rs -> { provinces.put(rs.getString(1), rs.getString(2)); });
        Map<String, Known> communes = new HashMap<>();
        jdbc.sql("select code, name, province_code, unit_type, retired_at, successor_code from commune"
                        + (locking ? " for update" : ""))
                .query(rs -> { communes.put(rs.getString(1), new Known(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5) != null, rs.getString(6))); });

        Map<String, UnitCsv.Unit> provinceFirst = new LinkedHashMap<>();
        Map<String, UnitCsv.Unit> communeFirst = new LinkedHashMap<>();
        List<Change> provincesAdded = new ArrayList<>();
        List<Change> provincesRenamed = new ArrayList<>();
        List<Change> communesAdded = new ArrayList<>();
        List<Change> communesRenamed = new ArrayList<>();
        for (UnitCsv.Unit u : units) {
            UnitCsv.Unit sameProvince = provinceFirst.putIfAbsent(u.provinceCode(), u);
            if (sameProvince != null && !sameProvince.provinceName().equals(u.provinceName())) {
                faults.add(new UnitCsv.Fault(u.line(), "units.provinceNamedTwice", u.provinceCode(), sameProvince.line()));
            } else if (sameProvince == null) {
                String known = provinces.get(u.provinceCode());
                if (known == null) {
                    provincesAdded.add(new Change(u.provinceCode(), u.provinceName(), null, null, null));
                } else if (!known.equals(u.provinceName())) {
                    provincesRenamed.add(new Change(u.provinceCode(), u.provinceName(), null, null, known));
                }
            }
            UnitCsv.Unit sameCommune = communeFirst.putIfAbsent(u.communeCode(), u);
            if (sameCommune != null) {
                faults.add(new UnitCsv.Fault(u.line(), "units.duplicate", u.communeCode(), sameCommune.line()));
                continue;
            }
            Known known = communes.get(u.communeCode());
            if (known == null) {
                communesAdded.add(new Change(u.communeCode(), u.communeName(), u.provinceCode(), u.type(), null));
            } else if (!known.provinceCode().equals(u.provinceCode())) {
                faults.add(new UnitCsv.Fault(u.line(), "units.otherProvince", u.communeCode(), known.provinceCode()));
            } else if (known.retired()) {
                faults.add(new UnitCsv.Fault(u.line(), "units.retired", u.communeCode(),
                        known.successor() == null ? "—" : known.successor()));
            } else if (!known.name().equals(u.communeName()) || !u.type().equals(known.type())) {
                communesRenamed.add(new Change(u.communeCode(), u.communeName(), u.provinceCode(), u.type(), known.name()));
            }
        }
        List<Change> communesRetired = new ArrayList<>();
        Set<String> named = provinceFirst.keySet();
        for (Known k : new TreeSet<>(communes.keySet()).stream().map(communes::get).toList()) {
            if (!k.retired() && named.contains(k.provinceCode()) && !communeFirst.containsKey(k.code())) {
                long open = jdbc.sql("select count(*) from case_file where commune_code = ? and status <> 'CLOSED'")
                        .param(k.code()).query(Long.class).single();
                long staff = jdbc.sql("""
                                select count(*) from staff_role r join staff_user u on u.username = r.username
                                where r.commune_code = ? and u.enabled""")
                        .param(k.code()).query(Long.class).single();
                if (open > 0 || staff > 0) {
                    faults.add(new UnitCsv.Fault(0, "units.stillInUse", k.code(), k.name(), open, staff));
                } else {
                    communesRetired.add(new Change(k.code(), k.name(), k.provinceCode(), k.type(), null));
                }
            }
        }
        // a file of the wrong kind is wrong on every line: the first faults say why, a count says how many more
        List<LineFault> inWords = new ArrayList<>(faults.stream().sorted(java.util.Comparator.comparingInt(UnitCsv.Fault::line))
                .limit(MAX_FAULTS).map(f -> new LineFault(f.line(), messages.text(f.key(), f.args()))).toList());
        if (faults.size() > MAX_FAULTS) {
            inWords.add(new LineFault(0, messages.text("units.moreFaults", faults.size() - MAX_FAULTS)));
        }
        return new Plan(units.size(), provincesAdded, provincesRenamed, communesAdded, communesRenamed, communesRetired,
                inWords, faults.size(), false);
    }
}
