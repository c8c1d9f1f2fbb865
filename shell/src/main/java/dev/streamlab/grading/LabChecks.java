package dev.streamlab.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A lab's checks as one grade needs them: compiled, and the folders where a submission may not put classes. */
final class LabChecks {

    private LabChecks() {}

    /** The folders of the lab's check sources (such as {@code lab05/checks/}): a submission may not put classes there. */
    static Set<String> checkPackages(Lab lab) throws IOException {
        Set<String> packages = new java.util.TreeSet<>();
        for (Path root : List.of(lab.visibleChecks(), lab.hiddenChecks())) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(p -> p.toString().endsWith(".java"))
                            .map(p -> root.relativize(p.getParent()).toString())
                            .filter(d -> !d.isEmpty())
                            .forEach(d -> packages.add(d + "/"));
                }
            }
        }
        return packages;
    }

    /** The compiled checks of one grade: their folders in its work folder, and the key of their compilation. */
    record CompiledChecks(String key, List<Path> roots, Set<String> visibleClasses, List<String> errors) {}

    /**
     * The lab's checks, compiled against streamlab alone: they never see the learner's classes. Compiled once per grader
     * process ({@link CompiledCheckCache}); each grade gets its own copy.
     */
    static CompiledChecks compile(Lab lab, boolean visibleOnly, Path work, String classpath) throws IOException {
        boolean withHidden = !visibleOnly && Files.isDirectory(lab.hiddenChecks());
        String key = CompiledCheckCache.key(
                withHidden ? List.of(lab.visibleChecks(), lab.hiddenChecks()) : List.of(lab.visibleChecks()),
                classpath,
                !withHidden);
        List<String> errors = CompiledCheckCache.compiledInto(work.resolve("checks"), key, output -> {
            JavaCompilation.Result v =
                    JavaCompilation.compile(lab.visibleChecks(), classpath, output.resolve("checks-visible"));
            if (!v.success() || !withHidden) {
                return v.errors();
            }
            return JavaCompilation.compile(
                            lab.hiddenChecks(),
                            classpath + java.io.File.pathSeparator + output.resolve("checks-visible"),
                            output.resolve("checks-hidden"))
                    .errors();
        });
        if (!errors.isEmpty()) {
            return new CompiledChecks(key, List.of(), Set.of(), errors);
        }
        Path compiled = work.resolve("checks");
        List<Path> roots = new ArrayList<>(List.of(compiled.resolve("checks-visible")));
        if (withHidden) {
            roots.add(compiled.resolve("checks-hidden"));
        }
        return new CompiledChecks(key, roots, classNames(compiled.resolve("checks-visible")), List.of());
    }

    private static Set<String> classNames(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> root.relativize(p)
                            .toString()
                            .replace(java.io.File.separatorChar, '.')
                            .replaceAll("\\.class$", ""))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        }
    }
}
