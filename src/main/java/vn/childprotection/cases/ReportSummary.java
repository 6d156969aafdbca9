package vn.childprotection.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A report as the case file shows it. {@code reporter} is null when anonymous. */
public record ReportSummary(UUID reportId, String channel, Instant receivedAt, Instant recordedAt, String recordedBy,
                            List<String> harmTypes, String setting, String description, boolean immediateDanger,
                            boolean allegedAbuserIsCaregiver, AllegedAbuser allegedAbuser, Reporter reporter) {

    public record AllegedAbuser(String relationship, String fullName, Integer ageYears) {
    }

    public record Reporter(boolean anonymous, String fullName, String phone, String relationship) {
    }

    public ReportSummary withoutReporter() {
        return new ReportSummary(reportId, channel, receivedAt, recordedAt, recordedBy, harmTypes, setting,
                description, immediateDanger, allegedAbuserIsCaregiver, allegedAbuser, null);
    }
}
