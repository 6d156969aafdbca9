package vn.childprotection.intake;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.childprotection.cases.CaseReports;
import vn.childprotection.cases.ReportSummary;
import vn.childprotection.directory.Directory;
import vn.childprotection.process.ReportRouting;

/** Lends the case file its reports. */
@Component
class ReportsOfCase implements CaseReports {

    private final Reports reports;
    private final JdbcClient jdbc;
    private final Directory directory;

    ReportsOfCase(Reports reports, JdbcClient jdbc, Directory directory) {
        this.reports = reports;
        this.jdbc = jdbc;
        this.directory = directory;
    }

    @Override
    public List<ReportSummary> forCase(UUID caseId) {
        return reports.findByCaseId(caseId).stream().map(ReportsOfCase::summary).toList();
    }

    @Override
    public ReportFacts facts(UUID caseId) {
        List<Report> all = reports.findByCaseId(caseId);
        return new ReportFacts(
                all.stream().flatMap(r -> r.harmTypes().stream()).map(h -> h.harmType().name())
                        .collect(Collectors.toUnmodifiableSet()),
                all.stream().anyMatch(Report::allegedAbuserIsCaregiver));
    }

    @Override
    public boolean recordedBy(UUID caseId, String username) {
        return reports.existsByCaseIdAndRecordedBy(caseId, username);
    }

    @Override
    public void moveReports(UUID fromCaseId, UUID toCaseId) {
        jdbc.sql("update report set case_id = ? where case_id = ?").params(toCaseId, fromCaseId).update();
    }

    @Override
    public ReportRouting latestRouting(UUID caseId) {
        Report r = reports.findByCaseId(caseId).stream().max(Comparator.comparing(Report::receivedAt)).orElseThrow();
        return IntakeService.routing(r.receivedAt(), r.immediateDanger(), r.crimeSuspected(),
                r.harmTypes().stream().map(Report.ReportHarm::harmType).toList(), r.channel(),
                directory.commune(r.communeCode()).orElseThrow());
    }

    private static ReportSummary summary(Report r) {
        Report.Abuser a = r.abuser();
        Report.Reporter p = r.reporter();
        return new ReportSummary(r.id(), r.channel().name(), r.receivedAt(), r.recordedAt(), r.recordedBy(),
                r.harmTypes().stream().map(h -> h.harmType().name()).sorted(Comparator.naturalOrder()).toList(),
                r.setting().name(), r.description(), r.immediateDanger(), r.allegedAbuserIsCaregiver(),
                a == null ? null : new ReportSummary.AllegedAbuser(
                        a.relationship() == null ? null : a.relationship().name(), a.fullName(), a.ageYears()),
                p == null ? null : new ReportSummary.Reporter(p.anonymous(), p.fullName(), p.phone(), p.relationship()));
    }
}
