package dev.streamlab.grading;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What gets compiled: a copy of the learner's {@code .java} files, never the folder itself. Symbolic links, devices
 * and other special files, files too large, names that are not plain ASCII identifiers, and classes in packages the
 * learner may not write (the grader's, JUnit's, Java's, and the packages of the lab's checks) are refused with a
 * message naming the file. Other files (notes, build files, {@code META-INF/...}) are left out: the check JVM sees
 * only compiled classes, so no service file of the submission can register itself with JUnit.
 */
final class SubmissionCopy {

    static final long MAX_FILE_BYTES = 1 << 20;
    static final long MAX_TOTAL_BYTES = 8L << 20;
    static final int MAX_FILES = 500;
    static final int MAX_DEPTH = 16;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_$][A-Za-z0-9_$.\\-]{0,99}");
    private static final List<String> FORBIDDEN_PACKAGES = List.of("dev/streamlab/", "org/junit/", "java/", "javax/", "jdk/",
            "sun/", "org/opentest4j/", "org/apache/kafka/", "com/fasterxml/");

    /** The copy's outcome: empty problems mean every file was copied. */
    record Result(List<String> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private SubmissionCopy() {
    }

    /**
     * @param checkPackages folders such as {@code lab05/checks/} that hold the lab's checks: a submission may not put classes there
     */
    static Result copy(Path submission, Path target, Set<String> checkPackages) throws IOException {
        List<String> problems = new ArrayList<>();
        long[] total = {0};
        int[] files = {0};
        Files.createDirectories(target);
        if (Files.isSymbolicLink(submission)) {
            return new Result(List.of("The submission folder is a symbolic link; point --submission at the folder itself."));
        }
        Files.walkFileTree(submission, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.equals(submission)) {
                    return FileVisitResult.CONTINUE;
                }
                String name = dir.getFileName().toString();
                if (name.startsWith(".") || "target".equals(name) || "build".equals(name)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!NAME.matcher(name).matches()) {
                    problems.add(shown(submission, dir) + ": a folder name with characters other than letters, digits, '_', '-' and '.'."
                            + " Rename it.");
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                String relative = shown(submission, file);
                if (attrs.isSymbolicLink()) {
                    problems.add(relative + ": a symbolic link. Submit the file itself, not a link to it.");
                } else if (!attrs.isRegularFile()) {
                    if (attrs.isDirectory()) {
                        problems.add(relative + ": folders nested more than " + MAX_DEPTH + " deep.");
                    } else {
                        problems.add(relative + ": not an ordinary file (a device, a pipe or a socket). Remove it.");
                    }
                } else if (!NAME.matcher(name).matches()) {
                    if (name.endsWith(".java")) {
                        problems.add(relative + ": a file name with characters other than letters, digits, '_', '-' and '.'."
                                + " Name the file after its class.");
                    }
                } else if (name.endsWith(".java")) {
                    String path = submission.relativize(file).toString();
                    if (FORBIDDEN_PACKAGES.stream().anyMatch(path::startsWith) || checkPackages.stream().anyMatch(path::startsWith)) {
                        problems.add(relative + ": a class in a package that belongs to the grader, a library or the lab's checks."
                                + " Keep your classes in the starter's packages.");
                    } else if (attrs.size() > MAX_FILE_BYTES) {
                        problems.add(relative + ": too large (" + attrs.size() / 1024 + " KB; at most " + MAX_FILE_BYTES / 1024
                                + " KB per file).");
                    } else if (++files[0] > MAX_FILES) {
                        problems.add("More than " + MAX_FILES + " .java files; submit only your code.");
                        return FileVisitResult.TERMINATE;
                    } else if ((total[0] += attrs.size()) > MAX_TOTAL_BYTES) {
                        problems.add("More than " + MAX_TOTAL_BYTES / (1 << 20) + " MB of .java files; submit only your code.");
                        return FileVisitResult.TERMINATE;
                    } else {
                        Path copy = target.resolve(path);
                        Files.createDirectories(copy.getParent());
                        // NOFOLLOW_LINKS: a file swapped for a link since the walk saw it is not followed.
                        try (var in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                            long copied = Files.copy(in, copy);
                            if (copied > MAX_FILE_BYTES) {
                                problems.add(relative + ": too large (it grew while being copied).");
                            }
                        }
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                problems.add(shown(submission, file) + ": cannot be read (" + e.getClass().getSimpleName() + ").");
                return FileVisitResult.CONTINUE;
            }
        });
        return new Result(problems);
    }

    /** A path for a message: relative, and with anything that is not printable ASCII shown as '?'. */
    static String shown(Path base, Path file) {
        String s;
        try {
            s = base.relativize(file).toString();
        } catch (RuntimeException e) {
            s = String.valueOf(file.getFileName());
        }
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return b.toString();
    }
}
