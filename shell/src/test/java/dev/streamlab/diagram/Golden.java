package dev.streamlab.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a diagram with its expected text in {@code src/test/resources/golden/diagram/NAME.txt},
 * character for character. Run with {@code -Dgolden.update=true} to write the files from the current
 * output instead, then read every changed file before committing it.
 */
final class Golden {

    private static final Path DIRECTORY = Path.of("src/test/resources/golden/diagram");

    private Golden() {}

    static void assertMatches(String name, String actual) {
        Path file = DIRECTORY.resolve(name + ".txt");
        String text = actual + "\n";
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(DIRECTORY);
                Files.writeString(file, text, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file)
                    .as("golden file %s (create it with -Dgolden.update=true)", file)
                    .exists();
            assertThat(text).as("diagram %s", name).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
