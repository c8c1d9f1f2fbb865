package dev.streamlab.notebook;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.streamlab.cluster.ScratchDirectory;
import dev.streamlab.diagram.TopologyView;
import dev.streamlab.notebook.engine.ChildJvmEngine;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;

/**
 * A JShell whose code runs in a child JVM ({@link ChildJvmEngine}). Survives whatever the learner's
 * code does: after {@code System.exit} or a crash it starts a fresh JVM and says so in the result.
 * Not thread-safe, except {@link #stop()}, which another thread (a Ctrl-C handler) may call.
 */
public final class JavaSession implements AutoCloseable {

    private final Path javaLauncher;
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
    private final SessionHistory history = new SessionHistory();
    private final java.util.Set<String> helpers;
    private SnippetFeedback feedback;
    private volatile int width = 100;
    /** Lines of the cell before the snippet that runs now. */
    private int lineOffset;
    /** Where each snippet of the cell that runs now starts, by JShell's id: a stack frame names the snippet. */
    private final java.util.Map<String, Integer> cellLines = new java.util.HashMap<>();
    /** False while the prelude runs: it is not the learner's. */
    private boolean recording = true;
    /** True while a restart declares the learner's code again: a process that dies then must not start another restore. */
    private boolean replaying;
    private final ScratchDirectory scratch;
    private static final java.time.Duration STOP_GRACE = java.time.Duration.ofSeconds(3);
    private static final long STOP_RETRY_MS = 100;

    /**
     * @param childOptions JVM options for the child, such as {@code -Dstreamlab.bootstrap.servers=...}
     * @param prelude snippets run in every fresh session (imports, mostly)
     */
    public JavaSession(List<String> childOptions, List<String> prelude) {
        this(Path.of(System.getProperty("java.home"), "bin", "java"), childOptions, prelude);
    }

    /** @param java the {@code java} launcher of the JDK that runs the learner's code (the shell's own by default) */
    public JavaSession(Path java, List<String> childOptions, List<String> prelude) {
        this.javaLauncher = java;
        // The child's temporary folder is the session's own, removed on close: what the learner's code (or a lesson's
        // simulation) leaves there goes with it, also when the child had to be killed.
        this.scratch = ScratchDirectory.create("cells");
        List<String> options = new ArrayList<>();
        options.add("-Djava.io.tmpdir=" + scratch.path());
        options.addAll(childOptions);
        this.childOptions = List.copyOf(options);
        this.prelude = new ArrayList<>(prelude);
        this.helpers = helperNames(prelude);
        start();
    }

    private void start() {
        ChildJvmEngine previous = engine;
        engine = new ChildJvmEngine(javaLauncher, childOptions);
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
        feedback = new SnippetFeedback(jshell);
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
            // Not eval(): that would mark the learner's cell as ended while a restart runs this setup.
            recording = false;
            JavaResult result;
            try {
                result = evalAll(snippet);
            } finally {
                recording = true;
            }
            if (!result.ok()) {
                throw new IllegalStateException("The Java session could not run its setup code `" + snippet + "`: "
                        + result.output());
            }
        } finally {
            output.watch(watcher);
            output.putBack(before);
        }
    }

    /** Values longer than this many columns are cut, with an ellipsis; what the code prints never is. */
    public void setWidth(int columns) {
        this.width = Math.max(20, columns);
    }

    /** The public static methods of the classes the prelude imports statically: the helpers a cell may hide. */
    private static java.util.Set<String> helperNames(List<String> prelude) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String line : prelude) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("import static ([\\w.]+)\\.\\*;").matcher(line.strip());
            if (m.matches()) {
                try {
                    for (java.lang.reflect.Method method : Class.forName(m.group(1)).getMethods()) {
                        if (java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                            names.add(method.getName());
                        }
                    }
                } catch (ClassNotFoundException e) {
                    // not on our class path: nothing to warn about
                }
            }
        }
        return names;
    }

    /** Sets a system property in the JVM that runs the code, now and after every restart. */
    public void setChildProperty(String name, String value) {
        engine.setProperty(name, value);
    }

    /** The learner's variable as a Kafka Streams topology, read where their code runs; empty if it holds none. */
    public Optional<TopologyView> topologyOf(String variable) {
        return ask(() -> engine.topologyOf(variable));
    }

    /** The learner's variable as settings (a map, its entries as text); empty if it holds no map. */
    public Optional<Map<String, String>> settingsOf(String variable) {
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

    /** Shows what the code prints while it runs, as well as in the result. Null to stop watching. */
    public void watch(Consumer<String> listener) {
        output.watch(listener);
    }

    /**
     * What the learner's threads printed since the last cell ended, when no cell ran (a Kafka Streams app logging from
     * its own threads); {@link #eval} leaves it out of the next cell's output.
     */
    public String takeBackgroundOutput() {
        return output.take();
    }

    /** Runs the code of a cell: any number of statements, declarations and expressions. */
    public JavaResult eval(String code) {
        output.take();
        stopRequested = false;
        evaluations.incrementAndGet();
        evaluating = true;
        try {
            JavaResult result = evalAll(code);
            rememberPlainValues();
            return result;
        } finally {
            evaluating = false;
        }
    }

    private JavaResult evalAll(String code) {
        SourceCodeAnalysis analysis = jshell.sourceCodeAnalysis();
        List<String> snippets = new ArrayList<>();
        List<Integer> firstLines = new ArrayList<>();
        cellLines.clear();
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String source = info.source();
            if (source == null || info.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE) {
                output.append("The code is not finished: a bracket, quote or semicolon is missing near\n"
                        + indent(remaining.strip()) + "\n");
                return new JavaResult(JavaOutcome.COMPILE_ERROR, output.take(), "The code is not finished.");
            }
            snippets.add(source);
            // JShell numbers lines per snippet; the learner reads the lines of the whole cell.
            String consumed = code.substring(0, code.length() - remaining.length());
            String leading = remaining.substring(0, remaining.length() - remaining.stripLeading().length());
            firstLines.add((int) (consumed + leading).chars().filter(c -> c == '\n').count());
            remaining = info.remaining();
        }
        for (int i = 0; i < snippets.size(); i++) {
            if (stopRequested) {
                return stopped();
            }
            lineOffset = firstLines.get(i);
            JavaResult failure = evalSnippet(snippets.get(i), i == snippets.size() - 1);
            if (failure != null) {
                return failure;
            }
        }
        return new JavaResult(JavaOutcome.OK, output.take(), null);
    }

    /**
     * Evaluates one snippet and shows what the learner needs to see of it: a short line for a declaration, the
     * value of the cell's last expression or variable (cut to the width), and what a change did to dependants.
     * Returns a result only if it failed.
     */
    private JavaResult evalSnippet(String source, boolean last) {
        List<SnippetEvent> events;
        try {
            events = jshell.eval(source);
        } catch (IllegalStateException closed) {
            return ended();
        }
        List<String> lines = new ArrayList<>();
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                feedback.updated(event).ifPresent(lines::add);
                continue; // an update of an earlier snippet, not the one we ran
            }
            Snippet snippet = event.snippet();
            cellLines.put(snippet.id(), lineOffset);
            if (event.status() == Snippet.Status.REJECTED) {
                jshell.diagnostics(snippet).forEach(diag -> output.append(describe(diag, source)));
                return new JavaResult(JavaOutcome.COMPILE_ERROR, output.take(), "The code does not compile.");
            }
            if (event.exception() != null) {
                lines.forEach(line -> output.append(line + "\n"));
                return failed(event.exception(), snippet);
            }
            if (engineEnded) {
                return ended();
            }
            if (stopRequested) {
                return stopped();
            }
            lines.addAll(0, describeEvent(event, overwritten(events, snippet), last));
        }
        if (engineEnded) {
            return ended();
        }
        lines.forEach(line -> output.append(line + "\n"));
        return null;
    }

    private JavaResult stopped() {
        output.append("Stopped.\n");
        return new JavaResult(JavaOutcome.STOPPED, output.take(), "You stopped the code.");
    }

    /** The earlier version of a declaration that this snippet overwrote, if there was one. */
    private static java.util.Optional<Snippet> overwritten(List<SnippetEvent> events, Snippet snippet) {
        return events.stream()
                .filter(e -> e.causeSnippet() == snippet && e.status() == Snippet.Status.OVERWRITTEN)
                .map(SnippetEvent::snippet)
                .filter(old -> old.kind() == snippet.kind())
                .findFirst();
    }

    private List<String> describeEvent(SnippetEvent event, java.util.Optional<Snippet> overwritten, boolean last) {
        Snippet snippet = event.snippet();
        List<String> lines = new ArrayList<>();
        boolean temporary = snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
        if (snippet.kind() == Snippet.Kind.IMPORT) {
            if (recording) {
                history.declared(snippet, snippet.source().strip(), null);
            }
            return lines;
        }
        if (snippet instanceof DeclarationSnippet declaration && !temporary && recording) {
            history.declared(snippet, declaration.name(), snippet instanceof VarSnippet v ? v.typeName() : null);
        }
        String name = snippet instanceof VarSnippet v ? v.name()
                : snippet instanceof ExpressionSnippet e ? e.name() : null;
        boolean showValue = last && name != null && event.value() != null;
        if (showValue) {
            lines.add(ValueText.cut(name + " ==> " + event.value(), width));
        }
        if (snippet instanceof DeclarationSnippet && !temporary) {
            String action = SnippetFeedback.action(event, overwritten);
            boolean quietNewVariable = showValue && action.equals("created") && snippet.kind() == Snippet.Kind.VAR
                    && jshell.status(snippet) == Snippet.Status.VALID;
            if (!quietNewVariable) {
                lines.add(feedback.declared(event, overwritten));
            }
            if (snippet instanceof jdk.jshell.MethodSnippet method && helpers.contains(method.name())
                    && !action.equals("modified")) {
                lines.add("Note: your " + SnippetFeedback.describe(snippet) + " hides streamlab's helper "
                        + method.name() + "(...) in the cells that follow; /reset brings the helper back.");
            }
        }
        return lines;
    }

    /** Reads the variables that hold plain values, so a restarted Java process can get them back. */
    private void rememberPlainValues() {
        for (SessionHistory.Declaration known : history.plainValues()) {
            jshell.variables()
                    .filter(v -> v.id().equals(known.id()) && jshell.status(v) == Snippet.Status.VALID)
                    .findFirst()
                    .ifPresent(v -> {
                        try {
                            history.sawValue(v, jshell.varValue(v));
                        } catch (IllegalStateException | IllegalArgumentException e) {
                            // the process ended meanwhile; the last value seen stays
                        }
                    });
        }
    }

    private JavaResult failed(Exception exception, Snippet ran) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            Snippet used = unresolved.getSnippet();
            output.append("attempted to use " + SnippetFeedback.describe(used) + feedback.unresolved(used, true) + "\n");
            return new JavaResult(JavaOutcome.EXCEPTION, output.take(), "Something the code needs is not defined.");
        }
        String type = exception instanceof EvalException eval ? eval.getExceptionClassName() : exception.getClass().getName();
        output.append(type + (exception.getMessage() == null ? "" : ": " + exception.getMessage()) + "\n");
        for (StackTraceElement frame : exception.getStackTrace()) {
            if (frame.getClassName().startsWith("REPL.") || frame.getFileName() != null && frame.getFileName().startsWith("#")) {
                Integer cellLine = frame.getFileName() == null ? null : cellLines.get(frame.getFileName().substring(1));
                output.append(cellLine != null ? "\tat your code, line " + (frame.getLineNumber() + cellLine) + "\n"
                        : "\tat your code from an earlier cell, line " + frame.getLineNumber() + " of its snippet\n");
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
        evaluations.incrementAndGet(); // a stopper still asking ends, and never stops the replay below
        stopRequested = false;
        jshell.close();
        start();
        String restored = replayHistory();
        return new JavaResult(JavaOutcome.RESTARTED, output.take(),
                how + " The shell and the cluster are fine. Java started afresh. " + restored);
    }

    /** The process ended: during a restore, say so to the restore; otherwise start a new one. */
    private JavaResult ended() {
        if (replaying) {
            return new JavaResult(JavaOutcome.RESTARTED, output.take(), "The new Java process ended too.");
        }
        return restarted();
    }

    /** Declares again, in the new process, what the learner had declared; returns one line saying what came back. */
    private String replayHistory() {
        List<String> byValue = new ArrayList<>();
        List<String> byDeclaration = new ArrayList<>();
        List<String> unsafe = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        String interrupted = null;
        int methods = 0;
        int types = 0;
        List<SessionHistory.Declaration> todo = history.inReplayOrder();
        history.clear();
        replaying = true;
        try {
            // A declaration may need one that comes later (a variable of a class redefined since): a second pass.
            for (int pass = 0; pass < 2 && !todo.isEmpty(); pass++) {
                List<SessionHistory.Declaration> again = new ArrayList<>();
                for (SessionHistory.Declaration declaration : todo) {
                    if (interrupted != null) {
                        failed.add(declaration.name());
                        continue;
                    }
                    String code = declaration.replayCode(history.typeNames());
                    if (code == null) {
                        unsafe.add(declaration.name());
                        continue;
                    }
                    JavaResult result = quietly(code);
                    if (result.outcome() == JavaOutcome.STOPPED) {
                        interrupted = "You stopped the restore.";
                        failed.add(declaration.name());
                    } else if (result.outcome() == JavaOutcome.RESTARTED) {
                        interrupted = result.problem();
                        failed.add(declaration.name());
                    } else if (!result.ok()) {
                        again.add(declaration);
                    } else {
                        switch (declaration.kind()) {
                            case VAR -> (declaration.restoresByValue() ? byValue : byDeclaration).add(declaration.name());
                            case METHOD -> methods++;
                            case TYPE_DECL -> types++;
                            default -> { }
                        }
                    }
                }
                if (pass == 1) {
                    again.forEach(d -> failed.add(d.name()));
                }
                todo = again;
            }
        } finally {
            replaying = false;
        }
        rememberPlainValues();
        List<String> parts = new ArrayList<>();
        if (!byValue.isEmpty()) {
            parts.add(joinNames(byValue) + " with " + (byValue.size() == 1 ? "its last value" : "their last values"));
        }
        if (!byDeclaration.isEmpty()) {
            parts.add(joinNames(byDeclaration) + " as " + (byDeclaration.size() == 1 ? "its declaration makes it" : "their declarations make them"));
        }
        if (methods > 0) {
            parts.add(methods + (methods == 1 ? " method" : " methods"));
        }
        if (types > 0) {
            parts.add(types + (types == 1 ? " class" : " classes"));
        }
        String line = parts.isEmpty() ? "There was nothing to restore." : "Restored " + joinNames(parts) + ".";
        if (!unsafe.isEmpty()) {
            line += " Not restored, because running their code again could repeat what it did: " + String.join(", ", unsafe)
                    + ". Run their cells again if you need them.";
        }
        if (!failed.isEmpty()) {
            line += (interrupted == null ? "" : " " + interrupted) + " Could not be declared again: " + String.join(", ", failed) + ".";
        }
        return line;
    }

    private static String joinNames(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** Runs code the learner does not need to see again; records it in the history like any cell. */
    private JavaResult quietly(String code) {
        String before = output.take();
        Consumer<String> watcher = output.watch(null);
        try {
            return evalAll(code);
        } finally {
            output.take();
            output.watch(watcher);
            output.putBack(before);
        }
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
        history.clear();
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
        // JShell's wrapper class has no name: javac's "location: class " line says nothing to a learner.
        String message = diag.getMessage(Locale.ENGLISH).replaceAll("\n\\s*location: class\\s*(?=\n|$)", "");
        text.append(diag.isError() ? "error: " : "warning: ").append(message).append('\n');
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
