package vn.childprotection.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The deadlines bean exactly as application.yml configures it, for tests that run the models alone. */
public final class ConfiguredDeadlines {

    private ConfiguredDeadlines() {
    }

    public static Deadlines fromApplicationYml() {
        try {
            var sources = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
            DeadlineProperties properties = new Binder(ConfigurationPropertySources.from(sources))
                    .bind("child-protection", DeadlineProperties.class).get();
            return new Deadlines(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
