package dev.streamlab.grading;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Where each check method of a lab is written: its file, line and place in the source, and for a visible check its
 * code. Reports use it: a line number and the code to show for visible checks (never for hidden ones), and the checks
 * in the order they are written. Read with javac's parser, not run.
 */
final class CheckSources {

    /** One check method in the lab's sources. */
    record Place(String file, long line, int order, String code, boolean visible, int points) {}

    private final Map<String, Place> byClassAndMethod;

    private CheckSources(Map<String, Place> byClassAndMethod) {
        this.byClassAndMethod = byClassAndMethod;
    }

    /** The places of every check of the lab; an unreadable source just has none. */
    static CheckSources of(Lab lab) {
        Map<String, Place> places = new HashMap<>();
        int order = 0;
        for (Path root : List.of(lab.visibleChecks(), lab.hiddenChecks())) {
            boolean visible = root.equals(lab.visibleChecks());
            for (Path file : javaFiles(root)) {
                order = parse(root, file, visible, order, places);
            }
        }
        return new CheckSources(places);
    }

    /** The place of this check's method, if it is in the lab's sources. */
    Optional<Place> of(CheckResult check) {
        return Optional.ofNullable(byClassAndMethod.get(check.className() + "#" + check.methodName()));
    }

    private static int parse(Path root, Path file, boolean visible, int order, Map<String, Place> places) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            return order;
        }
        try (StandardJavaFileManager files =
                compiler.getStandardFileManager(null, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) compiler.getTask(
                    null, files, diagnostic -> {}, List.of("-proc:none"), null, files.getJavaFileObjects(file));
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            String source = Files.readString(file, StandardCharsets.UTF_8);
            int next = order;
            for (CompilationUnitTree unit : task.parse()) {
                String pkg = unit.getPackageName() == null ? "" : unit.getPackageName() + ".";
                for (Tree type : unit.getTypeDecls()) {
                    if (type instanceof ClassTree klass) {
                        for (Tree member : klass.getMembers()) {
                            if (member instanceof MethodTree method && isTest(method)) {
                                long start = positions.getStartPosition(unit, method);
                                long end = positions.getEndPosition(unit, method);
                                String code = visible && start >= 0 && end > start
                                        ? source.substring((int) start, (int) end)
                                        : "";
                                places.put(
                                        pkg + klass.getSimpleName() + "#" + method.getName(),
                                        new Place(
                                                root.relativize(file).toString(),
                                                unit.getLineMap().getLineNumber(start),
                                                next++,
                                                code,
                                                visible,
                                                points(method)));
                            }
                        }
                    }
                }
            }
            return next;
        } catch (IOException | RuntimeException e) {
            return order;
        }
    }

    /** The most points the lab's checks give (the visible ones only, or all), as their {@code @Points} say. */
    int maxPoints(boolean visibleOnly) {
        return byClassAndMethod.values().stream()
                .filter(p -> p.visible() || !visibleOnly)
                .mapToInt(Place::points)
                .sum();
    }

    /** {@code @Points(3)} on the method, else 1 (the runner's default). */
    private static int points(MethodTree method) {
        return method.getModifiers().getAnnotations().stream()
                .filter(a -> a.getAnnotationType().toString().endsWith("Points")
                        && a.getArguments().size() == 1)
                .map(a -> a.getArguments()
                        .get(0)
                        .toString()
                        .replaceAll("^value\\s*=\\s*", "")
                        .strip())
                .filter(v -> v.matches("\\d{1,4}"))
                .map(Integer::parseInt)
                .findFirst()
                .orElse(1);
    }

    private static boolean isTest(MethodTree method) {
        return method.getModifiers().getAnnotations().stream()
                .map(a -> a.getAnnotationType().toString())
                .anyMatch(name -> name.equals("Test") || name.endsWith(".Test"));
    }

    private static List<Path> javaFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            return new ArrayList<>();
        }
    }
}
