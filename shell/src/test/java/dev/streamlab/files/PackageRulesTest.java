package dev.streamlab.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The architecture guide's promise about the core (docs/architecture.adoc), checked on the sources: the core and the renderers know no terminal. */
class PackageRulesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/streamlab");
    /** Front ends and the terminal libraries they use. */
    private static final Pattern TERMINAL = Pattern.compile(
            "^import (static )?(picocli|org\\.jline|dev\\.streamlab\\.(cli|console|terminal|present|web))\\.", Pattern.MULTILINE);

    @ParameterizedTest
    @ValueSource(strings = {"cluster", "classroom", "lesson", "notebook", "grading", "diagram", "inspect"})
    void aCorePackageImportsNoTerminalCodeAndNoFrontEnd(String pkg) throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(SOURCES.resolve(pkg))) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> TERMINAL.matcher(read(f)).find())
                    .map(f -> SOURCES.relativize(f) + ": " + firstMatch(read(f)))
                    .toList();
        }
        assertThat(offenders).as("files of %s that import a front end or a terminal library", pkg).isEmpty();
    }

    private static String firstMatch(String source) {
        var m = TERMINAL.matcher(source);
        return m.find() ? source.substring(m.start(), source.indexOf('\n', m.start())) : "";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
