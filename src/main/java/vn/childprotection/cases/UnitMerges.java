package vn.childprotection.cases;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.childprotection.audit.AuditTrail;
import vn.childprotection.common.FieldMessage;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.common.UnitsMerged;
import vn.childprotection.directory.Commune;
import vn.childprotection.directory.Directory;
import vn.childprotection.directory.Units;
import vn.childprotection.process.CaseWorkflow;

/**
 * Communes merged into one (the reorganisation of administrative units), in one transaction: every open case of
 * theirs moves to the new commune (its timeline says so), every open task and police referral follows with whoever
 * holds it, the people holding commune roles there hold them in the new commune, their services serve it, and the
 * old communes are retired with the new one as their successor. Closed cases keep the commune they were handled
 * in and show what it is now. Audited, with what moved.
 */
@Service
class UnitMerges {

    /** {@code POST /api/admin/units/merge}: the old codes, the new one, and the new one's name when it is new. */
    record Merge(List<String> from, String into, String intoName, String intoProvince, String intoType) {
    }

    /** What moved. */
    record Report(String into, List<String> retired, int openCases, int openTasks, int people) {
    }

    private final CaseFiles caseFiles;
    private final Timeline timeline;
    private final Directory directory;
    private final Units units;
    private final CaseWorkflow workflow;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Messages messages;
    private final JdbcClient jdbc;

    UnitMerges(CaseFiles caseFiles, Timeline timeline, Directory directory, Units units, CaseWorkflow workflow,
               AuditTrail audit, ApplicationEventPublisher events, Messages messages, JdbcClient jdbc) {
        this.caseFiles = caseFiles;
        this.timeline = timeline;
        this.directory = directory;
        this.units = units;
        this.workflow = workflow;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    @Transactional
    public Report merge(Merge merge, String username) {
        List<String> from = merge.from() == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(merge.from().stream().filter(c -> c != null && !c.isBlank())
                        .map(String::strip).toList()));
        String into = merge.into() == null ? "" : merge.into().strip();
        String intoName = merge.intoName() == null ? null
                : java.text.Normalizer.normalize(merge.intoName().strip(), java.text.Normalizer.Form.NFC);
        List<String> all = new ArrayList<>(from);
        all.add(into);
        units.lock(all);
        List<FieldMessage> errors = new ArrayList<>();
        if (from.isEmpty()) {
            errors.add(new FieldMessage("from", messages.text("merge.fromNeeded")));
        }
        if (from.contains(into)) {
            errors.add(new FieldMessage("into", messages.text("merge.intoAmongFrom")));
        }
        String province = null;
        for (String code : from) {
            Commune commune = directory.communeInForce(code).orElse(null);
            if (commune == null) {
                errors.add(new FieldMessage("from", messages.text("merge.unknown", code)));
            } else if (province == null) {
                province = commune.provinceCode();
            } else if (!province.equals(commune.provinceCode())) {
                errors.add(new FieldMessage("from", messages.text("merge.oneProvince")));
            }
        }
        Commune target = into.isEmpty() ? null : directory.commune(into).orElse(null);
        boolean create = target == null;
        if (into.isEmpty() || !into.matches("[0-9]{1,16}")) {
            errors.add(new FieldMessage("into", messages.text("merge.intoNeeded")));
        } else if (target != null && directory.communeInForce(into).isEmpty()) {
            errors.add(new FieldMessage("into", messages.text("merge.intoRetired", into)));
        } else if (target != null && province != null && !target.provinceCode().equals(province)) {
            errors.add(new FieldMessage("into", messages.text("merge.oneProvince")));
        } else if (create && !Units.name(intoName)) {
            errors.add(new FieldMessage("intoName", messages.text("merge.nameNeeded", into)));
        } else if (create && merge.intoProvince() != null && !merge.intoProvince().isBlank() && province != null
                && !merge.intoProvince().strip().equals(province)) {
            errors.add(new FieldMessage("intoProvince", messages.text("merge.oneProvince")));
        }
        if (create && merge.intoType() != null && !merge.intoType().isBlank() && type(merge.intoType()) == null) {
            errors.add(new FieldMessage("intoType", messages.text("merge.badType", merge.intoType().strip())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (create) {
            units.createCommune(into, intoName, province, type(merge.intoType()));
        }
        List<UUID> open = jdbc.sql("select id from case_file where commune_code in (:from) and status = 'OPEN'")
                .param("from", from).query(UUID.class).list();
        for (UUID id : open) {
            CaseFile file = caseFiles.findLockedById(id).orElseThrow();
            String was = file.communeCode();
            file.transfer(into, province);
            caseFiles.save(file);
            timeline.record(id, "UNIT_MERGED", was + " → " + into, username);
        }
        int tasks = workflow.mergeCommunes(from, into);
        events.publishEvent(new UnitsMerged(List.copyOf(from), into, province));
        int people = units.moveStaffAndServices(from, into);
        units.retire(from, into);
        audit.record("UNITS_MERGED", null, String.join(", ", from) + " -> " + into + ": " + open.size() + " open case(s), "
                + tasks + " open task(s), " + people + " person(s)");
        return new Report(into, from, open.size(), tasks, people);
    }

    private static String type(String written) {
        if (written == null) {
            return null;
        }
        String plain = java.text.Normalizer.normalize(written.strip().toLowerCase(java.util.Locale.ROOT),
                java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd');
        return switch (plain) {
            case "xa" -> "XA";
            case "phuong" -> "PHUONG";
            case "dac khu", "dac_khu" -> "DAC_KHU";
            default -> null;
        };
    }
}
