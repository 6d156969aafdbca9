package vn.childprotection.intake;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A report as recorded: who said what, when, about which child. Never changed once recorded. */
@Table("report")
record Report(
        @Id UUID id,
        UUID caseId,
        /** Where the offence happened, as reported; the case may be held by another commune. */
        String communeCode,
        Channel channel,
        Instant receivedAt,
        Instant recordedAt,
        String recordedBy,
        @MappedCollection(idColumn = "report") Set<ReportHarm> harmTypes,
        Setting setting,
        String description,
        boolean immediateDanger,
        boolean crimeSuspected,
        boolean allegedAbuserIsCaregiver,
        @Embedded.Nullable(prefix = "abuser_") Abuser abuser,
        @Embedded.Nullable(prefix = "reporter_") Reporter reporter,
        /** The reporting system's own reference (ReportRequest.externalRef), if it gave one. */
        String externalRef) {

    @Table("report_harm_type")
    record ReportHarm(HarmType harmType) {
    }

    record Abuser(AbuserRelationship relationship, String fullName, Integer ageYears) {
    }

    record Reporter(boolean anonymous, String fullName, String phone, String relationship) {
    }
}
