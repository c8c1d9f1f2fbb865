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

    private GoldenFile() {}

    /** No masks: for output whose every character is fixed (a table rendered from given figures). */
    public static GoldenFile exact() {
        return new GoldenFile();
    }

    /** The masks every streamlab output needs. */
    public static GoldenFile standard() {
        return new GoldenFile()
                .mask("\\b\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z?", "<timestamp>")
                .mask("\\[ *\\d+\\.\\d+s\\]", "[<time>]")
                .mask("\\b\\d+(\\.\\d+)? ?(ms|s)\\b", "<duration>")
                .mask("(127\\.0\\.0\\.1|localhost):\\d+", "$1:<port>")
                .mask("@[0-9a-f]{5,8}\\b", "@<hash>")
                // The tests' temporary folder may live in the clone (each fork has one under target/), wherever that
                // is.
                .mask(Pattern.quote(temporaryFolder()) + "[\\w./+-]*", "<temp>")
                .mask("(/tmp|/var/folders)/[\\w./+-]+", "<temp>")
                .mask("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>")
                // A stack frame of streamlab's own code: its line moves whenever that file is edited.
                .mask("(at dev\\.streamlab\\.[\\w.$]+\\([\\w$]+\\.java:)\\d+\\)", "$1<line>)");
    }

    private static String temporaryFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"))
                .toAbsolutePath()
                .normalize()
                .toString();
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
            assertThat(file)
                    .as("golden file %s (write it with -Dgolden.update=true, then read the diff)", file)
                    .exists();
            // The golden file is masked too: a mask added later then needs no golden file written again.
            String expected = normalise(Files.readString(file, StandardCharsets.UTF_8));
            if (!text.equals(expected)) {
                Path actualFile = Path.of("target", "golden-actual").resolve(name);
                Files.createDirectories(actualFile.getParent());
                Files.writeString(actualFile, text, StandardCharsets.UTF_8);
                throw new AssertionError(name + " differs from its golden file " + file + " (the whole text is in "
                        + actualFile + "; -Dgolden.update=true rewrites the golden file):\n"
                        + firstDifference(expected, text));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first lines that differ, with three lines of context, as {@code -} (golden) and {@code +} (now). */
    static String firstDifference(String expected, String actual) {
        List<String> before = expected.lines().toList();
        List<String> after = actual.lines().toList();
        int first = 0;
        while (first < before.size()
                && first < after.size()
                && before.get(first).equals(after.get(first))) {
            first++;
        }
        StringBuilder diff = new StringBuilder();
        for (int i = Math.max(0, first - 3); i < first; i++) {
            diff.append("  ").append(i + 1).append(": ").append(before.get(i)).append('\n');
        }
        for (int i = first; i < Math.min(before.size(), first + 6); i++) {
            diff.append("- ").append(i + 1).append(": ").append(before.get(i)).append('\n');
        }
        for (int i = first; i < Math.min(after.size(), first + 6); i++) {
            diff.append("+ ").append(i + 1).append(": ").append(after.get(i)).append('\n');
        }
        return diff.toString();
    }
}
