package dev.streamlab.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Run in a JVM of its own with a small heap by {@link FileTreesTest}: makes a tree of many files with folders its owner
 * cannot enter or empty (as a learner's code leaves them), removes it, and prints what is left.
 * Arguments: the folder to make, how many files, and {@code walk} (FileTrees) or {@code sorted} (the old way, to compare).
 */
public final class TreeRemovalProbe {

    private TreeRemovalProbe() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        int files = Integer.parseInt(args[1]);
        Path many = Files.createDirectories(root.resolve("many"));
        for (int i = 0; i < files; i++) {
            Path folder = many.resolve(String.format("folder-with-a-longish-name-%03d", i / 1000));
            if (i % 1000 == 0) {
                Files.createDirectories(folder);
            }
            Files.createFile(
                    folder.resolve(String.format("a-file-with-a-name-long-enough-to-cost-memory-%06d.txt", i)));
        }
        Path locked = Files.createDirectories(root.resolve("locked/inner"));
        Files.writeString(locked.resolve("secret.txt"), "x");
        Path readOnly = Files.createDirectories(root.resolve("read-only"));
        Files.writeString(readOnly.resolve("kept.txt"), "x");
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-x------"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(locked.getParent(), PosixFilePermissions.fromString("---------"));
        boolean lockedOut = !Files.isReadable(locked.getParent());
        System.out.println("created " + files + " files; locked folder unreadable: " + lockedOut);

        boolean removed;
        if ("sorted".equals(args[2])) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            removed = !Files.exists(root);
        } else {
            removed = FileTrees.deleteQuietly(root);
        }
        System.out.println("removed: " + removed + "; left: " + Files.exists(root));
    }
}
