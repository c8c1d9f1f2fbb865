package dev.streamlab.notebook;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.streamlab.notebook.engine.ChildJvmEngine;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * A JShell whose code runs in a child JVM ({@link ChildJvmEngine}). Survives whatever the learner's
 * code does: after {@code System.exit} or a crash it starts a fresh JVM and says so in the result.
 * Not thread-safe, except {@link #stop()}, which another thread (a Ctrl-C handler) may call.
 */
public final class JavaSession implements AutoCloseable {

    private final List<String> childOptions;
    private final List<String> prelude;
    private final CapturedOutput output = new CapturedOutput();
    private volatile ChildJvmEngine engine;
    private volatile JShell jshell;
    private volatile boolean stopRequested;
    private volatile boolean engineEnded;
    private volatile boolean evaluating;
    /** Counts evaluations, so a stop meant for one cell never reaches the next. */
    private final java.util.concurrent.atomic.AtomicLong evaluations = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean forcedStop;
    private static final java.time.Duration STOP_GRACE = java.time.Duration.ofSeconds(3);
    private static final long STOP_RETRY_MS = 100;

    /**
     * @param childOptions JVM options for the child, such as {@code -Dstreamlab.bootstrap.servers=...}
     * @param prelude snippets run in every fresh session (imports, mostly)
     */
    public JavaSession(List<String> childOptions, List<String> prelude) {
        this.childOptions = List.copyOf(childOptions);
        this.prelude = new ArrayList<>(prelude);
        start();
    }

    private void start() {
        ChildJvmEngine previous = engine;
        engine = new ChildJvmEngine(childOptions);
        if (previous != null) {
            previous.properties().forEach(engine::setProperty);
        }
        PrintStream printer = new PrintStream(output, true, StandardCharsets.UTF_8);
        jshell = JShell.builder()
                .executionEngine(engine, java.util.Map.of())
                .out(printer)
                .err(printer)
                .in(new ByteArrayInputStream(new byte[0]))
                .build();
        engineEnded = false;
        // Only the current JShell counts: the one we replaced may report its end late, from its I/O thread.
        jshell.onShutdown(closed -> {
            if (closed == jshell) {
                engineEnded = true;
            }
        });
        prelude.forEach(this::setup);
    }

    /** Runs setup code quietly: the learner did not write it, so they should not see its output. */
    private void setup(String snippet) {
        String before = output.take();
        Consumer<String> watcher = output.watch(null);
        try {
            JavaResult result = eval(snippet);
            if (!result.ok()) {
                throw new IllegalStateException("The Java session could not run its setup code `" + snippet + "`: "
                        + result.output());
            }
        } finally {
            output.watch(watcher);
            output.putBack(before);
        }
    }

    /** Sets a system property in the JVM that runs the code, now and after every restart. */
    public void setChildProperty(String name, String value) {
        engine.setProperty(name, value);
    }

    /** Shows what the code prints while it runs, as well as in the result. Null to stop watching. */
    public void watch(Consumer<String> listener) {
        output.watch(listener);
    }

    /** Runs the code of a cell: any number of statements, declarations and expressions. */
    public JavaResult eval(String code) {
        output.take();
        stopRequested = false;
        evaluations.incrementAndGet();
        evaluating = true;
        try {
            return evalAll(code);
        } finally {
            evaluating = false;
        }
    }

    private JavaResult evalAll(String code) {
        SourceCodeAnalysis analysis = jshell.sourceCodeAnalysis();
        String remaining = code;
        while (!remaining.isBlank()) {
            if (stopRequested) {
                output.append("Stopped.\n");
                return new JavaResult(JavaOutcome.STOPPED, output.take(), "You stopped the code.");
            }
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String source = info.source();
            if (source == null || info.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE) {
                output.append("The code is not finished: a bracket, quote or semicolon is missing near\n"
                        + indent(remaining.strip()) + "\n");
                return new JavaResult(JavaOutcome.COMPILE_ERROR, output.take(), "The code is not finished.");
            }
            remaining = info.remaining();
            JavaResult failure = evalSnippet(source);
            if (failure != null) {
                return failure;
            }
        }
        return new JavaResult(JavaOutcome.OK, output.take(), null);
    }

    /** Evaluates one snippet; returns a result only if it failed. */
    private JavaResult evalSnippet(String source) {
        List<SnippetEvent> events;
        try {
            events = jshell.eval(source);
        } catch (IllegalStateException closed) {
            return restarted();
        }
        List<String> values = new ArrayList<>();
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // an update of an earlier snippet, not the one we ran
            }
            Snippet snippet = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                jshell.diagnostics(snippet).forEach(diag -> output.append(describe(diag, source)));
                return new JavaResult(JavaOutcome.COMPILE_ERROR, output.take(), "The code does not compile.");
            }
            if (event.exception() != null) {
                return failed(event.exception());
            }
            if (engineEnded) {
                return restarted();
            }
            if (stopRequested) {
                output.append("Stopped.\n");
                return new JavaResult(JavaOutcome.STOPPED, output.take(), "You stopped the code.");
            }
            String name = snippet instanceof VarSnippet v ? v.name()
                    : snippet instanceof ExpressionSnippet e ? e.name() : null;
            if (name != null && event.value() != null && !event.value().isEmpty()) {
                values.add(name + " ==> " + event.value() + "\n");
            }
        }
        if (engineEnded) {
            return restarted();
        }
        values.forEach(output::append);
        return null;
    }

    private JavaResult failed(Exception exception) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            output.append("This uses something that is not defined yet: "
                    + jshell.unresolvedDependencies(unresolved.getSnippet()).toList() + "\n");
            return new JavaResult(JavaOutcome.EXCEPTION, output.take(), "Something the code needs is not defined.");
        }
        String type = exception instanceof EvalException eval ? eval.getExceptionClassName() : exception.getClass().getName();
        output.append(type + (exception.getMessage() == null ? "" : ": " + exception.getMessage()) + "\n");
        for (StackTraceElement frame : exception.getStackTrace()) {
            if (frame.getClassName().startsWith("REPL.")) {
                output.append("\tat your code, line " + frame.getLineNumber() + "\n");
                break;
            }
            output.append("\tat " + frame + "\n");
        }
        String simple = type.substring(type.lastIndexOf('.') + 1);
        String problem = simple.equals("OutOfMemoryError")
                ? "Your code ran out of memory (OutOfMemoryError). The shell and the cluster are fine; your variables are kept."
                : "Your code threw " + simple + ".";
        return new JavaResult(JavaOutcome.EXCEPTION, output.take(), problem);
    }

    private JavaResult restarted() {
        String how = forcedStop
                ? "Your code did not stop when asked, so streamlab ended the Java process that ran it."
                : exitDescription();
        forcedStop = false;
        jshell.close();
        start();
        return new JavaResult(JavaOutcome.RESTARTED, output.take(),
                how + " The shell and the cluster are fine. Java started afresh: your earlier variables are gone.");
    }

    private String exitDescription() {
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

    /** Stops the code that runs now (an endless loop, a blocked call). Safe to call from any thread. */
    public void stop() {
        stopRequested = true;
        // A stop that arrives between two snippets, or while one compiles, finds no code to stop: keep
        // asking while the cell runs. Code that ignores every stop loses its JVM, and we start a new one.
        long target = evaluations.get();
        Thread stopper = new Thread(() -> {
            long deadline = System.nanoTime() + STOP_GRACE.toNanos();
            while (stillRunning(target) && System.nanoTime() < deadline) {
                try {
                    jshell.stop();
                    Thread.sleep(STOP_RETRY_MS);
                } catch (IllegalStateException closed) {
                    return;
                } catch (InterruptedException e) {
                    return;
                }
            }
            Process child = engine.process();
            if (stillRunning(target) && child != null) {
                forcedStop = true;
                child.destroyForcibly();
            }
        }, "streamlab-stop");
        stopper.setDaemon(true);
        stopper.start();
    }

    /** Whether code runs now. */
    public boolean isEvaluating() {
        return evaluating;
    }

    /** Whether the evaluation that was running when stop was asked still runs. */
    private boolean stillRunning(long evaluation) {
        return evaluating && evaluations.get() == evaluation;
    }

    /** Forgets every variable, method and class: a fresh Java process with the prelude. */
    public void reset() {
        jshell.close();
        start();
        output.take();
    }

    /** Whether {@code code} is a whole cell, or needs more lines (an open brace, a missing semicolon...). */
    public boolean isIncomplete(String code) {
        String remaining = code;
        SourceCodeAnalysis analysis = jshell.sourceCodeAnalysis();
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE) {
                return true;
            }
            if (!info.completeness().isComplete()) {
                return false;
            }
            remaining = info.remaining();
        }
        return false;
    }

    /**
     * The learner's variables whose declared type, with generics and package left out, passes the test, oldest
     * first: {@code variablesOfType("Topology"::equals)} finds {@code var topology = builder.build()}.
     */
    public List<String> variablesOfType(java.util.function.Predicate<String> simpleTypeName) {
        return jshell.variables()
                .filter(v -> simpleTypeName.test(simpleName(v.typeName())))
                .map(jdk.jshell.VarSnippet::name)
                .toList();
    }

    /** Whether the learner has a variable of this name. */
    public boolean hasVariable(String name) {
        return jshell.variables().anyMatch(v -> v.name().equals(name));
    }

    private static String simpleName(String typeName) {
        String raw = typeName.replaceAll("<.*", "");
        return raw.substring(raw.lastIndexOf('.') + 1);
    }

    /** Completion candidates for the code at {@code cursor}, and where the completed word starts. */
    public Completions complete(String code, int cursor) {
        int[] anchor = new int[1];
        List<String> candidates = new ArrayList<>();
        for (SourceCodeAnalysis.Suggestion s : jshell.sourceCodeAnalysis().completionSuggestions(code, cursor, anchor)) {
            if (!candidates.contains(s.continuation())) {
                candidates.add(s.continuation());
            }
        }
        return new Completions(anchor[0], candidates);
    }

    /** Completion candidates, each replacing the text from {@code anchor} to the cursor. */
    public record Completions(int anchor, List<String> candidates) {
    }

    private static String describe(Diag diag, String source) {
        StringBuilder text = new StringBuilder();
        text.append(diag.isError() ? "error: " : "warning: ").append(diag.getMessage(Locale.ENGLISH)).append('\n');
        long position = diag.getPosition() == Diag.NOPOS ? diag.getStartPosition() : diag.getPosition();
        if (position >= 0 && position <= source.length()) {
            int start = source.lastIndexOf('\n', (int) Math.max(0, position - 1)) + 1;
            int end = source.indexOf('\n', (int) position);
            String line = source.substring(start, end < 0 ? source.length() : end);
            text.append(line).append('\n');
            text.append(" ".repeat((int) position - start)).append("^\n");
        }
        return text.toString();
    }

    private static String indent(String code) {
        return "    " + code.replace("\n", "\n    ");
    }

    @Override
    public void close() {
        jshell.close();
    }
}
