package dev.streamlab.grading.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * The learner's code, in a JVM (and a sandbox) of its own: a check asks it to do something and judges the answer.
 * Nothing of the checks, the seed or the results is in that JVM; it holds the learner's classes, the lab's harness and
 * Kafka's libraries. It is started at the first call, started again after it ended or stopped answering, and stopped
 * after the last check of the class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LearnerCode LEARNER = new LearnerCode();
 * JsonNode record = LEARNER.call("record", Map.of("topic", topic, "customer", c, "event", e));
 * }</pre>
 */
public final class LearnerCode implements AfterAllCallback {

    /** Longest reply line read; a longer one is the learner's code flooding its output. */
    static final int MAX_REPLY_CHARS = 8 * 1024 * 1024;

    private static volatile List<String> command;
    private static volatile Duration callTimeout = Duration.ofSeconds(20);

    private static final java.util.concurrent.ExecutorService STARTER =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "streamlab-learner-starter");
                t.setDaemon(true);
                return t;
            });

    private final ObjectMapper json = new ObjectMapper();
    private Process process;
    private BlockingQueue<Object> replies;
    private LogTail log;
    private Thread errors;

    /** Set by the check runner before any check runs: how the learner's JVM is started, and each call's time limit. */
    public static void configure(List<String> learnerCommand, Duration timeout) {
        command = List.copyOf(learnerCommand);
        callTimeout = timeout;
    }

    /** Asks the learner's code; a failure of theirs (an exception, no answer in time, a JVM that ended) fails the check. */
    public JsonNode call(String operation, Map<String, ?> arguments) {
        return call(operation, arguments, callTimeout);
    }

    public synchronized JsonNode call(String operation, Map<String, ?> arguments, Duration timeout) {
        start();
        Object reply;
        try {
            OutputStream in = process.getOutputStream();
            in.write((json.writeValueAsString(Map.of("op", operation, "args", arguments)) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            in.flush();
            reply = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            reply = null;
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("The check was stopped while your code ran.");
        }
        if (reply == null || reply instanceof Ended) {
            // A JVM that is ending (System.exit) may take a moment to close its output: it ended, it did not hang.
            boolean alive = !waitForEnd(process, Duration.ofMillis(1500));
            if (!alive && errors != null) {
                try {
                    errors.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String lastWords = log.text();
            stop();
            throw new AssertionFailedError(
                    alive
                            ? "Your code did not answer within " + timeout.toSeconds()
                                    + " s. Look for a loop or a wait that never ends."
                            : "Your code's JVM ended during this check: it called System.exit, ran out of memory, or crashed."
                                    + (lastWords.isBlank() ? "" : " Its last words: " + lastWords));
        }
        JsonNode node = (JsonNode) reply;
        if (!node.path("ok").asBoolean(false)) {
            throw new AssertionFailedError(
                    "Your code threw " + node.path("error").asText("an error"));
        }
        return node.path("result");
    }

    private static boolean waitForEnd(Process process, Duration grace) {
        try {
            return process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /**
     * Kills the learner's JVM at once, as a crash or a pulled plug would: no code of theirs runs after it (no shutdown
     * hook, no {@code finally}, no close). The next call starts a new JVM. For checks of what survives a crash.
     */
    public synchronized void kill() {
        stop();
    }

    /** What the learner's JVM printed lately (its stdout and stderr), for a check's message. */
    public String log() {
        return log == null ? "" : log.text();
    }

    private void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        stop();
        if (command == null) {
            throw new IllegalStateException(
                    "The learner's JVM is not configured: checks run only under streamlab's grader.");
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().clear();
            builder.environment().put("PATH", "/usr/bin:/bin");
            builder.environment().put("LANG", "C.UTF-8");
            // glibc's arenas and top pad within the address-space limit (see ProcessLimits).
            builder.environment().put("MALLOC_ARENA_MAX", "2");
            builder.environment().put("MALLOC_TOP_PAD_", "4194304");
            // Started from one long-lived thread: the sandbox ends its process when the thread that started it ends
            // (--die-with-parent is per thread), and each check runs in a thread of its own.
            process = STARTER.submit(builder::start).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(
                    "The learner's JVM cannot start: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the learner's JVM.", e);
        }
        if (process == null) {
            throw new IllegalStateException("The learner's JVM cannot start.");
        }
        replies = new ArrayBlockingQueue<>(16);
        log = new LogTail();
        BlockingQueue<Object> queue = replies;
        LogTail tail = log;
        reader(
                process.getInputStream(),
                line -> {
                    try {
                        JsonNode node = json.readTree(line);
                        if (node != null && node.isObject() && (node.has("ok") || node.has("ready"))) {
                            queue.offer(node);
                            return;
                        }
                    } catch (IOException notAReply) {
                        // Printed by the learner's code on the original stdout: log it.
                    }
                    tail.add(line);
                },
                () -> queue.offer(new Ended()));
        errors = reader(process.getErrorStream(), tail::add, () -> {});
        awaitReady();
    }

    /** Waits for the learner's JVM to say it is ready (its harness loaded), or for its first words if it cannot start. */
    private void awaitReady() {
        Object first;
        try {
            first = replies.poll(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            first = null;
        }
        if (first instanceof JsonNode node && node.has("ready")) {
            return;
        }
        if (first instanceof JsonNode node) {
            // The harness could not start: its reply says why, for the call that started it.
            replies.offer(node);
            return;
        }
        replies.offer(first == null ? new Ended() : first);
    }

    /** How long the learner's JVM may take to start, beside each call's own time limit. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        stop();
    }

    private record Ended() {}

    private interface LineSink {
        void accept(String line);
    }

    private static Thread reader(InputStream stream, LineSink lines, Runnable atEnd) {
        Thread t = new Thread(
                () -> {
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        StringBuilder line = new StringBuilder();
                        boolean tooLong = false;
                        for (int c = in.read(); c != -1; c = in.read()) {
                            if (c == '\n') {
                                if (!tooLong) {
                                    lines.accept(line.toString());
                                }
                                line.setLength(0);
                                tooLong = false;
                            } else if (!tooLong) {
                                line.append((char) c);
                                if (line.length() > MAX_REPLY_CHARS) {
                                    line.setLength(0);
                                    tooLong = true;
                                }
                            }
                        }
                    } catch (IOException ended) {
                        // The process ended.
                    } finally {
                        atEnd.run();
                    }
                },
                "streamlab-learner-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The last lines the learner's JVM printed, at most 2,000 characters. */
    private static final class LogTail {
        private final ArrayDeque<String> lines = new ArrayDeque<>();
        private int size;

        synchronized void add(String line) {
            String l = line.length() > 300 ? line.substring(0, 300) + "..." : line;
            lines.addLast(l);
            size += l.length() + 1;
            while (size > 2000 || lines.size() > 12) {
                size -= lines.removeFirst().length() + 1;
            }
        }

        synchronized String text() {
            return String.join("\n", lines).strip();
        }
    }
}
