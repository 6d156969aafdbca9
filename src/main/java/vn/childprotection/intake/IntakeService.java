package vn.childprotection.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Service;

import vn.childprotection.audit.AuditTrail;
import vn.childprotection.cases.CaseFile;
import vn.childprotection.cases.CaseFileService;
import vn.childprotection.cases.CaseLinks;
import vn.childprotection.cases.CaseStatus;
import vn.childprotection.cases.Child;
import vn.childprotection.cases.Timeline;
import vn.childprotection.common.FieldMessage;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.directory.Commune;
import vn.childprotection.directory.Directory;
import vn.childprotection.process.CaseStart;
import vn.childprotection.process.CaseWorkflow;
import vn.childprotection.process.ReportRouting;
import vn.childprotection.process.WorkflowConflictException;

/** Records a report, opens its case and starts the case process: all in one transaction, or nothing. */
@Service
class IntakeService {

    /** What the caller learns about the case the report opened; the report page hands it on in the session's flash. */
    record Receipt(UUID caseId, String caseNumber, CaseStatus status, boolean joinedExistingCase)
            implements java.io.Serializable {
    }

    private final Directory directory;
    private final CaseFileService cases;
    private final CaseLinks links;
    private final ChildIntakeLock childLock;
    private final Timeline timeline;
    private final AuditTrail audit;
    private final CaseWorkflow workflow;
    private final JdbcAggregateTemplate aggregates;
    private final Messages messages;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration clockSkew;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    public IntakeService(Directory directory, CaseFileService cases, CaseLinks links, ChildIntakeLock childLock,
                         Timeline timeline, AuditTrail audit,
                         CaseWorkflow workflow,
                         JdbcAggregateTemplate aggregates, Messages messages, Clock clock,
                         @Value("${child-protection.intake.clock-skew}") Duration clockSkew,
                         org.springframework.transaction.PlatformTransactionManager transactions) {
        this.directory = directory;
        this.cases = cases;
        this.links = links;
        this.childLock = childLock;
        this.timeline = timeline;
        this.audit = audit;
        this.workflow = workflow;
        this.aggregates = aggregates;
        this.messages = messages;
        this.clock = clock;
        this.zone = clock.getZone();
        this.clockSkew = clockSkew;
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
    }

    /** No report the system takes was received before this (ISO 8601, Vietnam time). */
    private static final Instant EARLIEST_RECEIPT = java.time.OffsetDateTime.parse("2000-01-01T00:00:00+07:00").toInstant();

    /** How often a report is tried again when the case's process changed under it (another call at the same time). */
    private static final int ATTEMPTS = 5;

    /**
     * Records the report in a transaction of its own; when the case's process was changed by a concurrent
     * call (a claim, another report), the whole report is tried again, so that every accepted report is
     * stored once and none fails for being on time with another.
     */
    public Receipt receive(ReportRequest request, String username) {
        return receive(request, username, IntakeIdempotency.Claim.NONE);
    }

    /** The same, with the caller's idempotency key claimed and answered in the report's own transaction. */
    Receipt receive(ReportRequest request, String username, IntakeIdempotency.Claim claim) {
        for (int attempt = 1; ; attempt++) {
            try {
                Receipt receipt = tx.execute(status -> {
                    claim.take();
                    Receipt stored = receiveOnce(request, username);
                    claim.answer(stored);
                    return stored;
                });
                // the intake rate operators watch (/actuator/prometheus): reports stored, by channel, on this node
                Metrics.counter("childprotection.reports.received", "channel", request.channel().name()).increment();
                return receipt;
            } catch (WorkflowConflictException | org.springframework.dao.OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Receipt receiveOnce(ReportRequest request, String username) {
        Instant now = clock.instant();
        Instant receivedAt = request.receivedAt() == null ? now : request.receivedAt().toInstant();
        Commune commune = check(request, receivedAt, now);

        ReportRequest.ChildInput c = request.child();
        Child child = new Child(name(c.fullName()), c.sex(), c.birthDate(), c.ageYears(), c.nationalId(),
                blankToNull(c.ethnicity()), blankToNull(c.address()));
        ReportRouting routing = routing(receivedAt, Boolean.TRUE.equals(request.immediateDanger()),
                Boolean.TRUE.equals(request.crimeSuspected()), request.harmTypes(), request.channel(), commune);
        // reports about one child are taken one at a time, so that concurrent calls find one case
        childLock.lock(child, commune.code());
        // a further report about a child whose case is open joins that case and is triaged like the first
        Optional<CaseFile> open = cases.openCaseOf(commune.code(), child)
                .filter(existing -> workflow.furtherReport(existing.caseNumber(), routing));
        boolean joined = open.isPresent();
        CaseFile file = joined ? open.get() : cases.open(commune, child, receivedAt);

        ReportRequest.AbuserInput a = request.allegedAbuser();
        boolean caregiver = Boolean.TRUE.equals(request.allegedAbuserIsCaregiver())
                || (a != null && a.relationship() != null && a.relationship().isCaregiver());
        ReportRequest.ReporterInput r = request.reporter();
        // an anonymous reporter leaves no trace of who they are, whatever else the caller sent
        boolean anonymous = r == null || Boolean.TRUE.equals(r.anonymous());
        Report.Reporter reporter = anonymous
                ? new Report.Reporter(true, null, null, r == null ? null : blankToNull(r.relationship()))
                : new Report.Reporter(false, blankToNull(r.fullName()), blankToNull(r.phone()),
                        blankToNull(r.relationship()));
        Set<Report.ReportHarm> harms = request.harmTypes().stream().map(Report.ReportHarm::new)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        aggregates.insert(new Report(UUID.randomUUID(), file.id(), commune.code(), request.channel(), receivedAt, now,
                username,
                harms, request.setting() == null ? Setting.UNKNOWN : request.setting(), request.description().strip(),
                Boolean.TRUE.equals(request.immediateDanger()), Boolean.TRUE.equals(request.crimeSuspected()), caregiver,
                a == null ? null : new Report.Abuser(a.relationship(), blankToNull(a.fullName()), a.ageYears()),
                reporter, blankToNull(request.externalRef())));

        timeline.record(file.id(), "REPORT_RECEIVED", request.channel().name(), username);
        if (!joined) {
            links.linkNew(file);
            workflow.startCase(new CaseStart(file.id(), file.caseNumber(), commune.code(), commune.provinceCode(),
                    routing));
        }
        // last: the audit chain's lock is held only from here to the commit
        audit.record("REPORT", file.id(), joined ? "joined the open case" : "opened the case");
        return new Receipt(file.id(), file.caseNumber(), file.status(), joined);
    }

    /**
     * What a report tells the process before anyone assessed it: a crime is suspected at intake when the
     * officer ticks it, and always for sexual abuse and trafficking (Joint Circular 01/2022).
     */
    static ReportRouting routing(Instant receivedAt, boolean immediateDanger, boolean crimeSuspected,
                                 java.util.Collection<HarmType> harmTypes, Channel channel, Commune place) {
        boolean crimeAtIntake = crimeSuspected || harmTypes.contains(HarmType.SEXUAL_ABUSE)
                || harmTypes.contains(HarmType.TRAFFICKING);
        return new ReportRouting(receivedAt, immediateDanger, crimeAtIntake, channel == Channel.POLICE, place.code(),
                place.provinceCode());
    }

    /** The rules Bean Validation cannot see: the commune exists, times and ages make sense. */
    private Commune check(ReportRequest request, Instant receivedAt, Instant now) {
        List<FieldMessage> errors = new ArrayList<>();
        Commune commune = directory.communeInForce(request.communeCode()).orElse(null);
        if (commune == null) {
            String successor = request.communeCode() == null ? null : directory.successorName(request.communeCode());
            errors.add(new FieldMessage("communeCode", successor == null ? messages.text("validation.unknownCommune")
                    : messages.text("validation.mergedCommune", successor)));
        }
        if (receivedAt.isAfter(now.plus(clockSkew))) {
            errors.add(new FieldMessage("receivedAt", messages.text("validation.future")));
        } else if (receivedAt.isBefore(EARLIEST_RECEIPT)) {
            // a report dated decades ago would fire every deadline at once
            errors.add(new FieldMessage("receivedAt", messages.text("validation.tooEarly")));
        }
        LocalDate birthDate = request.child().birthDate();
        if (birthDate != null) {
            LocalDate receivedOn = receivedAt.atZone(zone).toLocalDate();
            if (birthDate.isAfter(receivedOn)) {
                errors.add(new FieldMessage("child.birthDate", messages.text("validation.future")));
            } else {
                int age = Period.between(birthDate, receivedOn).getYears();
                if (age > 17) {
                    errors.add(new FieldMessage("child.birthDate", messages.text("validation.childAge")));
                } else if (request.child().ageYears() != null && Math.abs(request.child().ageYears() - age) > 1) {
                    errors.add(new FieldMessage("child.ageYears", messages.text("validation.ageMismatch")));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return commune;
    }

    /** Names compared case-blind, with single spaces, so that the same child is found again. */
    private static String name(String s) {
        String name = blankToNull(s);
        return name == null ? null : name.replaceAll("\\s+", " ");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
