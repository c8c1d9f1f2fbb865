package dev.streamlab.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;

/**
 * Removes a folder and everything in it, however large and however its owner left it: streaming (one walk with
 * {@link Files#walkFileTree}, deleting each folder after its contents, so memory does not grow with the number of
 * files), giving the owner back the permissions a folder lacks (a {@code chmod 000} folder left by a learner's code
 * cannot be entered, a {@code chmod 500} one cannot be emptied) and never throwing: what cannot be removed stays.
 */
public final class FileTrees {

    /** Rounds over the tree: each one removes what the one before could not yet (a folder opened up during it). */
    private static final int MAX_ROUNDS = 4;

    private FileTrees() {}

    /**
     * Removes {@code root} (a folder, a file or a link; a link is removed, never followed) and everything under it.
     *
     * @return true when nothing of it is left
     */
    public static boolean deleteQuietly(Path root) {
        try {
            for (int round = 0; round < MAX_ROUNDS && exists(root); round++) {
                Remover remover = new Remover();
                Deque<Path> todo = new ArrayDeque<>();
                todo.add(root);
                while (!todo.isEmpty()) {
                    try {
                        Files.walkFileTree(todo.poll(), remover);
                    } catch (IOException | RuntimeException e) {
                        // Best effort: the next round, or the next run, removes the rest.
                    }
                    todo.addAll(remover.opened);
                    remover.opened.clear();
                }
                if (!remover.progress) {
                    break;
                }
            }
            return !exists(root);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Copies a tree: every folder and file under {@code from} to the same place under {@code to}, replacing what is
     * there. Nothing when {@code from} is not a folder.
     */
    public static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (var files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    private static final class Remover extends SimpleFileVisitor<Path> {
        /** Folders that could not be entered and were given their owner's permissions: walked next. */
        final Deque<Path> opened = new ArrayDeque<>();

        boolean progress;

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            delete(file);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            // A folder that cannot be opened (no read or execute permission for its owner): open it, walk it after.
            if (e instanceof AccessDeniedException
                    && grantOwner(
                            file,
                            PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.OWNER_EXECUTE)) {
                opened.add(file);
                progress = true;
            } else {
                delete(file);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            delete(dir);
            return FileVisitResult.CONTINUE;
        }

        private void delete(Path p) {
            try {
                Files.deleteIfExists(p);
                progress = true;
            } catch (AccessDeniedException denied) {
                // Its folder may not be writable (chmod 500): give the owner write permission there, and try again
                // once.
                Path parent = p.getParent();
                if (parent != null
                        && grantOwner(parent, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)) {
                    try {
                        Files.deleteIfExists(p);
                        progress = true;
                    } catch (IOException | RuntimeException stillHeld) {
                        // Left for the next round.
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Not empty (a folder not yet opened), or held: left for the next round.
            }
        }
    }

    /**
     * Adds these permissions for the owner of the folder {@code dir}; false if it had them already, is not a folder, or
     * they cannot be set. (With {@code chmod}, not {@code fchmod}: the JDK's no-follow way opens the folder first, which a
     * folder without permissions refuses. It was seen as a folder, not a link, just before; no learner's process is alive
     * when the grader cleans up.)
     */
    private static boolean grantOwner(Path dir, PosixFilePermission... wanted) {
        try {
            PosixFileAttributes attributes =
                    Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isDirectory()) {
                return false;
            }
            Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
            permissions.addAll(attributes.permissions());
            if (!permissions.addAll(Set.of(wanted))) {
                return false;
            }
            Files.setPosixFilePermissions(dir, permissions);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
