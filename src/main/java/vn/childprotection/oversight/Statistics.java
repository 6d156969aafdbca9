package vn.childprotection.oversight;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

import vn.childprotection.common.FieldMessage;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.common.NotFoundException;
import vn.childprotection.directory.Commune;
import vn.childprotection.directory.Directory;
import vn.childprotection.directory.Role;
import vn.childprotection.directory.RoleGrant;
import vn.childprotection.security.StaffPrincipal;

/**
 * Whose periodic report a person may read, and for which period: a commune's workers and chair their commune's, a
 * supervisor their province's and each of its communes', an administrator of the Ministry the country's and each
 * province's (counts only; not a commune's, whose small numbers could name a child). Any other unit is "not found".
 * Without a unit, one's own; without dates, the half-year under way (the 6-monthly report); a period is at most
 * five years.
 */
@Service
class Statistics {

    /** The code the country's report goes by. */
    static final String NATIONAL = "VN";

    private final vn.childprotection.audit.AuditTrail audit;
    private final PeriodicReport reports;
    private final Directory directory;
    private final Messages messages;
    private final Clock clock;

    Statistics(PeriodicReport reports, Directory directory, Messages messages, Clock clock,
               vn.childprotection.audit.AuditTrail audit) {
        this.audit = audit;
        this.reports = reports;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
    }

    PeriodicReport.Report report(StaffPrincipal user, String unit, LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from != null ? from : today.withDayOfMonth(1).withMonth(today.getMonthValue() <= 6 ? 1 : 7);
        LocalDate end = to != null ? to : start.plusMonths(6).minusDays(1);
        List<FieldMessage> errors = new ArrayList<>();
        if (start.getYear() < 2000 || end.getYear() > today.getYear() + 1) {
            errors.add(new FieldMessage(start.getYear() < 2000 ? "from" : "to", messages.text("stat.outOfRange")));
        } else if (end.isBefore(start)) {
            errors.add(new FieldMessage("to", messages.text("stat.toBeforeFrom")));
        } else if (start.plusYears(5).isBefore(end)) {
            errors.add(new FieldMessage("to", messages.text("stat.tooLong")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // the Ministry reads a province's figures, not its communes' one by one
        return reports.of(unit(user, unit), start, end, !user.hasRole(Role.ADMIN));
    }

    /** Records who read which unit's report, for which period and in which form ({@code STATISTICS_READ}). */
    @org.springframework.transaction.annotation.Transactional
    public void audited(PeriodicReport.Report report, String format) {
        audit.record("STATISTICS_READ", null, report.unit() + " " + report.from() + ".." + report.to() + " " + format);
    }

    /** The units this person may read, their own first: the choices of the page. */
    List<PeriodicReport.Unit> units(StaffPrincipal user) {
        List<PeriodicReport.Unit> units = new ArrayList<>();
        if (user.hasRole(Role.ADMIN)) {
            units.add(national());
            directory.provinceCodes().forEach(p -> units.add(province(p)));
        }
        for (RoleGrant grant : user.user().grants()) {
            if (grant.role() == Role.SUPERVISOR) {
                units.add(province(grant.provinceCode()));
                directory.communes().stream().filter(c -> c.provinceCode().equals(grant.provinceCode()))
                        .forEach(c -> units.add(commune(c)));
            } else if ((grant.role() == Role.WORKER || grant.role() == Role.CHAIR) && grant.communeCode() != null) {
                directory.commune(grant.communeCode()).ifPresent(c -> units.add(commune(c)));
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(units));
    }

    private PeriodicReport.Unit unit(StaffPrincipal user, String code) {
        List<PeriodicReport.Unit> mine = units(user);
        if (code == null || code.isBlank()) {
            return unit(user, mine.stream().findFirst().map(PeriodicReport.Unit::code)
                    .orElseThrow(() -> new NotFoundException("no unit for " + user.getUsername())));
        }
        String wanted = code.strip();
        PeriodicReport.Unit unit = mine.stream().filter(u -> u.code().equals(wanted)).findFirst()
                .orElseThrow(() -> new NotFoundException("unit " + wanted));
        // a commune's report counts the cases of the communes merged into it too
        return unit.level() != PeriodicReport.Level.COMMUNE ? unit : new PeriodicReport.Unit(unit.level(), unit.code(),
                unit.name(), directory.withPredecessors(Set.of(unit.code())));
    }

    private PeriodicReport.Unit national() {
        return new PeriodicReport.Unit(PeriodicReport.Level.NATIONAL, NATIONAL, messages.text("stat.national"), Set.of());
    }

    private PeriodicReport.Unit province(String code) {
        return new PeriodicReport.Unit(PeriodicReport.Level.PROVINCE, code, directory.provinceName(code).orElse(code),
                Set.of());
    }

    private PeriodicReport.Unit commune(Commune c) {
        return new PeriodicReport.Unit(PeriodicReport.Level.COMMUNE, c.code(), c.name() + ", " + c.provinceName(),
                Set.of(c.code()));
    }
}
