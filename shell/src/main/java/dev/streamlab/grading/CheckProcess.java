package dev.streamlab.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamlab.grading.check.CheckSeed;
import dev.streamlab.grading.child.CheckEvent;
import dev.streamlab.grading.child.CheckRunner;
import dev.streamlab.grading.child.CheckRunner.RunnerSettings;
import dev.streamlab.grading.host.LearnerHost;
import dev.streamlab.jvm.JavaCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a lab's checks in a JVM of their own (the check JVM), which starts the learner's code in a further JVM when a check
 * asks for it ({@code LearnerCode}): the learner's code never shares a process with the checks, the seed or the results.
 * A hang is ended by the overall time limit; memory is capped by heaps and {@link ProcessLimits}. With a {@link Sandbox},
 * the check JVM runs in it, and the learner's JVM in a sandbox of its own inside it.
 * <p>
 * The check JVM reports on its stdout, each result line after a nonce sent on its stdin (so it is in no file the
 * submission could read); other lines there, and its stderr, are the log, of which only the last {@link #LOG_TAIL_BYTES}
 * are kept. Lines longer than {@link #MAX_LINE_BYTES} are dropped, so printing without end costs no memory here.
 */
final class CheckProcess {

    static final int LOG_TAIL_BYTES = 16 * 1024;
    static final int MAX_LINE_BYTES = 256 * 1024;
    static final int MAX_EVENTS = 100_000;

    /** What the check JVM reported, and how it ended. */
    record Outcome(List<CheckEvent> events, boolean timedOut, int exitCode, String logTail, Optional<String> junitXml) {

        boolean finished() {
            return events.stream().anyMatch(e -> CheckEvent.DONE.equals(e.type()));
        }

        /**
         * Why these events cannot all be the runner's own, or empty. The runner reports each check once and nothing after
         * the end: anything else was written by other code that learned the run's nonce.
         */
        Optional<String> tampering() {
            Set<String> finished = new java.util.HashSet<>();
            boolean done = false;
            for (CheckEvent e : events) {
                if (done) {
                    return Optional.of("results arrived after the check JVM said it was done");
                }
                switch (e.type()) {
                    case CheckEvent.FINISHED -> {
                        if (!finished.add(e.id())) {
                            return Optional.of("a check was reported twice");
                        }
                    }
                    case CheckEvent.DONE -> done = true;
                    default -> {}
                }
            }
            return Optional.empty();
        }
    }

    private final Path work;
    private final Path scratchParent;
    private final String classpath;
    private final long seed;
    private final int heapMb;
    private final int learnerHeapMb;
    private final Consumer<CheckEvent> onEvent;
    private final Sandbox sandbox;
    private int runs;
    private static final long POLL_MILLIS = 100;

    /**
     * @param work the grading folder: it holds the compiled submission and checks, and is all the sandbox shows of this machine
     * @param scratchParent where each run's scratch folder is made (outside {@code work})
     * @param sandbox where the check JVM runs, or null to run it here (unverified)
     * @param onEvent hears each event while the check JVM runs, for progress
     */
    CheckProcess(
            Path work,
            Path scratchParent,
            String classpath,
            long seed,
            int heapMb,
            int learnerHeapMb,
            Sandbox sandbox,
            Consumer<CheckEvent> onEvent) {
        this.learnerHeapMb = learnerHeapMb;
        this.onEvent = onEvent;
        this.work = work;
        this.scratchParent = scratchParent;
        this.classpath = classpath;
        this.seed = seed;
        this.heapMb = heapMb;
        this.sandbox = sandbox;
    }

    /** How a path of the grading folder is seen by the check JVM. */
    private Path seen(Path hostPath) {
        return sandbox == null
                ? hostPath
                : Sandbox.INSIDE.resolve(work.relativize(hostPath).toString());
    }

    Outcome run(
            List<Path> checkRoots,
            Path learnerClasses,
            Duration checkTimeout,
            Duration overallTimeout,
            boolean listOnly,
            List<String> skip)
            throws IOException, InterruptedException {
        int attempt = runs++;
        Path settingsFile = work.resolve("runner-" + attempt + ".properties");
        Path scratch = Files.createDirectories(scratchParent.resolve("scratch-" + attempt));
        List<Path> runtime = Sandbox.runtimeClasspath(classpath);
        Path tmp = sandbox == null ? scratch : Sandbox.SCRATCH;
        new RunnerSettings(
                        checkRoots.stream().map(this::seen).toList(),
                        learnerCommand(runtime, learnerClasses, scratch),
                        (int) checkTimeout.toSeconds(),
                        listOnly,
                        skip,
                        sandbox != null)
                .write(settingsFile);

        JavaCommand check = JavaCommand.ofThisJdk()
                .option("-Xmx" + heapMb + "m")
                .option("-XX:+UseSerialGC")
                .option("-XX:TieredStopAtLevel=1")
                .option("-Xshare:auto")
                .option("-XX:+DisableAttachMechanism");
        check.property(CheckSeed.PROPERTY, seed);
        // Kafka's config providers read files (${file:...}, ${dir:...}): none may be named in a setting the checks use.
        check.property("org.apache.kafka.automatic.config.providers", "none");
        // Kafka's scratch folders go inside the scratch folder, so nothing is left behind when the JVM is killed.
        check.property("java.io.tmpdir", tmp).property("user.home", tmp);
        // No class of the learner's is on this class path: their code runs in its own JVM (see LearnerCode).
        check.classPath(runtime)
                .classPath(checkRoots.stream().map(this::seen).toList())
                .main(CheckRunner.class.getName(), seen(settingsFile).toString());
        // Limits for the check JVM too: its brokers map index files, so room beyond the heap (3 brokers peak near 1.7
        // GB).
        ProcessLimits limits = new ProcessLimits(((long) heapMb << 20) + (3L << 30), 8192, 1L << 30);
        List<String> java = new ArrayList<>(limits.prefix().command());
        java.addAll(check.toList());

        List<String> command = sandbox == null ? java : sandbox.command(work, learnerClasses, scratch, runtime, java);
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(sandbox == null ? scratch.toFile() : work.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().put("HOME", tmp.toString());
        builder.environment().putAll(ProcessLimits.environment());
        Process process = builder.start();
        Thread killer = new Thread(() -> destroy(process, Set.of()), "streamlab-grading-stop");
        Runtime.getRuntime().addShutdownHook(killer);
        String nonce = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        ConcurrentLinkedQueue<CheckEvent> arrived = new ConcurrentLinkedQueue<>();
        List<CheckEvent> events = new ArrayList<>();
        LogTail log = new LogTail();
        Thread out = reader("streamlab-grading-results", process.getInputStream(), line -> {
            if (line.startsWith(nonce + " ")) {
                try {
                    arrived.add(new ObjectMapper().readValue(line.substring(nonce.length() + 1), CheckEvent.class));
                } catch (IOException notAnEvent) {
                    log.add(line);
                }
            } else {
                log.add(line);
            }
        });
        Thread err = reader("streamlab-grading-log", process.getErrorStream(), log::add);
        boolean timedOut = false;
        Set<ProcessHandle> seenDescendants = new LinkedHashSet<>();
        try {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write((nonce + "\n").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException ended) {
                // It ended before reading: its exit code says why.
            }
            long deadline = System.nanoTime() + overallTimeout.toNanos();
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                drain(arrived, events);
                if (sandbox == null) {
                    process.descendants().forEach(seenDescendants::add);
                }
                if (System.nanoTime() > deadline) {
                    timedOut = true;
                    break;
                }
            }
            // Every descendant ends with the check JVM: in the sandbox its pid namespace ends; here, they are killed.
            // (Process.destroy would close the pipes before what is left in them is read: only on a time-out.)
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            seenDescendants.forEach(ProcessHandle::destroyForcibly);
            if (timedOut) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            out.join(10_000);
            err.join(2_000);
            drain(arrived, events);
        } catch (InterruptedException e) {
            destroy(process, seenDescendants);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs anyway.
            }
            deleteQuietly(scratch);
            Files.deleteIfExists(scratch.resolveSibling(scratch.getFileName() + ".hosts"));
        }
        return new Outcome(
                events,
                timedOut,
                timedOut ? -1 : process.isAlive() ? -1 : process.exitValue(),
                log.text(),
                Optional.empty());
    }

    /**
     * How the check JVM starts the learner's JVM: the learner's classes after the libraries a lab may use and nothing else
     * of streamlab's ({@link LearnerClassPath}; no class of theirs can stand in for a library's), the lab's harness as its main, a capped heap, stack and native memory; in the sandbox,
     * in a sandbox of its own inside the check JVM's.
     */
    private List<String> learnerCommand(List<Path> runtime, Path learnerClasses, Path scratch) throws IOException {
        Path classes = sandbox == null ? learnerClasses : Sandbox.LEARNER_CLASSES;
        Path tmp = sandbox == null ? Files.createDirectories(scratch.resolve("learner")) : Sandbox.SCRATCH;
        JavaCommand learner = JavaCommand.ofThisJdk().option("-Xmx" + learnerHeapMb + "m");
        ProcessLimits.jvmOptions().forEach(learner::option);
        learner.option("-XX:+UseSerialGC")
                .option("-XX:TieredStopAtLevel=1")
                .option("-Xshare:auto")
                .option("-XX:+DisableAttachMechanism")
                .option("-XX:-UsePerfData");
        learner.property("java.io.tmpdir", tmp).property("user.home", tmp);
        // The learner's JVM has no streamlab jar, so no simplelogger.properties: the shell's quiet settings, said here.
        learner.property("org.slf4j.simpleLogger.defaultLogLevel", "error")
                .property("org.slf4j.simpleLogger.logFile", "System.err")
                .property(
                        "org.slf4j.simpleLogger.log.org.apache.kafka.clients.consumer.internals.ConsumerMembershipManager",
                        "off");
        List<Path> learnerRuntime = LearnerClassPath.from(runtime);
        learner.classPath(learnerRuntime).classPath(List.of(classes)).main(LearnerHost.class.getName());
        // The address space bounds heap, stacks and native memory together: threads without end stop with an
        // OutOfMemoryError.
        ProcessLimits limits = new ProcessLimits(((long) learnerHeapMb << 20) + (1L << 30), 1024, 256L << 20);
        List<String> java = new ArrayList<>(limits.prefix().command());
        java.addAll(learner.toList());
        return sandbox == null ? java : sandbox.learnerCommand(learnerRuntime, java);
    }

    private void drain(ConcurrentLinkedQueue<CheckEvent> arrived, List<CheckEvent> events) {
        for (CheckEvent e = arrived.poll(); e != null; e = arrived.poll()) {
            if (events.size() < MAX_EVENTS) {
                events.add(e);
                onEvent.accept(e);
            }
        }
    }

    /** Reads lines of at most {@link #MAX_LINE_BYTES}; longer ones are dropped. */
    private static Thread reader(String name, InputStream in, Consumer<String> lines) {
        Thread t = new Thread(
                () -> {
                    ByteArrayOutputStream line = new ByteArrayOutputStream();
                    boolean tooLong = false;
                    byte[] buffer = new byte[8192];
                    try (in) {
                        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                            for (int i = 0; i < n; i++) {
                                byte b = buffer[i];
                                if (b == '\n') {
                                    if (!tooLong) {
                                        lines.accept(line.toString(StandardCharsets.UTF_8));
                                    }
                                    line.reset();
                                    tooLong = false;
                                } else if (!tooLong) {
                                    line.write(b);
                                    if (line.size() > MAX_LINE_BYTES) {
                                        tooLong = true;
                                        line.reset();
                                    }
                                }
                            }
                        }
                        if (!tooLong && line.size() > 0) {
                            lines.accept(line.toString(StandardCharsets.UTF_8));
                        }
                    } catch (IOException closed) {
                        // The process ended.
                    }
                },
                name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The last lines of the log, at most {@link #LOG_TAIL_BYTES} characters in all. */
    private static final class LogTail {
        private final java.util.ArrayDeque<String> lines = new java.util.ArrayDeque<>();
        private int size;

        synchronized void add(String line) {
            String l = line.length() > 2000 ? line.substring(0, 2000) + "..." : line;
            lines.addLast(l);
            size += l.length() + 1;
            while (size > LOG_TAIL_BYTES || lines.size() > 40) {
                size -= lines.removeFirst().length() + 1;
            }
        }

        synchronized String text() {
            return String.join("\n", lines);
        }
    }

    private static void destroy(Process process, Set<ProcessHandle> seen) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        seen.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void deleteQuietly(Path dir) {
        // Streaming and never fatal; a later run's ScratchDirectory reaping removes what is left.
        dev.streamlab.files.FileTrees.deleteQuietly(dir);
    }
}
