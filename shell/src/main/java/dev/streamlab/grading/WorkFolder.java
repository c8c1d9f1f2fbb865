package dev.streamlab.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The grader's temporary folder: compiled classes, the check JVM's events, reports and Kafka data. */
final class WorkFolder {

    private WorkFolder() {
    }

    static Path create() {
        try {
            return Files.createTempDirectory("streamlab-grading-");
        } catch (IOException e) {
            throw new GradingException("Cannot create a temporary folder (" + e.getMessage()
                    + "). Free some disk space, or point TMPDIR at a folder you can write.", e);
        }
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // A file the killed check JVM still held; the rest goes.
                }
            });
        } catch (IOException e) {
            // Best effort.
        }
    }
}
