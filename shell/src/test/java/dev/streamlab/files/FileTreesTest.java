package dev.streamlab.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.streamlab.jvm.JavaCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a learner's code leaves in a scratch folder is removed whatever it is: tens of thousands of files (without the
 * heap growing with them) and folders its owner cannot enter or empty.
 */
class FileTreesTest {

    /** Nobody's ids: a grader that is root reads any folder, so the locked folder is tried as an ordinary user. */
    private static final int NOBODY = 65534;

    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    @TempDir
    Path temp;

    /**
     * 50,000 files, a {@code chmod 000} folder (with a locked one inside) and a {@code chmod 500} one, removed by a JVM
     * with an 8 MB heap. (Files.walk(...).sorted(reverseOrder()) ran out of heap at 8 MB on this tree, and threw at the
     * locked folder.)
     */
    @Test
    void fiftyThousandFilesAndALockedFolderGoUnderASmallHeap() throws Exception {
        boolean root = "root".equals(ProcessHandle.current().info().user().orElse(""));
        if (root) {
            assumeThat(Files.isExecutable(SETPRIV))
                    .as("setpriv, to try the locked folder as an ordinary user")
                    .isTrue();
        }
        // In memory where there is /dev/shm: 50,000 files take seconds to make on a disk, a tenth of one there.
        Path shm = Path.of("/dev/shm");
        Path base = Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "streamlab-file-trees-")
                : temp;
        try {
            Path parent = base;
            if (root) {
                Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx--x--x"));
                parent = Files.createDirectory(base.resolve("nobody"));
                Files.setAttribute(parent, "unix:uid", NOBODY);
                Files.setAttribute(parent, "unix:gid", NOBODY);
            }
            Path tree = parent.resolve("scratch");
            List<String> command = new ArrayList<>();
            if (root) {
                command.addAll(
                        List.of(SETPRIV.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
            }
            command.addAll(JavaCommand.ofThisJdk()
                    .option("-Xmx8m")
                    .option("-XX:+UseSerialGC")
                    .option("-XX:-UsePerfData")
                    .classPath(List.of(codeSource(FileTrees.class), codeSource(TreeRemovalProbe.class)))
                    .main(TreeRemovalProbe.class.getName(), tree.toString(), "50000", "walk")
                    .toList());

            Process probe =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(probe.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(out)
                    .doesNotContain("OutOfMemoryError")
                    .contains("created 50000 files; locked folder unreadable: true")
                    .contains("removed: true; left: false");
            assertThat(probe.exitValue()).as(out).isZero();
            assertThat(tree).doesNotExist();
        } finally {
            FileTrees.deleteQuietly(base);
        }
    }

    @Test
    void aLinkIsRemovedNotFollowed() throws IOException {
        Path kept = Files.createDirectories(temp.resolve("kept"));
        Files.writeString(kept.resolve("file.txt"), "stays");
        Path tree = Files.createDirectories(temp.resolve("tree"));
        Files.createSymbolicLink(tree.resolve("link"), kept);

        assertThat(FileTrees.deleteQuietly(tree)).isTrue();

        assertThat(tree).doesNotExist();
        assertThat(kept.resolve("file.txt")).hasContent("stays");
    }

    @Test
    void nothingThereIsNothingToDo() {
        assertThat(FileTrees.deleteQuietly(temp.resolve("never-made"))).isTrue();
    }

    private static Path codeSource(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
