package dev.streamlab.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Making and installing a kit, with a small distribution made here (the real one is 190 MB: the offline CI step
 * installs that). What an instructor and an attendee get wrong: a file missing or damaged on the stick, a folder that
 * is not empty, installing twice, a hostile archive. Whatever fails, nothing is half-installed.
 */
class KitTest {

    @TempDir
    Path temp;

    private final List<String> progress = new ArrayList<>();

    private Path distribution(Map<String, String> files) throws IOException {
        Path archive = temp.resolve("streamlab-9.9.tar.gz");
        try (OutputStream out = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(bytes.length);
                entry.setMode(file.getKey().contains("/bin/") ? 0755 : 0644);
                tar.putArchiveEntry(entry);
                tar.write(bytes);
                tar.closeArchiveEntry();
            }
        }
        return archive;
    }

    private Path goodDistribution() throws IOException {
        return distribution(Map.of(
                "streamlab-9.9/streamlab.dist", "version=9.9\n",
                "streamlab-9.9/bin/streamlab", "#!/bin/sh\necho hello\n",
                "streamlab-9.9/app/streamlab.jar", "not really a jar",
                "streamlab-9.9/lessons/00-welcome.adoc", "= Welcome\n"));
    }

    private Path kit(Path distribution) {
        return new KitMaker(progress::add)
                .make(distribution, "9.9", Optional.empty(), (i, f) -> {}, temp.resolve("kit"))
                .dir();
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains("-partial-") || n.contains("-old-"))
                    .toList();
        }
    }

    @Test
    void aKitInstallsIntoAFreshFolderWithItsLauncherExecutable() throws IOException {
        Path kit = kit(goodDistribution());
        assertThat(Files.readAllLines(kit.resolve(Checksums.FILE)))
                .allMatch(line -> line.matches("[0-9a-f]{64}  [A-Za-z0-9._-]+"))
                .extracting(line -> line.substring(66))
                .containsExactly("streamlab-9.9.tar.gz", "install.sh", "install.cmd", "kit.properties");

        KitInstaller.Installed installed = new KitInstaller(progress::add).install(kit, temp.resolve("home/streamlab"));

        Path home = temp.resolve("home/streamlab");
        assertThat(installed.home()).isEqualTo(home);
        assertThat(installed.version()).isEqualTo("9.9");
        assertThat(installed.image()).isEmpty();
        assertThat(home.resolve("lessons/00-welcome.adoc")).hasContent("= Welcome");
        assertThat(Files.isExecutable(home.resolve("bin/streamlab"))).isTrue();
        assertThat(Files.isExecutable(home.resolve("app/streamlab.jar"))).isFalse();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(home)))
                .isEqualTo("rwxr-xr-x");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(kit)))
                .isEqualTo("rwxr-xr-x");
        assertThat(leftovers()).isEmpty();
        try (Stream<Path> parent = Files.list(temp.resolve("home"))) {
            assertThat(parent).containsExactly(home);
        }
    }

    @Test
    void aMissingFileIsNamedAndNothingIsInstalled() throws IOException {
        Path kit = kit(goodDistribution());
        Files.delete(kit.resolve("streamlab-9.9.tar.gz"));

        assertThatThrownBy(() -> new KitInstaller(progress::add).install(kit, temp.resolve("streamlab")))
                .isInstanceOf(KitException.class)
                .hasMessageContaining("streamlab-9.9.tar.gz is missing")
                .hasMessageContaining("copy the whole kit folder again");
        assertThat(temp.resolve("streamlab")).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aDamagedFileIsNamedAndAnEarlierInstallationStaysAsItWas() throws IOException {
        Path kit = kit(goodDistribution());
        Path home = temp.resolve("streamlab");
        new KitInstaller(progress::add).install(kit, home);
        Files.writeString(home.resolve("lessons/mine.txt"), "an earlier installation");

        byte[] bytes = Files.readAllBytes(kit.resolve("streamlab-9.9.tar.gz"));
        bytes[bytes.length / 2] ^= 0x01; // one bit flipped on a worn stick
        Files.write(kit.resolve("streamlab-9.9.tar.gz"), bytes);

        assertThatThrownBy(() -> new KitInstaller(progress::add).install(kit, home))
                .isInstanceOf(KitException.class)
                .hasMessage("The kit's file streamlab-9.9.tar.gz is damaged (its SHA-256 differs from CHECKSUMS):"
                        + " copy it from the kit again.");
        assertThat(home.resolve("lessons/mine.txt")).hasContent("an earlier installation");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void bytesAfterTheArchivesEndAreCheckedTooThoughTheArchiveUnpacks() throws IOException {
        Path kit = kit(goodDistribution());
        Files.write(kit.resolve("streamlab-9.9.tar.gz"), new byte[] {0x42}, java.nio.file.StandardOpenOption.APPEND);
        Path home = temp.resolve("streamlab");

        assertThatThrownBy(() -> new KitInstaller(progress::add).install(kit, home))
                .isInstanceOf(KitException.class)
                .hasMessage("The kit's file streamlab-9.9.tar.gz is damaged (its SHA-256 differs from CHECKSUMS):"
                        + " copy it from the kit again.");
        assertThat(home).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aKitWithoutChecksumsIsNotInstalled() throws IOException {
        Path kit = kit(goodDistribution());
        Files.delete(kit.resolve(Checksums.FILE));

        assertThatThrownBy(() -> new KitInstaller(progress::add).install(kit, temp.resolve("streamlab")))
                .isInstanceOf(KitException.class)
                .hasMessageContaining("CHECKSUMS is missing");
        assertThat(temp.resolve("streamlab")).doesNotExist();
    }

    @Test
    void aKitFolderThatDoesNotExistIsNamed() {
        assertThatThrownBy(() ->
                        new KitInstaller(progress::add).install(temp.resolve("no-such-kit"), temp.resolve("streamlab")))
                .isInstanceOf(KitException.class)
                .hasMessageContaining("There is no kit folder at " + temp.resolve("no-such-kit"));
    }

    @Test
    void installingAgainReplacesTheEarlierInstallation() throws IOException {
        Path kit = kit(goodDistribution());
        Path home = temp.resolve("streamlab");
        new KitInstaller(progress::add).install(kit, home);
        Files.writeString(home.resolve("stale.txt"), "from the first install");

        new KitInstaller(progress::add).install(kit, home);

        assertThat(home.resolve("stale.txt")).doesNotExist();
        assertThat(home.resolve("bin/streamlab")).exists();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aFolderWithOtherFilesIsNeverWrittenOver() throws IOException {
        Path kit = kit(goodDistribution());
        Path documents = Files.createDirectories(temp.resolve("Documents"));
        Files.writeString(documents.resolve("thesis.txt"), "precious");

        assertThatThrownBy(() -> new KitInstaller(progress::add).install(kit, documents))
                .isInstanceOf(KitException.class)
                .hasMessageContaining(
                        "holds other files and no streamlab installation: choose a new or empty folder with --to");
        try (Stream<Path> files = Files.list(documents)) {
            assertThat(files).containsExactly(documents.resolve("thesis.txt"));
        }
        assertThat(documents.resolve("thesis.txt")).hasContent("precious");
    }

    @Test
    void anArchiveWithAnEntryOutsideItsFolderWritesNothing() throws IOException {
        Path hostile = distribution(Map.of(
                "streamlab-9.9/streamlab.dist", "version=9.9\n",
                "streamlab-9.9/../../escaped.txt", "outside"));
        Path kit = kit(hostile);

        assertThatThrownBy(() -> new KitInstaller(progress::add).install(kit, temp.resolve("a/b/streamlab")))
                .isInstanceOf(KitException.class)
                .hasMessageContaining("holds an entry outside its folder");
        assertThat(temp.resolve("escaped.txt")).doesNotExist();
        assertThat(temp.resolve("a/escaped.txt")).doesNotExist();
        assertThat(temp.resolve("a/b/streamlab")).doesNotExist();
        try (Stream<Path> files = Files.list(temp.resolve("a/b"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anArchiveThatIsNoDistributionIsRefused() throws IOException {
        Path kit = kit(distribution(Map.of("streamlab-9.9/README.txt", "just a readme")));

        assertThatThrownBy(() -> new KitInstaller(progress::add).install(kit, temp.resolve("streamlab")))
                .isInstanceOf(KitException.class)
                .hasMessageContaining("is not a streamlab distribution");
        assertThat(temp.resolve("streamlab")).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void makingAKitNeedsTheDistributionAndANewOrEmptyFolder() throws IOException {
        KitMaker maker = new KitMaker(progress::add);
        assertThatThrownBy(() -> maker.make(
                        temp.resolve("streamlab-9.9.tar.gz"),
                        "9.9",
                        Optional.empty(),
                        (i, f) -> {},
                        temp.resolve("kit")))
                .isInstanceOf(KitException.class)
                .hasMessageContaining("There is no distribution at")
                .hasMessageContaining("-Pdist");
        assertThat(temp.resolve("kit")).doesNotExist();

        Path distribution = goodDistribution();
        Path full = Files.createDirectories(temp.resolve("full"));
        Files.writeString(full.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> maker.make(distribution, "9.9", Optional.empty(), (i, f) -> {}, full))
                .isInstanceOf(KitException.class)
                .hasMessageContaining("is not empty");
        assertThat(full.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void aFailedImageSaveLeavesNoHalfKit() throws IOException {
        Path distribution = goodDistribution();
        KitMaker maker = new KitMaker(progress::add);
        assertThatThrownBy(() -> maker.make(
                        distribution,
                        "9.9",
                        Optional.of("streamlab/kafka:test"),
                        (image, file) -> {
                            Files.writeString(file, "half an image");
                            throw new IOException("no space left on device");
                        },
                        temp.resolve("kit")))
                .isInstanceOf(KitException.class)
                .hasMessageContaining("no space left on device");
        assertThat(temp.resolve("kit")).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void theImageGoesInUnderItsNameAndIsCoveredByTheChecksums() throws IOException {
        Path kit = new KitMaker(progress::add)
                .make(
                        goodDistribution(),
                        "9.9",
                        Optional.of("streamlab/kafka:4.4.0-local"),
                        (image, file) -> Files.writeString(file, "saved " + image),
                        temp.resolve("kit"))
                .dir();

        assertThat(kit.resolve("kafka-image-streamlab-kafka-4.4.0-local.tar"))
                .hasContent("saved streamlab/kafka:4.4.0-local");
        assertThat(Checksums.verify(kit)).contains("kafka-image-streamlab-kafka-4.4.0-local.tar");
        KitInstaller.Installed installed = new KitInstaller(progress::add).install(kit, temp.resolve("streamlab"));
        assertThat(installed.image()).contains("streamlab/kafka:4.4.0-local");
        assertThat(installed.imageFile()).contains(kit.resolve("kafka-image-streamlab-kafka-4.4.0-local.tar"));
    }

    @Test
    void aLinkInsideTheFolderIsKeptAndOneOutsideIsRefused() throws IOException {
        Path inside = temp.resolve("inside.tar.gz");
        writeWithLink(inside, "../app/streamlab.jar");
        Path kit = new KitMaker(progress::add)
                .make(rename(inside), "9.9", Optional.empty(), (i, f) -> {}, temp.resolve("kit"))
                .dir();
        KitInstaller.Installed installed = new KitInstaller(progress::add).install(kit, temp.resolve("streamlab"));
        assertThat(Files.isSymbolicLink(installed.home().resolve("legal/LICENSE")))
                .isTrue();
        assertThat(installed.home().resolve("legal/LICENSE")).hasContent("not really a jar");

        Path outside = temp.resolve("outside.tar.gz");
        writeWithLink(outside, "../../../../etc/passwd");
        Path other = new KitMaker(progress::add)
                .make(rename(outside), "9.9", Optional.empty(), (i, f) -> {}, temp.resolve("kit2"))
                .dir();
        assertThatThrownBy(() -> new KitInstaller(progress::add).install(other, temp.resolve("streamlab2")))
                .isInstanceOf(KitException.class)
                .hasMessageContaining("holds a link that points outside its folder");
        assertThat(temp.resolve("streamlab2")).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aFileThisInstallDoesNotUseMayBeMissing() throws IOException {
        Path distribution = goodDistribution();
        Files.copy(distribution, temp.resolve("streamlab-9.9.zip")); // stands in for the Windows archive
        Path kit = kit(distribution);
        assertThat(kit.resolve("streamlab-9.9.zip")).exists();
        Files.delete(kit.resolve("streamlab-9.9.zip"));

        assertThat(new KitInstaller(progress::add)
                        .install(kit, temp.resolve("streamlab"), false, false)
                        .archive())
                .isEqualTo(KitInstaller.windows() ? "streamlab-9.9.zip" : "streamlab-9.9.tar.gz");
    }

    private Path rename(Path archive) throws IOException {
        Path dir = Files.createTempDirectory(temp, "dist");
        return Files.move(archive, dir.resolve("streamlab-9.9.tar.gz"));
    }

    private static void writeWithLink(Path archive, String linkTarget) throws IOException {
        try (OutputStream out = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (String[] file : new String[][] {
                {"streamlab-9.9/streamlab.dist", "version=9.9\n"},
                {"streamlab-9.9/app/streamlab.jar", "not really a jar"}
            }) {
                byte[] bytes = file[1].getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file[0]);
                entry.setSize(bytes.length);
                tar.putArchiveEntry(entry);
                tar.write(bytes);
                tar.closeArchiveEntry();
            }
            TarArchiveEntry link = new TarArchiveEntry("streamlab-9.9/legal/LICENSE", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName(linkTarget);
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
    }
}
