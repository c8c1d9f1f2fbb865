package dev.streamlab.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * What gets compiled: a copy of the learner's {@code .java} files, never the folder itself. Symbolic links, devices
 * and other special files, files too large, names that are not plain ASCII identifiers, and classes in packages the
 * learner may not write (the grader's, JUnit's, Java's, and the packages of the lab's checks) are refused with a
 * message naming the file. So is a file whose {@code package} line (read by {@link PackageDeclaration}, whatever folder
 * the file is in) is not the lab's own package or one inside it, or is the checks' package. Other files (notes, build files, {@code META-INF/...}) are left out: the check JVM sees
 * only compiled classes, so no service file of the submission can register itself with JUnit.
 */
final class SubmissionCopy {

    static final long MAX_FILE_BYTES = 1 << 20;
    static final long MAX_TOTAL_BYTES = 8L << 20;
    static final int MAX_FILES = 500;
    static final int MAX_DEPTH = 16;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_$][A-Za-z0-9_$.\\-]{0,99}");
    private static final List<String> FORBIDDEN_PACKAGES = List.of(
            "dev/streamlab/",
            "org/junit/",
            "java/",
            "javax/",
            "jdk/",
            "sun/",
            "org/opentest4j/",
            "org/apache/kafka/",
            "com/fasterxml/");

    /** The copy's outcome: empty problems mean every file was copied. */
    record Result(List<String> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private SubmissionCopy() {}

    /**
     * The lab's own packages, where a submission's classes belong: the folders under its {@code starter/}, such as
     * {@code lab05}.
     */
    static Set<String> labPackages(Lab lab) {
        Set<String> packages = new TreeSet<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(lab.starter())) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (Files.isDirectory(dir) && SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name)) {
                    packages.add(name);
                }
            }
        } catch (IOException | RuntimeException e) {
            // No starter folder: no package of the lab's own to keep to (the grader's and the checks' are still
            // refused).
        }
        return packages;
    }

    /**
     * @param checkPackages folders such as {@code lab05/checks/} that hold the lab's checks: a submission may not put
     *                      classes there, nor declare their packages anywhere
     * @param labPackages   the lab's own packages ({@link #labPackages}): each {@code .java} file must declare one of them
     *                      or a package inside one (but {@code lab05.checks}); empty, any package but those refused
     */
    static Result copy(Path submission, Path target, Set<String> checkPackages, Set<String> labPackages)
            throws IOException {
        Set<String> checks = new TreeSet<>();
        checkPackages.forEach(folder -> checks.add(folder.replaceAll("/+$", "").replace('/', '.')));
        labPackages.forEach(pkg -> checks.add(pkg + ".checks"));
        List<String> problems = new ArrayList<>();
        long[] total = {0};
        int[] files = {0};
        Files.createDirectories(target);
        if (Files.isSymbolicLink(submission)) {
            return new Result(
                    List.of("The submission folder is a symbolic link; point --submission at the folder itself."));
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
                    problems.add(shown(submission, dir)
                            + ": a folder name with characters other than letters, digits, '_', '-' and '.'."
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
                        problems.add(
                                relative + ": a file name with characters other than letters, digits, '_', '-' and '.'."
                                        + " Name the file after its class.");
                    }
                } else if (name.endsWith(".java")) {
                    String path = submission.relativize(file).toString();
                    if (FORBIDDEN_PACKAGES.stream().anyMatch(path::startsWith)
                            || checkPackages.stream().anyMatch(path::startsWith)) {
                        problems.add(relative
                                + ": a class in a package that belongs to the grader, a library or the lab's checks."
                                + " Keep your classes in the starter's packages.");
                    } else if (attrs.size() > MAX_FILE_BYTES) {
                        problems.add(relative + ": too large (" + attrs.size() / 1024 + " KB; at most "
                                + MAX_FILE_BYTES / 1024 + " KB per file).");
                    } else if (++files[0] > MAX_FILES) {
                        problems.add("More than " + MAX_FILES + " .java files; submit only your code.");
                        return FileVisitResult.TERMINATE;
                    } else if ((total[0] += attrs.size()) > MAX_TOTAL_BYTES) {
                        problems.add("More than " + MAX_TOTAL_BYTES / (1 << 20)
                                + " MB of .java files; submit only your code.");
                        return FileVisitResult.TERMINATE;
                    } else {
                        // NOFOLLOW_LINKS: a file swapped for a link since the walk saw it is not followed. The bytes
                        // judged are the bytes copied.
                        byte[] bytes;
                        try (var in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                            bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
                        }
                        if (bytes.length > MAX_FILE_BYTES) {
                            problems.add(relative + ": too large (it grew while being copied).");
                            return FileVisitResult.CONTINUE;
                        }
                        String wrongPackage =
                                wrongPackage(relative, new String(bytes, StandardCharsets.UTF_8), labPackages, checks);
                        if (wrongPackage != null) {
                            problems.add(wrongPackage);
                            return FileVisitResult.CONTINUE;
                        }
                        Path copy = target.resolve(path);
                        Files.createDirectories(copy.getParent());
                        Files.write(copy, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                problems.add(shown(submission, file) + ": cannot be read ("
                        + e.getClass().getSimpleName() + ").");
                return FileVisitResult.CONTINUE;
            }
        });
        return new Result(problems);
    }

    /**
     * Why this file's package declaration is refused (with its file, line and what to write instead), or null: a class
     * outside the lab's packages, or in its checks' package, could stand in for a class of the checks, of Kafka or of the
     * grader on the check JVM's class path, whatever folder the file is in.
     */
    static String wrongPackage(String relative, String source, Set<String> labPackages, Set<String> checkPackages) {
        PackageDeclaration declared = PackageDeclaration.of(source);
        String name = declared.name();
        String where = relative + ":" + declared.line() + ": ";
        String own = labPackages.isEmpty() ? "" : String.join(" or ", labPackages);
        String example = labPackages.isEmpty() ? "" : labPackages.iterator().next();
        String keep = labPackages.isEmpty()
                ? " Put your classes in the starter's packages."
                : " Put your classes in package " + own + " (or a package inside it, such as " + example + ".util) and"
                        + " start the file with 'package " + example + ";'.";
        for (String check : checkPackages) {
            if (within(name, check)) {
                return where + "declares package " + VisibleText.of(name) + ", the package of the lab's checks." + keep;
            }
        }
        if (labPackages.isEmpty() || labPackages.stream().anyMatch(pkg -> within(name, pkg))) {
            return null;
        }
        if (name.isEmpty()) {
            return where + "declares no package (or one the compiler cannot read)." + keep;
        }
        return where + "declares package " + VisibleText.of(name) + ", which is not the lab's." + keep;
    }

    private static boolean within(String pkg, String parent) {
        return pkg.equals(parent) || pkg.startsWith(parent + ".");
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
