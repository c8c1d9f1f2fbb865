package dev.streamlab.grading;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The grader's temporary folder: compiled classes, the check JVM's events, reports and Kafka data. It is marked
 * with the grader's process id, so a later run removes what a run stopped with Ctrl-C or kill -9 left behind.
 */
final class WorkFolder {

    private static final String PREFIX = "streamlab-grading-";
    private static final String OWNER_FILE = "owner.pid";

    private WorkFolder() {
    }

    static Path create() {
        Path parent = Path.of(System.getProperty("java.io.tmpdir"));
        try {
            reapLeftovers(parent);
            Path dir = Files.createTempDirectory(parent, PREFIX);
            Files.writeString(dir.resolve(OWNER_FILE), String.valueOf(ProcessHandle.current().pid()));
            return dir;
        } catch (IOException e) {
            throw new GradingException("Cannot create a temporary folder in " + parent + " (" + e.getMessage()
                    + "). Free some disk space, or point TMPDIR at a folder you can write.", e);
        }
    }

    static void reapLeftovers(Path parent) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (ownerIsGone(dir)) {
                    delete(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Tidying up is best effort.
        }
    }

    private static boolean ownerIsGone(Path dir) {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve(OWNER_FILE)).trim());
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return false;
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
