package dev.streamlab.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary directory that a cluster owns, marked with the id of the process that made it,
 * so that a later run can remove what a crashed run (kill -9, power loss) left behind.
 */
final class ScratchDirectory {

    private static final String PREFIX = "streamlab-cluster-";
    private static final String OWNER_FILE = "owner.pid";

    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    static ScratchDirectory create() {
        Path parent = Paths.get(System.getProperty("java.io.tmpdir"));
        try {
            reapLeftovers(parent);
            Path dir = Files.createTempDirectory(parent, PREFIX);
            Files.writeString(dir.resolve(OWNER_FILE), String.valueOf(ProcessHandle.current().pid()));
            return new ScratchDirectory(dir);
        } catch (IOException e) {
            throw new ClusterException("Cannot write a temporary directory in " + parent + " (" + e.getMessage() + ")."
                    + " Free some disk space, or point TMPDIR at a folder you can write.", e);
        }
    }

    Path path() {
        return path;
    }

    Path resolve(String name) {
        return path.resolve(name);
    }

    void delete() {
        deleteRecursively(path);
    }

    /** Removes directories of ours whose owning process is gone. */
    static void reapLeftovers(Path parent) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, PREFIX + "*")) {
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

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
