package dev.streamlab.present;

import dev.streamlab.files.ProjectRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the lessons' AsciiDoc sources are: slides are made from them, not from the parsed catalogue.
 * The {@code streamlab.lessons} system property, else {@code lessons/} in the current folder, else the
 * {@code lessons/} folder of the project that holds the streamlab jar ({@code shell/target/streamlab.jar}).
 */
public final class LessonSources {

    public static final String PROPERTY = "streamlab.lessons";

    private final Path dir;

    private LessonSources(Path dir) {
        this.dir = dir;
    }

    public static LessonSources at(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(
                    "There is no lessons folder at " + dir + ". Pass the folder that holds the lessons' .adoc files.");
        }
        return new LessonSources(dir);
    }

    /** The lessons folder of this installation; fails with a message that says how to name it. */
    public static LessonSources locate() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return at(Path.of(property));
        }
        Path here = Path.of("lessons");
        if (Files.isDirectory(here)) {
            return new LessonSources(here.toAbsolutePath());
        }
        return besideTheJar()
                .map(LessonSources::new)
                .orElseThrow(() -> new IllegalStateException(
                        "The lessons' sources (lessons/*.adoc) were not found. Run streamlab from the project folder,"
                                + " or set -D" + PROPERTY + "=DIR in STREAMLAB_JAVA_OPTS."));
    }

    private static Optional<Path> besideTheJar() {
        return Optional.of(ProjectRoot.find().resolve("lessons")).filter(Files::isDirectory);
    }

    public Path dir() {
        return dir;
    }

    /** The lessons ({@code NN-name.adoc}), in order. */
    public List<Path> lessons() {
        return list(dir, "\\d+-[A-Za-z0-9-]+\\.adoc");
    }

    /** The demo scripts ({@code demos/*.adoc}), in order. */
    public List<Path> demos() {
        return list(dir.resolve("demos"), "[A-Za-z0-9][A-Za-z0-9-]*\\.adoc");
    }

    /** Lessons, then demos. */
    public List<Path> all() {
        List<Path> all = new ArrayList<>(lessons());
        all.addAll(demos());
        return all;
    }

    static List<Path> list(Path folder, String pattern) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches(pattern))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
