package dev.streamlab.cli;

import dev.streamlab.cluster.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A streamlab command line in its own JVM (optionally behind a prefix such as {@code ip netns exec NAME}), its stdout
 * and stderr kept line by line as they come.
 */
final class StreamlabProcess implements AutoCloseable {

    private final Process process;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();

    private StreamlabProcess(Process process) {
        this.process = process;
        follow(process.getInputStream(), stdout);
        follow(process.getErrorStream(), stderr);
    }

    /** {@code prefix java -XmxHEAP -Djava.io.tmpdir=TMP -cp (this classpath) Main args...}, without colour. */
    static StreamlabProcess start(List<String> prefix, String heap, Path tmp, String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + heap,
                "-Djava.io.tmpdir=" + tmp,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("NO_COLOR", "1");
        return new StreamlabProcess(builder.start());
    }

    List<String> stdout() {
        return stdout;
    }

    List<String> stderr() {
        return stderr;
    }

    long pid() {
        return process.pid();
    }

    /** Waits for a stderr line containing {@code text}; fails at once, with what it said, if the process ends first. */
    void awaitErr(String text, Duration deadline) {
        Await.until(
                deadline,
                () -> {
                    if (stderr.stream().anyMatch(l -> l.contains(text))) {
                        return Optional.of(true);
                    }
                    if (!process.isAlive()) {
                        throw new AssertionError(
                                "The process ended (exit " + process.exitValue() + "):\n" + String.join("\n", stderr));
                    }
                    return Optional.empty();
                },
                "No '" + text + "' within " + deadline.toSeconds() + " s:\n" + String.join("\n", stderr));
    }

    /** The first stdout line, once there is one. */
    String firstOut(Duration deadline) {
        return Await.until(
                deadline, () -> stdout.stream().findFirst(), "Nothing on stdout:\n" + String.join("\n", stderr));
    }

    /** Waits for the process to end by itself; its exit code. */
    int awaitExit(Duration deadline) throws InterruptedException {
        if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(
                    "Still running after " + deadline.toSeconds() + " s:\n" + String.join("\n", stderr));
        }
        return process.exitValue();
    }

    /** Ctrl-C, as a person stops {@code cluster up}; true when the process ended within the deadline. */
    boolean interrupt(Duration deadline) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid()))
                .start()
                .waitFor();
        return process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** Collects a process's output lines as they come, on a daemon thread. */
    static void follow(InputStream stream, List<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
    }
}
