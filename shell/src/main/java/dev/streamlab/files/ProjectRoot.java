package dev.streamlab.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The streamlab project this program runs from: the folder with {@code shell/pom.xml}, {@code labs/} and {@code lessons/};
 * or an installed distribution (a kit's), the folder with {@value #DISTRIBUTION_MARKER} beside its {@code lessons/} and
 * {@code labs/}.
 */
public final class ProjectRoot {

    /** The file at the top of an installed distribution; it holds the version. */
    public static final String DISTRIBUTION_MARKER = "streamlab.dist";

    private ProjectRoot() {}

    /** The project around streamlab's own classes or jar, else the working directory. */
    public static Path find() {
        return around(codeLocation())
                .or(() -> around(Path.of("").toAbsolutePath()))
                .orElse(Path.of("").toAbsolutePath());
    }

    /** The nearest folder at or above {@code start} that holds {@code shell/pom.xml} (or is a distribution). */
    public static Optional<Path> around(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("shell/pom.xml")) || Files.isRegularFile(p.resolve(DISTRIBUTION_MARKER))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Path codeLocation() {
        try {
            return Path.of(ProjectRoot.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (Exception e) {
            return null;
        }
    }
}
