package dev.streamlab.kit;

import dev.streamlab.files.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code streamlab kit install DIR}: checks every file of the kit against {@code CHECKSUMS} first, then unpacks the
 * distribution into a folder beside the target and moves it into place, so a missing or damaged file, a full disk or
 * an interrupted install leaves nothing half-installed (and an earlier installation as it was). A target that holds
 * something other than a streamlab installation is refused, never overwritten. Loading the image and running
 * {@code doctor} are the command's, after this.
 */
public final class KitInstaller {

    /** What was installed: where, which version, and the kit's saved image (its name and file) if it has one. */
    public record Installed(
            Path home, String version, String archive, Optional<String> image, Optional<Path> imageFile) {

        /** The installed launcher for this operating system. */
        public Path launcher() {
            return home.resolve(windows() ? "bin/streamlab.cmd" : "bin/streamlab");
        }
    }

    private final Consumer<String> progress;

    public KitInstaller(Consumer<String> progress) {
        this.progress = progress;
    }

    public Installed install(Path kitDir, Path target) {
        return install(kitDir, target, false, true);
    }

    /**
     * @param portable  true to install the archive that runs on any Java 17+, even where the kit has one with its own runtime
     * @param withImage true when the kit's image will be loaded (Docker answers): its checksum is checked first too
     */
    public Installed install(Path kitDir, Path target, boolean portable, boolean withImage) {
        Path kit = kitDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(kit)) {
            throw new KitException("There is no kit folder at " + kit + ": name the folder that holds CHECKSUMS and"
                    + " streamlab-VERSION.tar.gz (the stick or share the instructor gave you).");
        }
        Path home = target.toAbsolutePath().normalize();
        boolean replacing = refuseForeign(home);
        Map<String, String> checksums = Checksums.read(kit);
        Checksums.verify(kit, checksums, List.of(KitContents.FILE));
        KitContents contents = KitContents.read(kit);
        String archive = chooseArchive(contents, portable);
        List<String> used = new ArrayList<>(List.of(archive));
        if (withImage) {
            contents.imageFile().ifPresent(used::add);
        }
        // Only what this install uses is read (the kit also holds the other systems' archives), and the archive only
        // once: it is checked as it is unpacked, into a folder nobody uses until the checksum matched.
        String archiveSha = Checksums.expected(kit, checksums, archive);
        List<String> others = used.subList(1, used.size());
        if (!others.isEmpty()) {
            progress.accept("Checking " + String.join(", ", others) + " against " + Checksums.FILE + " (SHA-256)");
            Checksums.verify(kit, checksums, others);
        }
        Path staging = null;
        Path old = null;
        try {
            Files.createDirectories(home.getParent());
            staging = Installs.stagingBeside(home, "partial");
            progress.accept("Unpacking and checking " + archive + " against " + Checksums.FILE + " (SHA-256)");
            unpackChecked(kit.resolve(archive), archiveSha, staging);
            if (!Files.isRegularFile(staging.resolve(ProjectRoot.DISTRIBUTION_MARKER))
                    || !Files.isRegularFile(staging.resolve("app/streamlab.jar"))) {
                throw new KitException(
                        archive + " is not a streamlab distribution (no " + ProjectRoot.DISTRIBUTION_MARKER
                                + " or app/streamlab.jar): make the kit again with 'streamlab kit make DIR'.");
            }
            if (replacing) {
                old = Files.createTempDirectory(home.getParent(), "." + home.getFileName() + "-old-");
                Files.delete(old);
                Files.move(home, old);
            } else if (Files.isDirectory(home)) {
                Files.delete(home); // empty, as checked
            }
            Files.move(staging, home);
            staging = null;
        } catch (IOException e) {
            if (old != null && !Files.exists(home)) {
                try {
                    Files.move(old, home);
                    old = null;
                } catch (IOException ignored) {
                    // the message names the folder
                }
            }
            throw new KitException(
                    "Cannot install into " + home + " (" + e.getMessage() + "). Check the free space and"
                            + " that you may write there, or choose another folder with --to.",
                    e);
        } finally {
            Installs.deleteQuietly(staging);
            Installs.deleteQuietly(old);
        }
        return new Installed(
                home,
                contents.version(),
                archive,
                contents.image(),
                contents.imageFile().map(kit::resolve));
    }

    /**
     * Unpacks a kit archive while checking it. A damaged file usually breaks the unpacking before the checksum is known,
     * so any failure is first told as damage when the file's checksum differs: that is what the learner must fix.
     */
    private static void unpackChecked(Path archive, String expectedSha, Path into) throws IOException {
        String sha;
        try {
            sha = Archives.extractAndDigest(archive, into);
        } catch (IOException | KitException e) {
            if (!Checksums.sha256(archive).equals(expectedSha)) {
                throw Checksums.damaged(archive.getFileName().toString());
            }
            throw e;
        }
        if (!sha.equals(expectedSha)) {
            throw Checksums.damaged(archive.getFileName().toString());
        }
    }

    /** True when the target is an earlier streamlab installation (to be replaced); fails when it is anything else. */
    private static boolean refuseForeign(Path home) {
        if (Files.isRegularFile(home)) {
            throw new KitException(home + " is a file: choose a new folder with --to.");
        }
        if (!Files.isDirectory(home)) {
            return false;
        }
        if (Files.isRegularFile(home.resolve(ProjectRoot.DISTRIBUTION_MARKER))) {
            return true;
        }
        try (var entries = Files.list(home)) {
            if (entries.findAny().isPresent()) {
                throw new KitException(home + " holds other files and no streamlab installation: choose a new or"
                        + " empty folder with --to (an install never writes over other files).");
            }
        } catch (IOException e) {
            throw new KitException("Cannot read " + home + ": " + e.getMessage(), e);
        }
        return false;
    }

    /** The linux-x64 image (its own Java) on such a machine, the zip on Windows, else the tar.gz. */
    static String chooseArchive(KitContents contents, boolean portable) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (os.contains("linux")
                && (arch.equals("amd64") || arch.equals("x86_64"))
                && contents.linuxX64().isPresent()
                && !portable) {
            return contents.linuxX64().get();
        }
        if (windows() && contents.zip().isPresent()) {
            return contents.zip().get();
        }
        return contents.tarGz();
    }

    static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
