package dev.streamlab.grading;

import dev.streamlab.grading.host.LearnerHost;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The class path a submission compiles and runs against: the learner host's own module and the libraries its build named
 * (its {@code learner-classpath.txt}), taken from the grader's class path by file name. Nothing else of streamlab's
 * (the brokers, the checks, Asciidoctor's JRuby, Testcontainers) is on it, so a submission can neither call it nor load a
 * class of it. A library the list names that the grader's class path lacks fails grading: it never runs a learner's code
 * on a class path other than the one the build made.
 */
final class LearnerClassPath {

    static final String LIST = "learner-classpath.txt";

    private LearnerClassPath() {}

    /** The entries of {@code runtime} (the grader's class path) a learner's JVM gets, in the grader's order. */
    static List<Path> from(List<Path> runtime) {
        Path host = hostEntry();
        Set<String> libraries = libraryNames();
        List<Path> entries = new ArrayList<>();
        Set<String> found = new LinkedHashSet<>();
        for (Path entry : runtime) {
            Path normalized = entry.toAbsolutePath().normalize();
            String name = normalized.getFileName() == null
                    ? ""
                    : normalized.getFileName().toString();
            if (normalized.equals(host)) {
                entries.add(entry);
            } else if (libraries.contains(name) && found.add(name)) {
                entries.add(entry);
            }
        }
        if (!entries.stream().map(e -> e.toAbsolutePath().normalize()).toList().contains(host)) {
            entries.add(0, host);
        }
        Set<String> missing = new LinkedHashSet<>(libraries);
        missing.removeAll(found);
        if (!missing.isEmpty()) {
            throw new GradingException(
                    "The learner's libraries " + String.join(", ", missing) + " are not on streamlab's"
                            + " class path, so no submission can run: build streamlab again (./mvnw install) or reinstall the kit.");
        }
        return List.copyOf(entries);
    }

    /** The same, as a class path string for the compiler. */
    static String asString(List<Path> runtime) {
        return from(runtime).stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static Path hostEntry() {
        try {
            return Path.of(LearnerHost.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toAbsolutePath()
                    .normalize();
        } catch (URISyntaxException | RuntimeException e) {
            throw new GradingException("Cannot find where the learner host's classes are (" + e.getMessage() + ").");
        }
    }

    private static Set<String> libraryNames() {
        try (InputStream in = LearnerHost.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new GradingException(
                        "The learner host has no " + LIST + ": build streamlab again (./mvnw install).");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return Arrays.stream(text.split("[:;\\s]+"))
                    .filter(s -> !s.isBlank())
                    .map(s -> Path.of(s).getFileName().toString())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
