package dev.streamlab.cluster;

import dev.streamlab.files.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temporary directory that streamlab owns (a cluster's data, a grader's work, a Connect worker's offsets), marked
 * with the id of the process that made it, so that a later run removes what a crashed run (kill -9, power loss)
 * left behind. Each kind has its own name prefix, and only that kind's leftovers are reaped when one is made.
 */
public final class ScratchDirectory implements AutoCloseable {

    private static final String OWNER_FILE = "owner.pid";

    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    /** A cluster's data directory, in the system's temporary folder. */
    static ScratchDirectory create() {
        return create("cluster");
    }

    /** A new directory {@code streamlab-PURPOSE-...} in the system's temporary folder. */
    public static ScratchDirectory create(String purpose) {
        return create(Path.of(System.getProperty("java.io.tmpdir")), purpose);
    }

    public static ScratchDirectory create(Path parent, String purpose) {
        String prefix = "streamlab-" + purpose + "-";
        try {
            reapLeftovers(parent, prefix);
            Path dir = Files.createTempDirectory(parent, prefix);
            Files.writeString(
                    dir.resolve(OWNER_FILE),
                    String.valueOf(ProcessHandle.current().pid()));
            return new ScratchDirectory(dir);
        } catch (IOException e) {
            throw new ClusterException(
                    "Cannot write a temporary directory in " + parent + " (" + e.getMessage() + ")."
                            + " Free some disk space, or point TMPDIR at a folder you can write.",
                    e);
        }
    }

    public Path path() {
        return path;
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }

    /** Removes the directory and everything in it; a file another process still holds stays for the next reaping. */
    public void delete() {
        deleteRecursively(path);
    }

    @Override
    public void close() {
        delete();
    }

    /** Removes directories of this kind whose owning process is gone. */
    private static void reapLeftovers(Path parent, String prefix) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, prefix + "*")) {
            for (Path dir : dirs) {
                if (ownerIsGone(dir)) {
                    deleteRecursively(dir);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Leftovers are only tidied up on a best-effort basis.
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

    /** Streaming and never fatal (see {@link FileTrees}): what another process still holds stays for the next reaping. */
    private static void deleteRecursively(Path dir) {
        if (dir != null) {
            FileTrees.deleteQuietly(dir);
        }
    }
}
