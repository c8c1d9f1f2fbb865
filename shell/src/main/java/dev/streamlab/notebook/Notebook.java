package dev.streamlab.notebook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.learner.Kafka;
import dev.streamlab.lesson.Cell;
import dev.streamlab.lesson.Expectation;

/**
 * Runs cells against one cluster: Java in a {@link JavaSession}, commands through {@link ClusterCommands},
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
    private final ClusterCommands commands;
    private final ExpectationChecker checker;

    public Notebook(Cluster cluster) {
        this(cluster, newJavaSession());
    }

    /**
     * A notebook with a Java session that was started beforehand: starting one takes about a second,
     * which can happen while the cluster starts. The session learns the cluster's address here.
     */
    public Notebook(Cluster cluster, JavaSession java) {
        this.java = java;
        this.commands = new ClusterCommands(cluster);
        this.checker = new ExpectationChecker(cluster);
        java.addSetup(setProperty(Kafka.BOOTSTRAP_PROPERTY, cluster.bootstrapServers()));
        for (Map.Entry<String, Object> setting : cluster.clientConfig().entrySet()) {
            if (!setting.getKey().equals("bootstrap.servers")) {
                java.addSetup(setProperty(Kafka.CLIENT_PREFIX + setting.getKey(), String.valueOf(setting.getValue())));
            }
        }
    }

    /** A Java session for cells, in a child JVM with a heap of its own, that knows no cluster yet. */
    public static JavaSession newJavaSession() {
        return new JavaSession(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"),
                PRELUDE);
    }

    private static String setProperty(String name, String value) {
        return "System.setProperty(\"" + escape(name) + "\", \"" + escape(value) + "\");";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Runs a lesson's cell as written, and checks its expectations. */
    public CellResult run(Cell cell) {
        return run(cell, cell.code());
    }

    /** Runs a lesson's cell, perhaps edited by the learner, and checks its expectations. */
    public CellResult run(Cell cell, String code) {
        List<Expectation> expectations = cell.expectations();
        Map<Expectation, Object> before = checker.before(expectations);
        long start = System.nanoTime();
        CellResult ran = cell.kind() == Cell.Kind.COMMAND ? command(cell, code) : java(cell, code);
        List<CellResult.Check> checks = new ArrayList<>();
        for (Expectation expectation : expectations) {
            checks.add(checker.check(expectation, ran.outcome(), ran.output(), before.get(expectation)));
        }
        return new CellResult(cell, code, ran.outcome(), ran.output(), ran.problem(), checks,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Runs Java or a command the learner typed: no expectations. */
    public CellResult runTyped(String input) {
        long start = System.nanoTime();
        CellResult ran = isCommand(input) ? command(null, input) : java(null, input);
        return new CellResult(null, input, ran.outcome(), ran.output(), ran.problem(), List.of(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    public static boolean isCommand(String input) {
        return input.strip().startsWith("/");
    }

    private CellResult java(Cell cell, String code) {
        JavaResult result = java.eval(code);
        return new CellResult(cell, code, result.outcome(), result.output(), result.problem(), List.of(), Duration.ZERO);
    }

    private CellResult command(Cell cell, String line) {
        try {
            String output = commands.run(line);
            return new CellResult(cell, line, JavaOutcome.OK, output.endsWith("\n") ? output : output + "\n", null,
                    List.of(), Duration.ZERO);
        } catch (CommandException e) {
            return new CellResult(cell, line, JavaOutcome.EXCEPTION, e.getMessage() + "\n", e.getMessage(), List.of(), Duration.ZERO);
        } catch (RuntimeException e) {
            String message = "The command failed: " + e.getMessage();
            return new CellResult(cell, line, JavaOutcome.EXCEPTION, message + "\n", message, List.of(), Duration.ZERO);
        }
    }

    /** Stops what runs now: the learner's Java, or a wait for an expectation. Safe from any thread. */
    public void stop() {
        java.stop();
        checker.stop();
    }

    /** Shows what Java code prints while it runs (it is in the result too). Null to stop watching. */
    public void watch(Consumer<String> listener) {
        java.watch(listener);
    }

    /** Forgets the learner's variables: a fresh Java session. */
    public void reset() {
        java.reset();
    }

    public JavaSession java() {
        return java;
    }

    public ClusterCommands commands() {
        return commands;
    }

    @Override
    public void close() {
        java.close();
        commands.close();
        checker.close();
    }
}
