package vn.childprotection.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import jakarta.validation.Configuration;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.PastOrPresent;

/** "Today" in a form is today in Vietnam, also between 00:00 and 07:00 there, when UTC is still on yesterday. */
class ValidationClockTest {

    record Meeting(@PastOrPresent LocalDate heldOn) {
    }

    /** 01:30 on 2 December in Hanoi: 18:30 on 1 December in UTC. */
    private static final Instant EARLY_MORNING = Instant.parse("2026-12-01T18:30:00Z");

    private static Validator validator(Clock clock) {
        Configuration<?> configuration = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator());
        new TimeConfig().validationInBusinessTime(clock).customize(configuration);
        return configuration.buildValidatorFactory().getValidator();
    }

    @Test
    void aMeetingHeldTodayInVietnamIsNotInTheFutureAtHalfPastOneInTheMorning() {
        Clock vietnam = Clock.fixed(EARLY_MORNING, ZoneId.of("Asia/Ho_Chi_Minh"));

        assertThat(validator(vietnam).validate(new Meeting(LocalDate.of(2026, 12, 2)))).isEmpty();
        assertThat(validator(vietnam).validate(new Meeting(LocalDate.of(2026, 12, 3)))).hasSize(1);
    }

    @Test
    void theSameMomentJudgedInUtcWouldRefuseIt() {
        Clock utc = Clock.fixed(EARLY_MORNING, ZoneOffset.UTC);

        assertThat(validator(utc).validate(new Meeting(LocalDate.of(2026, 12, 2)))).hasSize(1);
    }
}
