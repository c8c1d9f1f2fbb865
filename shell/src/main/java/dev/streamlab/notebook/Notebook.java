package dev.streamlab.notebook;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.diagram.Drawing;
import dev.streamlab.learner.Kafka;
import dev.streamlab.lesson.Cell;
import dev.streamlab.lesson.Expectation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs cells against one cluster: Java in a {@link JavaSession}, commands through {@link PromptCommands},
 * then checks the cell's expectations. Returns results and never prints, so the terminal shell, the
 * headless checker and tests all run a lesson the same way.
 */
public final class Notebook implements AutoCloseable {

    /** What every Java session starts with, so cells can use Kafka's clients and our helpers at once. */
    public static final List<String> PRELUDE = List.of(
            "import java.util.*;",
            "import java.time.*;",
            "import org.apache.kafka.clients.producer.*;",
            "import org.apache.kafka.clients.consumer.*;",
            "import org.apache.kafka.clients.admin.*;",
            "import org.apache.kafka.common.TopicPartition;",
            "import static dev.streamlab.learner.Kafka.*;");

    private final JavaSession java;
    private final StartingCluster cluster;
    private final PromptCommands commands = new PromptCommands();
    private final ClusterCommands clusterCommands;
    private final ExpectationChecker checker;
    private final SqlCells sql;
    private volatile Consumer<Part> watcher;

    public Notebook(Cluster cluster) {
        this(CompletableFuture.completedFuture(cluster), newJavaSession());
    }

    /**
     * A notebook on a cluster that may still be starting. Cells run at once; a command, an expectation
     * or a Kafka client in a Java cell waits for the cluster. The Java session learns the cluster's
     * address as soon as it is known, even while a cell runs.
     */
    public Notebook(CompletableFuture<Cluster> starting, JavaSession java) {
        this.java = java;
        this.cluster = new StartingCluster(starting);
        this.clusterCommands = new ClusterCommands(cluster);
        clusterCommands.addTo(commands);
        LearnerVariableCommands.addTo(commands, java);
        this.checker = new ExpectationChecker(cluster);
        this.sql = new SqlCells(this.cluster, engine -> {
            // The gateway takes only the engine's certificate: the learner's session gets it to talk to the gateway.
            java.setChildProperty(
                    Kafka.SQL_KEYSTORE_PROPERTY, engine.keystore().file().toString());
            java.setChildProperty(
                    Kafka.SQL_KEYSTORE_PASSWORD_PROPERTY, engine.keystore().password());
            java.setChildProperty(
                    Kafka.SQL_CERTIFICATE_PROPERTY,
                    engine.keystore().certificate().toString());
            java.setChildProperty(Kafka.SQL_GATEWAY_PROPERTY, engine.gatewayUrl());
        });
        SqlJobCommands.addTo(commands, sql);
        starting.whenComplete((ready, failure) -> {
            if (ready != null) {
                for (Map.Entry<String, Object> setting : ready.clientConfig().entrySet()) {
                    if (!setting.getKey().equals("bootstrap.servers")) {
                        java.setChildProperty(
                                Kafka.CLIENT_PREFIX + setting.getKey(), String.valueOf(setting.getValue()));
                    }
                }
                ready.childProperties().forEach(java::setChildProperty);
                if (!ready.namespace().isNone()) {
                    java.setChildProperty(
                            Kafka.NAMESPACE_PROPERTY, ready.namespace().prefix());
                }
                java.setChildProperty(Kafka.BOOTSTRAP_PROPERTY, ready.bootstrapServers());
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
                java.setChildProperty(Kafka.FAILED_PROPERTY, "The cluster did not start: " + cause.getMessage());
            }
        });
    }

    /**
     * Starts a cluster in the background and a notebook on it: the first step can show, and cells that
     * need no cluster can run, while the brokers start. Closing the result closes both.
     */
    public static Started start(Supplier<Cluster> clusterStarter) {
        CompletableFuture<Cluster> starting = CompletableFuture.supplyAsync(clusterStarter);
        try {
            Notebook notebook = new Notebook(starting, newJavaSession());
            return new Started(notebook.cluster, notebook);
        } catch (RuntimeException e) {
            starting.thenAccept(Cluster::close);
            throw e;
        }
    }

    /** Whether streamlab may stop this cluster's brokers (not an external or class cluster); waits for the cluster. */
    public boolean canControlBrokers() {
        return cluster.canControlBrokers();
    }

    /** Whether the cluster has started (it may still be starting in the background). */
    public boolean clusterIsUp() {
        return cluster.isUp();
    }

    /** A cluster and the notebook that runs cells on it. Closing it closes both. */
    public record Started(Cluster cluster, Notebook notebook) implements AutoCloseable {
        @Override
        public void close() {
            notebook.close();
            cluster.close();
        }
    }

    /** A Java session for cells, in a child JVM with a heap of its own, whose helpers wait for a cluster. */
    public static JavaSession newJavaSession() {
        return new JavaSession(JAVA_OPTIONS, PRELUDE);
    }

    /** The options of the child JVM that runs cells: a heap of its own, a fast start, helpers that wait for a cluster. */
    public static final List<String> JAVA_OPTIONS = List.of(
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Djava.awt.headless=true",
            "-D" + Kafka.PENDING_PROPERTY + "=true");

    /** Runs a lesson's cell as written, and checks its expectations. */
    public CellResult run(Cell cell) {
        return run(cell, cell.code());
    }

    /** Runs a lesson's cell, perhaps edited by the learner, and checks its expectations. */
    public CellResult run(Cell cell, String code) {
        List<Expectation> expectations = cell.expect();
        Map<Expectation, Object> before = checker.before(expectations);
        long start = System.nanoTime();
        CellResult ran = switch (cell.kind()) {
            case COMMAND -> command(cell, code);
            case SQL -> sql(cell, code, expectations);
            case JAVA -> java(cell, code);
        };
        List<CellResult.Check> checks = new ArrayList<>();
        // Code that did not run to its end fails the cell already: waiting for what it should have done in the
        // cluster would only keep the learner from their fix. A cell that is meant to fail is checked as usual.
        // The output is read whole (every value in full), never as some window showed it.
        if (ran.outcome() == JavaOutcome.OK || cell.expectsFailure()) {
            String output = ran.output();
            for (Expectation expectation : expectations) {
                checks.add(checker.check(expectation, ran.outcome(), output, before.get(expectation)));
            }
        }
        return new CellResult(
                cell,
                code,
                ran.outcome(),
                ran.parts(),
                ran.problem(),
                checks,
                Duration.ofNanos(System.nanoTime() - start),
                ran.drawing());
    }

    /** Runs Java or a command the learner typed: no expectations. */
    public CellResult runTyped(String input) {
        long start = System.nanoTime();
        CellResult ran = isCommand(input)
                ? command(null, input)
                : dev.streamlab.sql.SqlStatements.looksLikeSql(input) ? sql(null, input, List.of()) : java(null, input);
        return new CellResult(
                null,
                input,
                ran.outcome(),
                ran.parts(),
                ran.problem(),
                List.of(),
                Duration.ofNanos(System.nanoTime() - start),
                ran.drawing());
    }

    public static boolean isCommand(String input) {
        return input.strip().startsWith("/");
    }

    private CellResult java(Cell cell, String code) {
        String background = java.takeBackgroundOutput();
        JavaResult result = java.eval(code);
        String problem = result.problem();
        Optional<String> learner = learner();
        if (learner.isPresent()) {
            problem = classProblem(result, background, learner.get()).orElse(problem);
        }
        return new CellResult(cell, code, result.outcome(), result.parts(), problem, List.of(), Duration.ZERO, null);
    }

    /**
     * In a class, what the class cluster's authorizer or limits did, in one sentence. The exception the code threw is read
     * by its type; the cell may also have ended well while a Kafka Streams app's own threads logged the refusal (or the
     * learner stopped it while waiting), or the refusal was logged while no cell ran: logs are text, read as text.
     */
    private Optional<String> classProblem(JavaResult result, String background, String learner) {
        Optional<Part.Failure> failure = result.failure();
        if (failure.isPresent()) {
            boolean streams =
                    failure.get().trace().stream().anyMatch(frame -> frame.startsWith("org.apache.kafka.streams."));
            for (Part.Thrown thrown : failure.get().chain()) {
                Optional<String> why = thrown.type(null)
                        .flatMap(type -> dev.streamlab.classroom.ClassAccess.explainThrown(
                                type, thrown.message(), learner, streams));
                if (why.isPresent()) {
                    return why;
                }
            }
            for (Part.Thrown thrown : failure.get().chain()) {
                Optional<String> why = thrown.type(null)
                        .flatMap(type -> dev.streamlab.classroom.ClassAccess.explainLimit(type, thrown.message()));
                if (why.isPresent()) {
                    return why;
                }
            }
        }
        if (result.outcome() == JavaOutcome.COMPILE_ERROR) {
            return Optional.empty();
        }
        Optional<String> logged =
                dev.streamlab.classroom.ClassAccess.explainOutput(Parts.printed(result.parts()), learner);
        if (logged.isPresent() || result.problem() != null) {
            return logged;
        }
        return dev.streamlab.classroom.ClassAccess.explainOutput(background, learner)
                .map(why -> "Since the last cell, " + why);
    }

    /** The learner's name on a class cluster, or empty on any other cluster. */
    private Optional<String> learner() {
        if (!cluster.isUp()) {
            return Optional.empty();
        }
        dev.streamlab.cluster.Namespace ns = cluster.namespace();
        return ns.isNone()
                ? Optional.empty()
                : Optional.of(ns.prefix().substring(0, ns.prefix().length() - 1));
    }

    private CellResult sql(Cell cell, String code, List<Expectation> expectations) {
        List<Expectation> onOutput = expectations.stream()
                .filter(e -> e instanceof Expectation.OutputContains || e instanceof Expectation.OutputMatches)
                .toList();
        java.util.function.Predicate<String> enough = onOutput.isEmpty()
                ? null
                : output -> onOutput.stream()
                        .allMatch(e ->
                                checker.check(e, JavaOutcome.OK, output, null).held());
        SqlCells.CellOutput ran = sql.run(code, enough, cell != null, text -> {
            Consumer<Part> now = watcher;
            if (now != null) {
                now.accept(new Part.Text(text));
            }
        });
        return new CellResult(cell, code, ran.outcome(), ran.output(), ran.problem(), List.of(), Duration.ZERO);
    }

    /** Starts the SQL engine in the background, for a lesson that has SQL cells: the first cell then waits less. */
    public void prepareSql() {
        sql.warmUp();
    }

    private CellResult command(Cell cell, String line) {
        try {
            Drawing drawing = commands.run(line);
            String output = drawing.plain();
            return new CellResult(
                    cell,
                    line,
                    JavaOutcome.OK,
                    output.endsWith("\n") ? output : output + "\n",
                    null,
                    List.of(),
                    Duration.ZERO,
                    drawing);
        } catch (CommandException e) {
            return new CellResult(
                    cell, line, JavaOutcome.EXCEPTION, e.getMessage() + "\n", e.getMessage(), List.of(), Duration.ZERO);
        } catch (RuntimeException e) {
            String message = "The command failed: " + e.getMessage();
            return new CellResult(cell, line, JavaOutcome.EXCEPTION, message + "\n", message, List.of(), Duration.ZERO);
        }
    }

    /** Stops what runs now: the learner's Java, or a wait for an expectation. Safe from any thread. */
    public void stop() {
        java.stop();
        sql.stop();
        checker.stop();
    }

    /** Shows what a Java or SQL cell gives while it runs, as plain text (it is in the result too). Null to stop watching. */
    public void watch(Consumer<String> listener) {
        watchParts(listener == null ? null : part -> listener.accept(part.plain()));
    }

    /**
     * Shows each part of what a Java or SQL cell gives as it comes (it is in the result too), for a front end to show
     * at its width. Null to stop watching.
     */
    public void watchParts(Consumer<Part> listener) {
        watcher = listener;
        java.watchParts(listener);
    }

    /** Forgets the learner's variables: a fresh Java session. */
    public void reset() {
        java.reset();
    }

    public JavaSession java() {
        return java;
    }

    /** Every command typed at the prompt; a front end adds its own to it. */
    public PromptCommands commands() {
        return commands;
    }

    @Override
    public void close() {
        java.close();
        sql.close();
        clusterCommands.close();
        checker.close();
    }
}
