package dev.streamlab.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The streamlab project this program runs from: the folder with {@code shell/pom.xml}, {@code labs/} and {@code lessons/}. */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    /** The project around streamlab's own classes or jar, else the working directory. */
    public static Path find() {
        return around(codeLocation()).or(() -> around(Path.of("").toAbsolutePath())).orElse(Path.of("").toAbsolutePath());
    }

    /** The nearest folder at or above {@code start} that holds {@code shell/pom.xml}. */
    public static Optional<Path> around(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("shell/pom.xml"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Path codeLocation() {
        try {
            return Path.of(ProjectRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            return null;
        }
    }
}
