package vn.childprotection.intake;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.childprotection.cases.Child;

/** The body of POST /api/reports (Mẫu 01), as fixed by API.md. */
record ReportRequest(
        @NotNull(message = "{validation.required}") Channel channel,
        OffsetDateTime receivedAt,
        @NotBlank(message = "{validation.required}") @Size(max = 16, message = "{validation.tooLong}") String communeCode,
        @NotNull(message = "{validation.required}") @Valid ChildInput child,
        @NotEmpty(message = "{validation.required}") @Size(max = 10, message = "{validation.tooMany}")
        List<@NotNull(message = "{validation.required}") HarmType> harmTypes,
        Setting setting,
        @NotBlank(message = "{validation.required}") @Size(max = 10000, message = "{validation.tooLong}") String description,
        Boolean immediateDanger,
        /** The intake officer sees signs of a crime ("dấu hiệu tội phạm"): the police referral starts with the report. */
        Boolean crimeSuspected,
        Boolean allegedAbuserIsCaregiver,
        @Valid AbuserInput allegedAbuser,
        @Valid ReporterInput reporter,
        /** The calling system's own reference for this report (a hotline 111 call id): kept, and found by the register. */
        @Size(max = 100, message = "{validation.tooLong}")
        @Pattern(regexp = "[\\p{L}\\p{N} ._:/#-]*", message = "{validation.externalRef}") String externalRef) {

    record ChildInput(
            @Size(max = 200, message = "{validation.tooLong}") String fullName,
            @NotNull(message = "{validation.required}") Child.Sex sex,
            LocalDate birthDate,
            @Min(value = 0, message = "{validation.childAge}") @Max(value = 17, message = "{validation.childAge}") Integer ageYears,
            @Pattern(regexp = "\\d{12}", message = "{validation.nationalId}") String nationalId,
            @Size(max = 100, message = "{validation.tooLong}") String ethnicity,
            @Size(max = 500, message = "{validation.tooLong}") String address) {
    }

    record AbuserInput(
            AbuserRelationship relationship,
            @Size(max = 200, message = "{validation.tooLong}") String fullName,
            @Min(value = 0, message = "{validation.age}") @Max(value = 120, message = "{validation.age}") Integer ageYears) {
    }

    record ReporterInput(
            Boolean anonymous,
            @Size(max = 200, message = "{validation.tooLong}") String fullName,
            @Pattern(regexp = "[0-9+ ().-]{3,30}", message = "{validation.phone}") String phone,
            @Size(max = 100, message = "{validation.tooLong}") String relationship) {
    }
}
