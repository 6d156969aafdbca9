package vn.childprotection.cases;

import java.time.LocalDate;

/** The child the case is about. Sex, birth date or age and ethnicity are kept as given, for statistics. */
public record Child(String fullName, Sex sex, LocalDate birthDate, Integer ageYears, String nationalId,
                    String ethnicity, String address) {

    public enum Sex {
        FEMALE,
        MALE,
        UNKNOWN
    }
}
