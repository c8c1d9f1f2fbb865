package dev.streamlab.kit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code streamlab kit make DIR}: one folder to copy onto sticks or a share: the distribution's archives, the Kafka
 * image as {@code docker save} wrote it (when there is one), the installers {@code install.sh} and {@code install.cmd},
 * {@code kit.properties} and {@code CHECKSUMS}. It is written beside DIR and moved into place at the end, so a failed or
 * interrupted make leaves no half kit.
 */
public final class KitMaker {

    /** Writes a Docker image to a file ({@code docker save}). */
    @FunctionalInterface
    public interface ImageSaver {
        void save(String image, Path file) throws IOException;
    }

    /** What was made: the folder, its files, and their size in bytes. */
    public record Made(Path dir, KitContents contents, List<String> files, long bytes) {}

    static final String INSTALL_SH = "install.sh";
    static final String INSTALL_CMD = "install.cmd";

    private final Consumer<String> progress;

    public KitMaker(Consumer<String> progress) {
        this.progress = progress;
    }

    /**
     * @param tarGz    the distribution ({@code streamlab-VERSION.tar.gz}); its {@code .zip} and {@code -linux-x64.tar.gz}
     *                 go in too when they are beside it
     * @param image    the image to save, and how; empty for an embedded-only kit
     */
    public Made make(Path tarGz, String version, Optional<String> image, ImageSaver saver, Path dir) {
        if (!Files.isRegularFile(tarGz)) {
            throw new KitException(
                    "There is no distribution at " + tarGz + ". Build it with './mvnw -B -ntp -Pdist -DskipTests"
                            + " package' (it writes dist/target/streamlab-VERSION.tar.gz), or name one with --dist FILE.");
        }
        if (!tarGz.getFileName().toString().endsWith(".tar.gz")) {
            throw new KitException(
                    tarGz + " is not a .tar.gz: name the distribution's streamlab-VERSION.tar.gz with --dist.");
        }
        Path target = dir.toAbsolutePath().normalize();
        refuseNonEmpty(target);
        Path staging = staging(target);
        try {
            List<String> files = new ArrayList<>();
            String base = tarGz.getFileName().toString().replaceFirst("\\.tar\\.gz$", "");
            copy(tarGz, staging, files);
            Optional<String> zip = copyIfThere(tarGz.resolveSibling(base + ".zip"), staging, files);
            Optional<String> linux = copyIfThere(tarGz.resolveSibling(base + "-linux-x64.tar.gz"), staging, files);
            Optional<String> imageFile = Optional.empty();
            if (image.isPresent()) {
                String file = "kafka-image-" + image.get().replaceAll("[^A-Za-z0-9.-]+", "-") + ".tar";
                progress.accept("Saving the Kafka image " + image.get() + " (docker save, several hundred MB)");
                saver.save(image.get(), staging.resolve(file));
                files.add(file);
                imageFile = Optional.of(file);
            }
            for (String script : List.of(INSTALL_SH, INSTALL_CMD)) {
                try (InputStream in = KitMaker.class.getResourceAsStream("/kit/" + script)) {
                    Files.copy(in, staging.resolve(script));
                }
                staging.resolve(script).toFile().setExecutable(true, false);
                files.add(script);
            }
            KitContents contents =
                    new KitContents(version, tarGz.getFileName().toString(), zip, linux, image, imageFile);
            contents.write(staging);
            files.add(KitContents.FILE);
            progress.accept("Writing " + Checksums.FILE + " (SHA-256 of every file)");
            Checksums.write(staging, files);
            long bytes = 0;
            for (String f : files) {
                bytes += Files.size(staging.resolve(f));
            }
            files.add(Checksums.FILE);
            if (Files.isDirectory(target)) {
                Files.delete(target); // empty, as checked
            }
            Files.move(staging, target);
            return new Made(target, contents, List.copyOf(files), bytes);
        } catch (IOException e) {
            throw new KitException(
                    "Cannot write the kit into " + target + " (" + e.getMessage() + "). Check the free space"
                            + " and that the folder is writable.",
                    e);
        } finally {
            Installs.deleteQuietly(staging);
        }
    }

    private static void refuseNonEmpty(Path target) {
        if (Files.isRegularFile(target)) {
            throw new KitException(target + " is a file: name a new or empty folder for the kit.");
        }
        if (Files.isDirectory(target)) {
            try (var entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new KitException(target + " is not empty: name a new or empty folder for the kit"
                            + " (a kit is never written over other files).");
                }
            } catch (IOException e) {
                throw new KitException("Cannot read " + target + ": " + e.getMessage(), e);
            }
        }
    }

    private static Path staging(Path target) {
        try {
            Path parent = target.getParent();
            Files.createDirectories(parent);
            return Installs.stagingBeside(target, "partial");
        } catch (IOException e) {
            throw new KitException(
                    "Cannot write beside " + target + " (" + e.getMessage() + "): name a folder you can write to.", e);
        }
    }

    private void copy(Path file, Path staging, List<String> files) throws IOException {
        progress.accept("Copying " + file.getFileName());
        Files.copy(file, staging.resolve(file.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
        files.add(file.getFileName().toString());
    }

    private Optional<String> copyIfThere(Path file, Path staging, List<String> files) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        copy(file, staging, files);
        return Optional.of(file.getFileName().toString());
    }
}
