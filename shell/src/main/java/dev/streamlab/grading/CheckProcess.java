package dev.streamlab.grading;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamlab.grading.check.CheckSeed;
import dev.streamlab.grading.child.CheckRunner;
import dev.streamlab.grading.child.CheckRunner.RunnerSettings;

/**
 * Runs a lab's checks in a separate JVM, so the learner's code never runs in the grader's JVM: a hang is ended
 * by the overall time limit, a crash or {@code System.exit} ends only that JVM, and memory is capped by its own heap.
 */
final class CheckProcess {

    /** The first Java that has no SecurityManager at all (JEP 486). */
    static final int FIRST_JAVA_WITHOUT_SECURITY_MANAGER = 24;

    /** What the check JVM reported, and how it ended. */
    record Outcome(List<CheckEvent> events, boolean timedOut, int exitCode, String logTail, Optional<String> junitXml) {

        boolean finished() {
            return events.stream().anyMatch(e -> CheckEvent.DONE.equals(e.type()));
        }
    }

    private final Path work;
    private final String classpath;
    private final long seed;
    private final int heapMb;
    private final Consumer<CheckEvent> onEvent;
    private int runs;
    private static final long POLL_MILLIS = 200;

    /** @param onEvent hears each event while the check JVM runs, for progress */
    CheckProcess(Path work, String classpath, long seed, int heapMb, Consumer<CheckEvent> onEvent) {
        this.onEvent = onEvent;
        this.work = work;
        this.classpath = classpath;
        this.seed = seed;
        this.heapMb = heapMb;
    }

    Outcome run(List<Path> checkRoots, List<Path> protectedPaths, Path submissionClasses, Duration checkTimeout,
                Duration overallTimeout, boolean listOnly, List<String> skip) throws IOException, InterruptedException {
        int attempt = runs++;
        Path events = work.resolve((listOnly ? "plan" : "events") + "-" + attempt + ".jsonl");
        Path reports = work.resolve("reports-" + attempt);
        Path settingsFile = work.resolve("runner.properties");
        Path log = work.resolve("check-jvm.log");
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        new RunnerSettings(events, reports, checkRoots, protectedPaths, submissionClasses,
                (int) checkTimeout.toSeconds(), listOnly, skip).write(settingsFile);

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heapMb + "m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        if (Runtime.version().feature() < FIRST_JAVA_WITHOUT_SECURITY_MANAGER) {
            command.add("-Djava.security.manager=allow");
        }
        command.add("-D" + CheckSeed.PROPERTY + "=" + seed);
        // Kafka's scratch folders go inside the work folder, so nothing is left behind when the JVM is killed.
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-cp");
        List<String> entries = new ArrayList<>();
        entries.add(classpath);
        entries.add(submissionClasses.toString());
        checkRoots.forEach(r -> entries.add(r.toString()));
        command.add(String.join(File.pathSeparator, entries));
        command.add(CheckRunner.class.getName());
        command.add(settingsFile.toString());

        Process process = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Thread killer = new Thread(() -> destroy(process), "streamlab-grading-stop");
        Runtime.getRuntime().addShutdownHook(killer);
        boolean timedOut = false;
        try {
            long deadline = System.nanoTime() + overallTimeout.toNanos();
            EventFeed feed = new EventFeed(events);
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                feed.forEachNew(onEvent);
                if (System.nanoTime() > deadline) {
                    timedOut = true;
                    break;
                }
            }
            feed.forEachNew(onEvent);
            if (timedOut) {
                destroy(process);
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            destroy(process);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs anyway.
            }
        }
        return new Outcome(readEvents(events), timedOut, timedOut ? -1 : process.exitValue(), tail(log), readXml(reports));
    }

    /** The events file as the check JVM writes it: each complete line once. */
    private static final class EventFeed {
        private final Path file;
        private final ObjectMapper json = new ObjectMapper();
        private int seen;

        EventFeed(Path file) {
            this.file = file;
        }

        void forEachNew(Consumer<CheckEvent> consumer) throws IOException {
            if (!Files.exists(file)) {
                return;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            while (seen < lines.size()) {
                try {
                    CheckEvent event = json.readValue(lines.get(seen), CheckEvent.class);
                    seen++;
                    consumer.accept(event);
                } catch (IOException halfWritten) {
                    return;
                }
            }
        }
    }

    private static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static List<CheckEvent> readEvents(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        ObjectMapper json = new ObjectMapper();
        List<CheckEvent> events = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                events.add(json.readValue(line, CheckEvent.class));
            } catch (IOException halfWritten) {
                // The last line of a JVM that was killed mid-write.
            }
        }
        return events;
    }

    private static Optional<String> readXml(Path reports) throws IOException {
        if (!Files.isDirectory(reports)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(reports)) {
            Optional<Path> xml = files.filter(p -> p.getFileName().toString().endsWith(".xml")).findFirst();
            return xml.map(p -> {
                try {
                    return Files.readString(p, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
