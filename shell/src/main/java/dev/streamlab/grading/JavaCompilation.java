package dev.streamlab.grading;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.sun.source.util.JavacTask;

/** Compiles every {@code .java} file under a folder with the JDK's own compiler ({@code javax.tools}), in this JVM. */
public final class JavaCompilation {

    /**
     * What came out: the errors as {@code File.java:LINE: message}, relative to the compiled folder, and (when the
     * {@link ApiPolicy} was applied) each use of an API graded code may not use, in the same form.
     */
    public record Result(boolean success, List<String> errors, List<String> refusals) {
        public Result(boolean success, List<String> errors) {
            this(success, errors, List.of());
        }
    }

    private JavaCompilation() {
    }

    public static Result compile(Path sources, String classpath, Path output) {
        return compile(sources, classpath, output, false);
    }

    /** Compiles a learner's submission, and finds the uses of APIs {@link ApiPolicy} refuses. */
    static Result compileSubmission(Path sources, String classpath, Path output) {
        return compile(sources, classpath, output, true);
    }

    private static Result compile(Path sources, String classpath, Path output, boolean applyPolicy) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new GradingException("Grading needs the Java compiler, and this Java is not a full JDK. Install a JDK 17 or newer.");
        }
        List<File> files = javaFiles(sources);
        if (files.isEmpty()) {
            return new Result(false, List.of("No .java files in " + sources + ". Point --submission at the folder with your code."));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            Files.createDirectories(output);
            List<String> options = List.of("-classpath", classpath, "-d", output.toString(), "-proc:none",
                    "-encoding", "UTF-8", "--release", "17", "-nowarn", "-Xlint:none");
            boolean ok;
            ApiUseScanner scanner = null;
            try {
                JavaCompiler.CompilationTask task = compiler.getTask(new StringWriter(), fileManager, diagnostics, options, null,
                        fileManager.getJavaFileObjectsFromFiles(files));
                if (applyPolicy) {
                    scanner = new ApiUseScanner((JavacTask) task, sources);
                    ((JavacTask) task).addTaskListener(scanner);
                }
                ok = task.call();
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError crash) {
                Throwable cause = crash.getCause() != null ? crash.getCause() : crash;
                return new Result(false, List.of("The Java compiler crashed on this code (" + cause.getClass().getSimpleName()
                        + "), so it cannot be graded. Look for a very deeply nested expression or a huge method, and simplify it."));
            }
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(describe(sources, d));
                }
            }
            if (!ok && errors.isEmpty()) {
                errors.add("The Java compiler refused this code without saying where. Compile it yourself to see why.");
            }
            return new Result(ok && errors.isEmpty(), errors, scanner == null ? List.of() : scanner.refusals());
        } catch (IOException e) {
            throw new GradingException("Cannot compile " + sources + ": " + e.getMessage(), e);
        }
    }

    private static String describe(Path sources, Diagnostic<? extends JavaFileObject> d) {
        String file = d.getSource() == null ? "" : relative(sources, Path.of(d.getSource().toUri()));
        String where = file.isEmpty() ? "" : file + ":" + d.getLineNumber() + ": ";
        return where + d.getMessage(Locale.ENGLISH).lines().findFirst().orElse("");
    }

    private static String relative(Path base, Path file) {
        try {
            return base.toAbsolutePath().relativize(file.toAbsolutePath()).toString();
        } catch (IllegalArgumentException e) {
            return file.getFileName().toString();
        }
    }

    private static List<File> javaFiles(Path sources) {
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(sources)) {
            return paths.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().map(Path::toFile).toList();
        } catch (IOException e) {
            throw new GradingException("Cannot read " + sources + ": " + e.getMessage(), e);
        }
    }
}
