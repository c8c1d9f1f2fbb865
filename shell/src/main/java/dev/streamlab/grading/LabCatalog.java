package dev.streamlab.grading;

import dev.streamlab.catalog.NumberedName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The labs in a {@code labs/} folder, found by their {@code NN-name} folder names. */
public final class LabCatalog {

    private final Path labsDirectory;

    public LabCatalog(Path labsDirectory) {
        this.labsDirectory = labsDirectory;
    }

    /** The {@code labs/} folder beside the {@code shell/} module that streamlab runs from. */
    public static LabCatalog ofProject(Path projectRoot) {
        return new LabCatalog(projectRoot.resolve("labs"));
    }

    public List<Lab> labs() {
        if (!Files.isDirectory(labsDirectory)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(labsDirectory)) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().matches("\\d\\d-[a-z0-9-]+"))
                    .sorted()
                    .map(Lab::load)
                    .toList();
        } catch (IOException e) {
            throw new GradingException("Cannot list the labs in " + labsDirectory + ": " + e.getMessage(), e);
        }
    }

    /** Finds a lab by number ({@code 5}, {@code 05}), name ({@code fraud-window}) or both ({@code 05-fraud-window}). */
    public Optional<Lab> find(String wanted) {
        return labs().stream()
                .filter(lab -> new NumberedName(lab.number(), lab.name()).answersTo(wanted))
                .findFirst();
    }
}
