package vn.childprotection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The shape of the code a newcomer meets (issue 12); module boundaries are {@link ModulesTest}'s. */
class CodeShapeTest {

    /** No class a newcomer must read at one sitting: every main source file is under 250 lines. */
    @Test
    void noMainClassReaches250Lines() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            var tooLong = sources.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return Files.readAllLines(f).size() >= 250;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
            assertThat(tooLong).as("main classes of 250 lines or more").isEmpty();
        }
    }
}
