package vn.childprotection.police;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.childprotection.cases.CasePoliceRecords;
import vn.childprotection.cases.Timeline;
import vn.childprotection.common.CaseNews;
import vn.childprotection.process.PoliceCallbacks;

/** The police_referral and police_record tables: referrals, their forwarding and outcomes. */
@Repository
class PoliceRecords implements CasePoliceRecords, PoliceCallbacks {

    /** One referral as stored. */
    record Referral(UUID id, UUID caseId, String policeCommuneCode, Instant referredAt, Instant forwardedAt,
                    int extensions) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;

    PoliceRecords(JdbcClient jdbc, Clock clock, Timeline timeline, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.timeline = timeline;
    }

    @Override
    public void referred(UUID referralId, UUID caseId, String policeCommuneCode, Source source) {
        jdbc.sql("""
                        insert into police_referral (id, case_id, police_commune_code, source, referred_at)
                        values (?, ?, ?, ?, ?)""")
                .params(referralId, caseId, policeCommuneCode, source.name(), Timestamp.from(clock.instant()))
                .update();
        timeline.record(caseId, "POLICE_REFERRAL", source.name(), null);
    }

    @Override
    public void investigationExtended(UUID referralId, Instant newDueAt) {
        jdbc.sql("update police_referral set investigation_due_at = ?, extensions = extensions + 1 where id = ?")
                .params(Timestamp.from(newDueAt), referralId).update();
    }

    void forwarded(UUID caseId, UUID referralId, String taskId, String agency, Instant forwardedAt, String recordNumber,
                   String officer, String username) {
        jdbc.sql("update police_referral set forwarded_at = ?, agency = ?, record_number = ? where id = ?")
                .params(Timestamp.from(forwardedAt), agency, recordNumber, referralId).update();
        jdbc.sql("""
                        insert into police_record (id, case_id, referral_id, task_id, kind, record_number, officer, agency,
                            forwarded_at, recorded_by, recorded_at)
                        values (?, ?, ?, ?, 'ACKNOWLEDGED', ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), caseId, referralId, taskId, recordNumber, officer, agency,
                        Timestamp.from(forwardedAt), username, Timestamp.from(clock.instant()))
                .update();
    }

    void outcome(UUID caseId, UUID referralId, String taskId, Outcome outcome, String detail, String decisionReference,
                 String username) {
        jdbc.sql("""
                        insert into police_record (id, case_id, referral_id, task_id, kind, outcome, detail, decision_reference,
                            recorded_by, recorded_at)
                        values (?, ?, ?, ?, 'OUTCOME', ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), caseId, referralId, taskId, outcome.name(), detail, decisionReference,
                        username, Timestamp.from(clock.instant()))
                .update();
        // the commune's workers hear that the police reported (the case's commune now, after any transfer)
        jdbc.sql("select case_number, commune_code from case_file where id = ?").param(caseId)
                .query((rs, n) -> new CaseNews(CaseNews.What.POLICE_OUTCOME, caseId, rs.getString(1), rs.getString(2), null))
                .optional().ifPresent(events::publishEvent);
    }

    Optional<Referral> referral(UUID referralId) {
        return jdbc.sql("select " + REFERRAL_COLUMNS + " from police_referral where id = ?").param(referralId)
                .query(PoliceRecords::referralRow).optional();
    }

    /** The case's referrals, oldest first. */
    List<Referral> referrals(UUID caseId) {
        return jdbc.sql("select " + REFERRAL_COLUMNS + " from police_referral where case_id = ? order by referred_at, id")
                .param(caseId).query(PoliceRecords::referralRow).list();
    }

    private static final String REFERRAL_COLUMNS =
            "id, case_id, police_commune_code, referred_at, forwarded_at, extensions";

    private static Referral referralRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp forwarded = rs.getTimestamp(5);
        return new Referral(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getTimestamp(4).toInstant(), forwarded == null ? null : forwarded.toInstant(), rs.getInt(6));
    }

    @Override
    public Set<String> referredPoliceCommunes(UUID caseId) {
        return new HashSet<>(jdbc.sql("select distinct police_commune_code from police_referral where case_id = ?")
                .param(caseId).query(String.class).list());
    }

    @Override
    public boolean unacknowledgedReferral(UUID caseId) {
        return jdbc.sql("""
                        select count(*) from police_referral r where r.case_id = ? and r.forwarded_at is null
                        and not exists (select 1 from police_record o where o.referral_id = r.id and o.kind = 'OUTCOME')""")
                .param(caseId).query(Long.class).single() > 0;
    }

    private static PoliceRecord record(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp forwarded = rs.getTimestamp(5);
        return new PoliceRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                forwarded == null ? null : forwarded.toInstant(), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getTimestamp(10).toInstant());
    }

    @Override
    public List<PoliceRecord> forCase(UUID caseId, Set<String> policeCommunes) {
        if (policeCommunes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select r.kind, r.record_number, r.officer, r.agency, r.forwarded_at, r.outcome, r.detail,
                            r.decision_reference, r.recorded_by, r.recorded_at
                        from police_record r join police_referral f on f.id = r.referral_id
                        where r.case_id = :case and f.police_commune_code in (:communes) order by r.recorded_at""")
                .param("case", caseId).param("communes", policeCommunes)
                .query(PoliceRecords::record)
                .list();
    }

    @Override
    public void moveReferrals(UUID fromCaseId, UUID toCaseId) {
        jdbc.sql("update police_referral set case_id = ? where case_id = ?").params(toCaseId, fromCaseId).update();
        jdbc.sql("update police_record set case_id = ? where case_id = ?").params(toCaseId, fromCaseId).update();
    }

    @Override
    public List<PoliceRecord> forCase(UUID caseId) {
        return jdbc.sql("""
                        select kind, record_number, officer, agency, forwarded_at, outcome, detail, decision_reference,
                            recorded_by, recorded_at
                        from police_record where case_id = ? order by recorded_at""")
                .param(caseId)
                .query(PoliceRecords::record)
                .list();
    }

    /**
     * Communes merged: every referral to their police, of open and closed cases alike (an investigation goes on after
     * the commune closes its case), is the police's of the commune they merged into, as are its engine tasks.
     */
    @org.springframework.context.event.EventListener
    void unitsMerged(vn.childprotection.common.UnitsMerged merged) {
        jdbc.sql("""
                        update police_referral set police_commune_code = :into where police_commune_code in (:from)""")
                .param("into", merged.into()).param("from", merged.from()).update();
    }
}
