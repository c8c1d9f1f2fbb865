package dev.streamlab.kit;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Removing a folder tree (a staging folder, an old installation), without following links. */
final class Installs {

    private Installs() {}

    /**
     * A new folder beside {@code target} (same file system, so it can be moved into place), readable by everyone as an
     * installation or a shared kit should be (a temporary folder is the owner's alone).
     */
    static Path stagingBeside(Path target, String kind) throws IOException {
        Path dir = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + "-" + kind + "-");
        try {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: it inherits its parent's access
        }
        return dir;
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort: what is left is named by the caller's message
        }
    }
}
