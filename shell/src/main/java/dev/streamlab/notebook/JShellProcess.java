package dev.streamlab.notebook;

import dev.streamlab.cluster.ScratchDirectory;
import dev.streamlab.diagram.TopologyView;
import dev.streamlab.notebook.engine.ChildJvmEngine;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import jdk.jshell.JShell;
import jdk.jshell.spi.ExecutionControl;

/**
 * The JShell that runs the learner's code and the child JVM under it ({@link ChildJvmEngine}): starting one, asking it
 * about a variable, ending it. A replacement process gets the properties set on the one before. What the code prints
 * goes to {@link #output()}, for every process this one starts.
 */
final class JShellProcess implements AutoCloseable {

    private final Path javaLauncher;
    private final List<String> childOptions;
    private final ScratchDirectory scratch;
    private final CapturedOutput output = new CapturedOutput();
    private volatile ChildJvmEngine engine;
    private volatile JShell jshell;
    /** Set by JShell's I/O thread when the child JVM went away (System.exit, a crash, a kill). */
    private volatile boolean ended;

    JShellProcess(Path java, List<String> childOptions) {
        this.javaLauncher = java;
        // The child's temporary folder is the session's own, removed on close: what the learner's code (or a lesson's
        // simulation) leaves there goes with it, also when the child had to be killed.
        this.scratch = ScratchDirectory.create("cells");
        List<String> options = new ArrayList<>();
        options.add("-Djava.io.tmpdir=" + scratch.path());
        options.addAll(childOptions);
        this.childOptions = List.copyOf(options);
    }

    /** Starts a fresh JShell and child JVM, ending the one before if there is one. */
    void start() {
        if (jshell != null) {
            jshell.close();
        }
        ChildJvmEngine previous = engine;
        engine = new ChildJvmEngine(javaLauncher, childOptions);
        if (previous != null) {
            previous.properties().forEach(engine::setProperty);
        }
        PrintStream printer = new PrintStream(output, true, StandardCharsets.UTF_8);
        JShell started = JShell.builder()
                .executionEngine(engine, Map.of())
                .out(printer)
                .err(printer)
                .in(new ByteArrayInputStream(new byte[0]))
                .build();
        ended = false;
        // Only the current JShell counts: the one we replaced may report its end late, from its I/O thread.
        started.onShutdown(closed -> {
            if (closed == jshell) {
                ended = true;
            }
        });
        jshell = started;
    }

    JShell jshell() {
        return jshell;
    }

    CapturedOutput output() {
        return output;
    }

    /** Whether the child JVM of the current JShell went away. */
    boolean ended() {
        return ended;
    }

    /** Sets a system property in the child JVM, now and in every later one. */
    void setProperty(String name, String value) {
        engine.setProperty(name, value);
    }

    Optional<TopologyView> topologyOf(String variable) {
        return ask(() -> engine.topologyOf(variable));
    }

    Optional<Map<String, String>> settingsOf(String variable) {
        return ask(() -> engine.settingsOf(variable));
    }

    private interface Question<T> {
        Optional<T> ask() throws ExecutionControl.ExecutionControlException;
    }

    private <T> Optional<T> ask(Question<T> question) {
        try {
            return question.ask();
        } catch (ExecutionControl.ExecutionControlException e) {
            throw new CommandException("The Java process for your code did not answer (" + e.getMessage()
                    + "). Run a Java cell, then try again.");
        }
    }

    /** Asks the running code to stop; false when this JShell is closed already. */
    boolean askToStop() {
        try {
            jshell.stop();
            return true;
        } catch (IllegalStateException closed) {
            return false;
        }
    }

    /** Ends the child JVM at once: its code ignored every request to stop. */
    void kill() {
        Process child = engine.process();
        if (child != null) {
            child.destroyForcibly();
        }
    }

    /** How the child JVM that went away ended, in one sentence. */
    String exitDescription() {
        Process child = engine.process();
        try {
            if (child != null && child.waitFor(2, TimeUnit.SECONDS)) {
                return "Your code ended its Java process (exit code " + child.exitValue() + ", as with System.exit).";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "The Java process running your code stopped.";
    }

    @Override
    public void close() {
        try {
            jshell.close();
        } finally {
            // The child may still be ending (a simulation's shutdown hook, Kafka Streams tidying its state): let it
            // end before its temporary folder goes, or it writes there again after the folder was removed.
            Process child = engine.process();
            if (child != null) {
                try {
                    if (!child.waitFor(5, TimeUnit.SECONDS)) {
                        child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            scratch.delete();
        }
    }
}
