package dev.streamlab.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The JDKs on this machine, to run the learner's Java on the versions learners have (most have 21 or newer). */
public final class InstalledJdks {

    private InstalledJdks() {}

    public static Path current() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * A JDK of version 20 or newer (where {@code Thread.stop} is gone, so an endless loop costs the process), from
     * {@code STREAMLAB_TEST_NEW_JDK} or the usual install folders; empty when this machine has none.
     */
    public static Optional<Path> withoutThreadStop() {
        String configured = System.getenv("STREAMLAB_TEST_NEW_JDK");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured, "bin", "java"));
        }
        if (Runtime.version().feature() >= 20) {
            return Optional.of(current());
        }
        for (Path folder :
                new Path[] {Path.of("/usr/lib/jvm"), Path.of(System.getProperty("user.home"), ".sdkman/candidates/java")
                }) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> jdks = Files.list(folder)) {
                Optional<Path> found = jdks.filter(jdk -> feature(jdk) >= 20)
                        .map(jdk -> jdk.resolve("bin/java"))
                        .filter(Files::isExecutable)
                        .filter(java -> Files.exists(
                                        java.getParent().getParent().resolve("jmods"))
                                || Files.exists(java.getParent().getParent().resolve("lib/modules")))
                        .sorted()
                        .findFirst();
                if (found.isPresent()) {
                    return found;
                }
            } catch (IOException e) {
                // look elsewhere
            }
        }
        return Optional.empty();
    }

    /** The feature version in a JDK's {@code release} file, or 0. */
    private static int feature(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
