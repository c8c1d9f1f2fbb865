package dev.streamlab.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Compares what a person would see (a transcript, a command's output) with its golden file in
 * {@code src/test/resources/golden/}, after masking what may differ between two honest runs: durations,
 * timestamps, ports, ids, hash codes, temporary folders. Run with {@code -Dgolden.update=true} to rewrite the files
 * from the current output; the diff then shows in review what a learner now sees differently.
 */
public final class GoldenFile {

    private static final Path DIRECTORY = Path.of("src/test/resources/golden");

    private final List<UnaryOperator<String>> masks = new ArrayList<>();

    private GoldenFile() {
    }

    /** The masks every streamlab output needs. */
    public static GoldenFile standard() {
        return new GoldenFile()
                .mask("\\b\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z?", "<timestamp>")
                .mask("\\[ *\\d+\\.\\d+s\\]", "[<time>]")
                .mask("\\b\\d+(\\.\\d+)? ?(ms|s)\\b", "<duration>")
                .mask("(127\\.0\\.0\\.1|localhost):\\d+", "$1:<port>")
                .mask("@[0-9a-f]{5,8}\\b", "@<hash>")
                .mask("(/tmp|/var/folders)/[\\w./+-]+", "<temp>")
                .mask("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>");
    }

    /** Masks every match of {@code regex} (replacement may use groups, as in {@link String#replaceAll}). */
    public GoldenFile mask(String regex, String replacement) {
        Pattern pattern = Pattern.compile(regex);
        masks.add(text -> pattern.matcher(text).replaceAll(replacement));
        return this;
    }

    public String normalise(String text) {
        String result = text.replace("\r\n", "\n");
        for (UnaryOperator<String> mask : masks) {
            result = mask.apply(result);
        }
        return result.lines().map(String::stripTrailing).reduce("", (a, b) -> a + b + "\n");
    }

    /** Asserts that {@code actual}, normalised, equals {@code golden/NAME} (a path such as {@code course/one-session.adoc}). */
    public void assertMatches(String name, String actual) {
        Path file = DIRECTORY.resolve(name);
        String text = normalise(actual);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file).as("golden file %s (write it with -Dgolden.update=true, then read the diff)", file).exists();
            assertThat(text).as("%s differs from its golden file %s (-Dgolden.update=true rewrites it)", name, file)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
