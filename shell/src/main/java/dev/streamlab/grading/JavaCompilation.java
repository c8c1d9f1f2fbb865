package dev.streamlab.grading;

import com.sun.source.util.JavacTask;
import dev.streamlab.jvm.JavaCommand;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles every {@code .java} file under a folder with the JDK's own compiler ({@code javax.tools}), in a JVM of its own
 * ({@link JavaCompilationProcess}, this JDK's {@code java} with the grader's class path), stopped after a time limit:
 * some code of a few hundred bytes keeps javac busy for hours and takes gigabytes (nested generic calls with conditional
 * arguments, nested {@code finally} blocks), and a class is not held hostage by one learner's code. The
 * {@link ApiUseScanner} runs in that JVM, on the compilation it watches. The request goes on the JVM's stdin and the
 * result comes back on its stdout, in lines (see {@link JavaCompilationProcess}): no JSON library to load in a JVM that
 * starts for every compilation.
 */
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

    /** How long javac may take on one folder. The labs' code compiles in a few seconds. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(60);
    /** The heap of the compiler's JVM: javac needs about 100 MB for a lab and its checks. */
    static final int HEAP_MB = 512;
    /** The start of each of the compiler JVM's lines that carry the result (the JVM itself may print warnings on stdout). */
    static final String REPLY = "streamlab-compilation ";

    static final int MAX_ERRORS = 200;
    static final int MAX_REFUSALS = 1000;
    /** The compiler JVM's other output kept, for a crash's message. */
    private static final int LOG_LINES = 20;

    private JavaCompilation() {}

    public static Result compile(Path sources, String classpath, Path output) {
        return compile(sources, classpath, output, false, TIME_LIMIT);
    }

    /** Compiles a learner's submission, and finds the uses of APIs {@link ApiPolicy} refuses. */
    static Result compileSubmission(Path sources, String classpath, Path output) {
        return compileSubmission(sources, classpath, output, TIME_LIMIT);
    }

    /** The same, with another time limit (tests). */
    static Result compileSubmission(Path sources, String classpath, Path output, Duration timeLimit) {
        return compile(sources, classpath, output, true, timeLimit);
    }

    /** Runs the compiler's JVM, and stops it after {@code timeLimit}: that code then gets a result that says so. */
    static Result compile(Path sources, String classpath, Path output, boolean applyPolicy, Duration timeLimit) {
        if (javaFiles(sources).isEmpty()) {
            return new Result(
                    false,
                    List.of("No .java files in " + sources + ". Point --submission at the folder with your code."));
        }
        List<String> command = JavaCommand.ofThisJdk()
                .option("-Xmx" + HEAP_MB + "m")
                .option("-XX:+UseSerialGC")
                .option("-XX:TieredStopAtLevel=1")
                .option("-Xshare:auto")
                .option("-XX:-UsePerfData")
                .classPath(JavaCommand.ownClassPath())
                .main(JavaCompilationProcess.class.getName())
                .toList();
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new GradingException("Cannot start the Java compiler (" + e.getMessage() + ").", e);
        }
        Thread stop = new Thread(process::destroyForcibly, "streamlab-compilation-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        List<String> replies = new ArrayList<>();
        ArrayDeque<String> log = new ArrayDeque<>();
        Thread reader = new Thread(() -> read(process, replies, log), "streamlab-compilation-output");
        reader.setDaemon(true);
        reader.start();
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(JavaCompilationProcess.request(
                                sources.toAbsolutePath(), output.toAbsolutePath(), applyPolicy, classpath)
                        .getBytes(StandardCharsets.UTF_8));
            } catch (IOException ended) {
                // It ended before reading: its exit code says why.
            }
            if (!process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                return new Result(false, List.of(timedOut(timeLimit)));
            }
            reader.join(10_000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new GradingException("Grading was interrupted.", e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs anyway.
            }
        }
        synchronized (replies) {
            return outcome(replies, process.exitValue(), log);
        }
    }

    /** The one sentence a learner whose code javac could not finish on reads. */
    static String timedOut(Duration timeLimit) {
        return "The Java compiler did not finish within " + Math.max(1, timeLimit.toSeconds())
                + " s on this code, so it"
                + " cannot be graded: simplify deeply nested calls (such as List.of(c ? List.of(...) : ...)), long chains whose"
                + " types Java must infer, or nested finally blocks, for instance by giving parts their own variables with"
                + " their types written out.";
    }

    private static void read(Process process, List<String> replies, ArrayDeque<String> log) {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(REPLY)) {
                    synchronized (replies) {
                        replies.add(line.substring(REPLY.length()));
                    }
                } else {
                    synchronized (log) {
                        log.addLast(line.length() > 500 ? line.substring(0, 500) + "..." : line);
                        if (log.size() > LOG_LINES) {
                            log.removeFirst();
                        }
                    }
                }
            }
        } catch (IOException ended) {
            // The process was stopped.
        }
    }

    /** The result from the reply's lines (see {@link JavaCompilationProcess}); a reply without its end is a crash. */
    private static Result outcome(List<String> replies, int exitCode, ArrayDeque<String> log) {
        boolean success = false;
        boolean ended = false;
        List<String> errors = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (String line : replies) {
            String kind = line.contains(" ") ? line.substring(0, line.indexOf(' ')) : line;
            String text = line.substring(kind.length()).strip();
            switch (kind) {
                case JavaCompilationProcess.FATAL -> throw new GradingException(text);
                case JavaCompilationProcess.SUCCESS -> success = Boolean.parseBoolean(text);
                case JavaCompilationProcess.ERROR -> errors.add(text);
                case JavaCompilationProcess.REFUSAL -> refusals.add(text);
                case JavaCompilationProcess.END -> ended = true;
                default -> {}
            }
        }
        if (!ended) {
            String said;
            synchronized (log) {
                said = log.stream()
                        .filter(l -> l.contains("Error") || l.contains("error"))
                        .findFirst()
                        .orElse("");
            }
            return new Result(
                    false,
                    List.of("The Java compiler crashed on this code (exit code " + exitCode
                            + (said.isEmpty() ? "" : ": " + PrintableText.of(said))
                            + "), so it cannot be graded. Look for a very deeply"
                            + " nested expression or a huge method, and simplify it."));
        }
        return new Result(success && errors.isEmpty(), errors, refusals);
    }

    /**
     * Compiles here, in this JVM: only {@link JavaCompilationProcess} calls it, in the process of its own that
     * {@link #compile(Path, String, Path, boolean, Duration)} starts.
     */
    static Result compileHere(Path sources, String classpath, Path output, boolean applyPolicy) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new GradingException(
                    "Grading needs the Java compiler, and this Java is not a full JDK. Install a JDK 17 or newer.");
        }
        List<File> files = javaFiles(sources);
        if (files.isEmpty()) {
            return new Result(
                    false,
                    List.of("No .java files in " + sources + ". Point --submission at the folder with your code."));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager =
                compiler.getStandardFileManager(diagnostics, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            Files.createDirectories(output);
            List<String> options = List.of(
                    "-classpath",
                    classpath,
                    "-d",
                    output.toString(),
                    "-proc:none",
                    "-encoding",
                    "UTF-8",
                    "--release",
                    "17",
                    "-nowarn",
                    "-Xlint:none");
            boolean ok;
            ApiUseScanner scanner = null;
            try {
                JavaCompiler.CompilationTask task = compiler.getTask(
                        new StringWriter(),
                        fileManager,
                        diagnostics,
                        options,
                        null,
                        fileManager.getJavaFileObjectsFromFiles(files));
                if (applyPolicy) {
                    scanner = new ApiUseScanner((JavacTask) task, sources);
                    ((JavacTask) task).addTaskListener(scanner);
                }
                ok = task.call();
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError crash) {
                Throwable cause = crash.getCause() != null ? crash.getCause() : crash;
                return new Result(
                        false,
                        List.of(
                                "The Java compiler crashed on this code ("
                                        + cause.getClass().getSimpleName()
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
            List<String> refusals = scanner == null ? List.of() : scanner.refusals();
            return new Result(ok && errors.isEmpty(), first(errors, MAX_ERRORS), first(refusals, MAX_REFUSALS));
        } catch (IOException e) {
            throw new GradingException("Cannot compile " + sources + ": " + e.getMessage(), e);
        }
    }

    /** The first {@code max} lines (a learner fixes the first ones first; the reply stays small). */
    private static List<String> first(List<String> lines, int max) {
        return lines.size() <= max ? lines : List.copyOf(lines.subList(0, max));
    }

    private static String describe(Path sources, Diagnostic<? extends JavaFileObject> d) {
        String file = d.getSource() == null
                ? ""
                : relative(sources, Path.of(d.getSource().toUri()));
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
            return paths.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .sorted()
                    .map(Path::toFile)
                    .toList();
        } catch (IOException e) {
            throw new GradingException("Cannot read " + sources + ": " + e.getMessage(), e);
        }
    }
}
