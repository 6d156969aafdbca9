package vn.childprotection.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

import vn.childprotection.directory.WorkingDayCalendar;

/**
 * The deadlines bean exactly as application.yml configures it, with the holidays the Flyway seed
 * puts in the calendar, for tests that run the models on a standalone engine.
 */
public final class ConfiguredDeadlines {

    private static final Pattern SEED_ROW = Pattern.compile("\\('(\\d{4}-\\d{2}-\\d{2})', '(HOLIDAY|WORKING_DAY)'");

    private ConfiguredDeadlines() {
    }

    public static Deadlines fromApplicationYml() {
        try {
            var sources = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
            DeadlineProperties properties = new Binder(ConfigurationPropertySources.from(sources))
                    .bind("child-protection", DeadlineProperties.class).get();
            WorkingDayCalendar calendar = seededCalendar();
            return new Deadlines(properties, () -> calendar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WorkingDayCalendar seededCalendar() throws IOException {
        String seed = new ClassPathResource("db/migration/V4__holidays.sql").getContentAsString(StandardCharsets.UTF_8);
        Map<LocalDate, Boolean> exceptions = new HashMap<>();
        Matcher row = SEED_ROW.matcher(seed);
        while (row.find()) {
            exceptions.put(LocalDate.parse(row.group(1)), "WORKING_DAY".equals(row.group(2)));
        }
        return new WorkingDayCalendar(exceptions);
    }
}
