package dev.streamlab.grading.child;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import dev.streamlab.grading.check.LearnerCode;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of the check JVM: runs a lab's checks with the JUnit Platform launcher. The learner's classes are not
 * here: the checks drive them in a JVM of their own ({@link LearnerCode}). It reports to the grader on its stdout, each
 * line after a nonce the grader sent on stdin. It is started by {@code CheckProcess} with one argument, a properties file (see {@link RunnerSettings}).
 */
public final class CheckRunner {

    /** The exit code after a check timed out: the grader runs the checks left in a new JVM. */
    public static final int EXIT_AFTER_TIMEOUT = 4;

    private CheckRunner() {}

    public static void main(String[] args) throws IOException {
        // Before any code of the submission runs: the run's nonce (on stdin, so it is in no file) and the channel to
        // the
        // grader (the original stdout; System.out becomes stderr, the log). Lines without the nonce are not results.
        String nonce = readLine(System.in);
        System.in.close();
        Writer channel = new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8);
        System.setOut(System.err);
        RunnerSettings settings = RunnerSettings.read(Path.of(args[0]));
        // The learner's code never runs here: each check asks the learner's own JVM, started with this command.
        LearnerCode.configure(
                settings.learnerCommand(), Duration.ofSeconds(Math.max(1, settings.checkTimeoutSeconds() - 2)));
        int exitCode = 0;
        try {
            ResultRecorder recorder = new ResultRecorder(
                    channel, nonce, () -> Runtime.getRuntime().halt(EXIT_AFTER_TIMEOUT));
            run(settings, recorder);
            recorder.write(CheckEvent.done());
        } catch (Throwable t) {
            t.printStackTrace();
            exitCode = 2;
        }
        // halt: a check's clients or a learner's JVM left behind must not keep this JVM alive.
        System.err.flush();
        Runtime.getRuntime().halt(exitCode);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n' && b.length() < 200; c = in.read()) {
            b.append((char) c);
        }
        return b.toString();
    }

    private static void run(RunnerSettings settings, ResultRecorder recorder) throws IOException {
        Set<Path> roots = settings.checkRoots().stream().collect(Collectors.toSet());
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(roots))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter(
                        "junit.jupiter.execution.timeout.testable.method.default",
                        settings.checkTimeoutSeconds() + " s")
                .configurationParameter("junit.jupiter.execution.timeout.lifecycle.method.default", "120 s")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .filters((PostDiscoveryFilter) descriptor ->
                        settings.skip().contains(descriptor.getUniqueId().toString())
                                ? FilterResult.excluded("graded in an earlier run")
                                : FilterResult.included("to grade"))
                .build();
        Launcher launcher = LauncherFactory.create();
        if (settings.listOnly()) {
            recorder.testPlanExecutionStarted(launcher.discover(request));
            return;
        }
        launcher.execute(request, recorder);
    }

    /** What the grader tells the check JVM, as a properties file. */
    public record RunnerSettings(
            List<Path> checkRoots,
            List<String> learnerCommand,
            int checkTimeoutSeconds,
            boolean listOnly,
            List<String> skip,
            boolean sandboxed) {

        public void write(Path file) throws IOException {
            Properties p = new Properties();
            p.setProperty("sandboxed", String.valueOf(sandboxed));
            p.setProperty("checkRoots", join(checkRoots));
            // One argument per line: arguments never hold a line break.
            p.setProperty("learnerCommand", String.join("\n", learnerCommand));
            p.setProperty("checkTimeoutSeconds", String.valueOf(checkTimeoutSeconds));
            p.setProperty("listOnly", String.valueOf(listOnly));
            // Unique ids contain ':' and '/', so one per line.
            p.setProperty("skip", String.join("\n", skip));
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
                p.store(out, "streamlab check run");
            }
        }

        static RunnerSettings read(Path file) throws IOException {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            return new RunnerSettings(
                    split(p.getProperty("checkRoots")),
                    List.of(p.getProperty("learnerCommand", "").split("\n")),
                    Integer.parseInt(p.getProperty("checkTimeoutSeconds")),
                    Boolean.parseBoolean(p.getProperty("listOnly")),
                    p.getProperty("skip", "").isEmpty()
                            ? List.of()
                            : List.of(p.getProperty("skip").split("\n")),
                    Boolean.parseBoolean(p.getProperty("sandboxed")));
        }

        private static String join(List<Path> paths) {
            return paths.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
        }

        private static List<Path> split(String value) {
            return value == null || value.isEmpty()
                    ? List.of()
                    : Arrays.stream(value.split(java.io.File.pathSeparator))
                            .map(Path::of)
                            .toList();
        }
    }
}
