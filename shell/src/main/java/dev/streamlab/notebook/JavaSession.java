package dev.streamlab.notebook;

import dev.streamlab.diagram.TopologyView;
import dev.streamlab.notebook.engine.ChildJvmEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * A JShell whose code runs in a child JVM ({@link ChildJvmEngine}). Survives whatever the learner's
 * code does: after {@code System.exit} or a crash it starts a fresh JVM, declares again what the learner had
 * ({@link Restore}) and says so in the result. A result's parts are whole: a front end cuts values to its width.
 * Not thread-safe, except {@link #stop()}, which another thread (a Ctrl-C handler) may call.
 */
public final class JavaSession implements AutoCloseable {

    private static final Consumer<Part> NOBODY = part -> {};

    private final List<String> prelude;
    private final Set<String> helpers;
    private final JShellProcess process;
    private final CellRun run = new CellRun();
    private final CellSnippets snippets = new CellSnippets();
    private final SessionHistory history = new SessionHistory();
    private SnippetFeedback feedback;
    private volatile Consumer<Part> live = NOBODY;

    /**
     * @param childOptions JVM options for the child, such as {@code -Dstreamlab.bootstrap.servers=...}
     * @param prelude snippets run in every fresh session (imports, mostly)
     */
    public JavaSession(List<String> childOptions, List<String> prelude) {
        this(Path.of(System.getProperty("java.home"), "bin", "java"), childOptions, prelude);
    }

    /** @param java the {@code java} launcher of the JDK that runs the learner's code (the shell's own by default) */
    public JavaSession(Path java, List<String> childOptions, List<String> prelude) {
        this.process = new JShellProcess(java, childOptions);
        this.prelude = List.copyOf(prelude);
        this.helpers = SnippetFeedback.helperNames(prelude);
        try {
            start();
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    private void start() {
        process.start();
        feedback = new SnippetFeedback(process.jshell(), helpers);
        prelude.forEach(this::setup);
    }

    /** Runs setup code quietly and leaves it out of the history: the learner did not write it. */
    private void setup(String snippet) {
        JavaResult result = quietly(() -> evalAll(snippet, new Collected(), false));
        if (!result.ok()) {
            throw new IllegalStateException(
                    "The Java session could not run its setup code `" + snippet + "`: " + result.output());
        }
    }

    /** Sets a system property in the JVM that runs the code, now and after every restart. */
    public void setChildProperty(String name, String value) {
        process.setProperty(name, value);
    }

    /** The learner's variable as a Kafka Streams topology, read where their code runs; empty if it holds none. */
    public Optional<TopologyView> topologyOf(String variable) {
        return process.topologyOf(variable);
    }

    /** The learner's variable as settings (a map, its entries as text); empty if it holds no map. */
    public Optional<Map<String, String>> settingsOf(String variable) {
        return process.settingsOf(variable);
    }

    /** Shows each part of a result as it comes: printed text while the code runs, values and feedback as they are made. */
    public void watchParts(Consumer<Part> listener) {
        Consumer<Part> watcher = listener == null ? NOBODY : listener;
        live = watcher;
        process.output().watch(listener == null ? null : text -> watcher.accept(new Part.Text(text)));
    }

    /** Shows the result as plain text while the code runs, as well as in the result. Null to stop watching. */
    public void watch(Consumer<String> listener) {
        watchParts(listener == null ? null : part -> listener.accept(part.plain()));
    }

    /**
     * What the learner's threads printed since the last cell ended, when no cell ran (a Kafka Streams app logging from
     * its own threads); {@link #eval} leaves it out of the next cell's output.
     */
    public String takeBackgroundOutput() {
        return process.output().take();
    }

    /** Runs the code of a cell: any number of statements, declarations and expressions. */
    public JavaResult eval(String code) {
        process.output().take();
        run.begin();
        try {
            JavaResult result = evalAll(code, new Collected(), true);
            if (result.outcome() == JavaOutcome.RESTARTED) {
                result = restart(result.parts());
            }
            Restore.rememberPlainValues(history, process.jshell());
            return result;
        } finally {
            run.end();
        }
    }

    /**
     * Runs each snippet of the code until one fails. Returns {@link JavaOutcome#RESTARTED}, without a problem, when the
     * process ended: the caller decides whether to start another.
     */
    private JavaResult evalAll(String code, Collected out, boolean record) {
        SourceCodeAnalysis analysis = process.jshell().sourceCodeAnalysis();
        CellSnippets.Split split = CellSnippets.split(code, analysis);
        if (split.unfinished() != null) {
            out.add(new Part.Feedback(SnippetFeedback.unfinished(split.unfinished())));
            return out.result(JavaOutcome.COMPILE_ERROR, "The code is not finished.");
        }
        snippets.newCell();
        List<CellSnippets.Piece> pieces = split.pieces();
        for (int i = 0; i < pieces.size(); i++) {
            if (run.stopAsked()) {
                return stopped(out);
            }
            JavaResult failure = evalSnippet(pieces.get(i), i == pieces.size() - 1, out, record);
            if (failure != null) {
                return failure;
            }
        }
        return out.result(JavaOutcome.OK, null);
    }

    /**
     * Evaluates one snippet and adds what the learner needs to see of it: a short line for a declaration, the value
     * of the cell's last expression or variable, and what a change did to dependants. Returns a result only if it failed.
     */
    private JavaResult evalSnippet(CellSnippets.Piece piece, boolean last, Collected out, boolean record) {
        JShell jshell = process.jshell();
        List<SnippetEvent> events;
        try {
            events = jshell.eval(piece.source());
        } catch (IllegalStateException closed) {
            return ended(out);
        }
        List<Part> parts = new ArrayList<>();
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                feedback.updated(event).ifPresent(line -> parts.add(new Part.Feedback(line)));
                continue; // an update of an earlier snippet, not the one we ran
            }
            Snippet snippet = event.snippet();
            snippets.ran(snippet.id(), piece.firstLine());
            if (event.status() == Snippet.Status.REJECTED) {
                StringBuilder errors = new StringBuilder();
                jshell.diagnostics(snippet)
                        .forEach(diag -> errors.append(SnippetFeedback.compileError(diag, piece.source())));
                out.add(new Part.Feedback(errors.toString()));
                return out.result(JavaOutcome.COMPILE_ERROR, "The code does not compile.");
            }
            if (event.exception() != null) {
                parts.forEach(out::add);
                return failed(event.exception(), out);
            }
            if (process.ended() || run.state() == CellRun.State.KILLED) {
                return ended(out);
            }
            if (run.stopAsked()) {
                return stopped(out);
            }
            if (record) {
                remember(event);
            }
            parts.addAll(0, feedback.ran(event, overwritten(events, snippet), last));
        }
        if (process.ended()) {
            return ended(out);
        }
        parts.forEach(out::add);
        return null;
    }

    /** Keeps a declaration the learner made, to declare it again in a process that replaces this one. */
    private void remember(SnippetEvent event) {
        Snippet snippet = event.snippet();
        if (snippet.kind() == Snippet.Kind.IMPORT) {
            history.declared(snippet, snippet.source().strip(), null);
        } else if (snippet instanceof DeclarationSnippet declaration
                && snippet.subKind() != Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            history.declared(snippet, declaration.name(), snippet instanceof VarSnippet v ? v.typeName() : null);
        }
    }

    /** The earlier version of a declaration that this snippet overwrote, if there was one. */
    private static Optional<Snippet> overwritten(List<SnippetEvent> events, Snippet snippet) {
        return events.stream()
                .filter(e -> e.causeSnippet() == snippet && e.status() == Snippet.Status.OVERWRITTEN)
                .map(SnippetEvent::snippet)
                .filter(old -> old.kind() == snippet.kind())
                .findFirst();
    }

    private JavaResult stopped(Collected out) {
        out.add(new Part.Feedback("Stopped."));
        return out.result(JavaOutcome.STOPPED, "You stopped the code.");
    }

    private static JavaResult ended(Collected out) {
        return out.result(JavaOutcome.RESTARTED, null);
    }

    private JavaResult failed(Exception exception, Collected out) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            Snippet used = unresolved.getSnippet();
            out.add(new Part.Feedback(
                    "attempted to use " + SnippetFeedback.describe(used) + feedback.unresolved(used, true)));
            return out.result(JavaOutcome.EXCEPTION, "Something the code needs is not defined.");
        }
        // JShell brings the chain of causes over from the child JVM: each as its class's name and its message.
        List<Part.Thrown> chain = new ArrayList<>();
        for (Throwable t = exception; t != null && chain.size() < 20; t = t.getCause()) {
            chain.add(new Part.Thrown(
                    t instanceof EvalException eval
                            ? eval.getExceptionClassName()
                            : t.getClass().getName(),
                    t.getMessage()));
        }
        Part.Failure failure = new Part.Failure(chain, snippets.trace(exception.getStackTrace()));
        out.add(failure);
        String simple = failure.thrown().simpleName();
        String problem = simple.equals("OutOfMemoryError")
                ? "Your code ran out of memory (OutOfMemoryError). The shell and the cluster are fine; your variables are kept."
                : "Your code threw " + simple + ".";
        return out.result(JavaOutcome.EXCEPTION, problem);
    }

    /** The process ended while a cell ran: starts another, declares again what the learner had, and says so. */
    private JavaResult restart(List<Part> before) {
        String how = run.state() == CellRun.State.KILLED
                ? "Your code did not stop when asked, so streamlab ended the Java process that ran it."
                : process.exitDescription();
        run.begin(); // a stopper still asking ends, and never stops the restore below
        start();
        String restored = Restore.replay(history, code -> quietly(() -> evalAll(code, new Collected(), true)));
        return new JavaResult(
                JavaOutcome.RESTARTED,
                before,
                how + " The shell and the cluster are fine. Java started afresh. " + restored);
    }

    /** Runs code the learner does not need to see; what their threads printed meanwhile stays for them. */
    private JavaResult quietly(Supplier<JavaResult> work) {
        CapturedOutput output = process.output();
        String before = output.take();
        Consumer<String> watcher = output.watch(null);
        Consumer<Part> listener = live;
        live = NOBODY;
        try {
            return work.get();
        } finally {
            output.take();
            live = listener;
            output.watch(watcher);
            output.putBack(before);
        }
    }

    /** Stops the code that runs now (an endless loop, a blocked call). Safe to call from any thread. */
    public void stop() {
        run.stop(process);
    }

    /** Whether code runs now. */
    public boolean isEvaluating() {
        return run.running();
    }

    /** Forgets every variable, method and class: a fresh Java process with the prelude. */
    public void reset() {
        history.clear();
        start();
        process.output().take();
    }

    /** Whether {@code code} is a whole cell, or needs more lines (an open brace, a missing semicolon...). */
    public boolean isIncomplete(String code) {
        return CellSnippets.isIncomplete(code, process.jshell().sourceCodeAnalysis());
    }

    /**
     * The learner's variables whose declared type, with generics and package left out, passes the test, oldest
     * first: {@code variablesOfType("Topology"::equals)} finds {@code var topology = builder.build()}.
     */
    public List<String> variablesOfType(Predicate<String> simpleTypeName) {
        return process.jshell()
                .variables()
                .filter(v -> simpleTypeName.test(simpleName(v.typeName())))
                .map(VarSnippet::name)
                .toList();
    }

    /** Whether the learner has a variable of this name. */
    public boolean hasVariable(String name) {
        return process.jshell().variables().anyMatch(v -> v.name().equals(name));
    }

    private static String simpleName(String typeName) {
        String raw = typeName.replaceAll("<.*", "");
        return raw.substring(raw.lastIndexOf('.') + 1);
    }

    /** Completion candidates for the code at {@code cursor}, and where the completed word starts. */
    public Completions complete(String code, int cursor) {
        int[] anchor = new int[1];
        List<String> candidates = new ArrayList<>();
        for (SourceCodeAnalysis.Suggestion s :
                process.jshell().sourceCodeAnalysis().completionSuggestions(code, cursor, anchor)) {
            if (!candidates.contains(s.continuation())) {
                candidates.add(s.continuation());
            }
        }
        return new Completions(anchor[0], candidates);
    }

    /** Completion candidates, each replacing the text from {@code anchor} to the cursor. */
    public record Completions(int anchor, List<String> candidates) {}

    @Override
    public void close() {
        process.close();
    }

    /**
     * The parts of one run, in order. What the code prints arrives on its own (JShell's I/O thread writes it as it
     * comes), so it is taken as one text part whenever another part follows it.
     */
    private final class Collected {
        private final List<Part> parts = new ArrayList<>();

        void add(Part part) {
            takePrinted();
            parts.add(part);
            live.accept(part);
        }

        JavaResult result(JavaOutcome outcome, String problem) {
            takePrinted();
            return new JavaResult(outcome, parts, problem);
        }

        private void takePrinted() {
            String printed = process.output().take();
            if (!printed.isEmpty()) {
                parts.add(new Part.Text(printed));
            }
        }
    }
}
