package vn.childprotection.common;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

/**
 * One clock for the application, in the business time zone read here once from
 * {@code child-protection.zone}: today's date is {@code LocalDate.now(clock)}, the zone {@code clock.getZone()}.
 * Moments are written with that zone's offset.
 */
@Configuration
class TimeConfig {

    @Bean
    Clock clock(@Value("${child-protection.zone}") ZoneId zone) {
        return Clock.system(zone);
    }

    /**
     * Bean Validation's past and future ({@code @PastOrPresent}) by the same clock: between 00:00 and 07:00 in
     * Vietnam the day is already today there, though not yet in UTC.
     */
    @Bean
    ValidationConfigurationCustomizer validationInBusinessTime(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer instantsWithBusinessOffset(Clock clock) {
        ZoneId zone = clock.getZone();
        return builder -> builder.serializerByType(Instant.class, new JsonSerializer<Instant>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.atZone(zone)));
            }
        });
    }
}
