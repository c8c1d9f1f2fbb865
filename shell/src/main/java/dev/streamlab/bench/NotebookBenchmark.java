package dev.streamlab.bench;

import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.lesson.Cell;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.LessonCatalogue;
import dev.streamlab.notebook.CellResult;
import dev.streamlab.notebook.Notebook;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The notebook's figures: how long from {@code learn 00} until the first cell has its output when the learner presses
 * Enter at once (cluster and Java session started side by side, as {@code learn} does); how long the first cell takes
 * from Enter when the learner has read the first step (the cluster is up); and the median latency of a cell after
 * warm-up, for a trivial expression and for producing one record. Each run starts afresh.
 */
public final class NotebookBenchmark implements Benchmark {

    public static final String FIRST_OUTPUT = "learn 00 to first cell output";
    public static final String FIRST_CELL = "first cell, Enter to output (cluster up)";
    public static final String TRIVIAL = "cell latency, trivial expression (median)";
    public static final String PRODUCE = "cell latency, produce one record (median)";

    private static final int WARM_UP = 20;
    private static final int MEASURED = 30;

    @Override
    public String name() {
        return "notebook";
    }

    @Override
    public List<Figure> run(BenchContext context) {
        List<Double> first = new ArrayList<>();
        List<Double> firstCell = new ArrayList<>();
        List<Double> trivial = new ArrayList<>();
        List<Double> produce = new ArrayList<>();
        for (int i = 0; i < context.runs(); i++) {
            double[] one = once(() -> EmbeddedCluster.builder()
                    .brokers(3)
                    .listener(context.listener())
                    .start());
            first.add(one[0]);
            firstCell.add(one[3]);
            trivial.add(one[1]);
            produce.add(one[2]);
        }
        return List.of(
                Figure.of(FIRST_OUTPUT, "ms", first, 5000),
                Figure.of(FIRST_CELL, "ms", firstCell, 500),
                Figure.of(TRIVIAL, "ms", trivial, 10),
                Figure.of(PRODUCE, "ms", produce, 20));
    }

    /**
     * One run, in ms: time to first output, trivial-expression median, produce-one-record median, and the first cell
     * of a second session on the same cluster once it is up (what a learner who read the first step waits).
     */
    static double[] once(Supplier<dev.streamlab.cluster.Cluster> clusterStarter) {
        long start = System.nanoTime();
        Lesson welcome = LessonCatalogue.builtIn().find("00").orElseThrow();
        try (Notebook.Started started = Notebook.start(clusterStarter)) {
            Notebook notebook = started.notebook();
            Cell first = welcome.cells().get(0);
            check(notebook.run(first));
            double firstOutput = millis(System.nanoTime() - start);
            double trivial = median(() -> notebook.runTyped("1 + 1"));
            check(notebook.runTyped("createTopic(\"bench\", 1)"));
            double produce = median(() -> notebook.runTyped("send(\"bench\", \"key\", \"value\")"));
            try (Notebook reader = new Notebook(started.cluster())) {
                long enter = System.nanoTime();
                check(reader.run(first));
                return new double[] {firstOutput, trivial, produce, millis(System.nanoTime() - enter)};
            }
        }
    }

    private static double median(Supplier<CellResult> cell) {
        for (int i = 0; i < WARM_UP; i++) {
            check(cell.get());
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < MEASURED; i++) {
            long t = System.nanoTime();
            check(cell.get());
            times.add(millis(System.nanoTime() - t));
        }
        return Figure.median(times).orElseThrow();
    }

    private static void check(CellResult result) {
        if (!result.passed()) {
            throw new IllegalStateException("A benchmark cell failed: " + result.whyNot() + "\n" + result.output());
        }
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }

    /** Prints one run's figures: {@code java -cp shell/target/streamlab.jar dev.streamlab.bench.NotebookBenchmark}. */
    public static void main(String[] args) {
        double[] one = once(() -> EmbeddedCluster.builder().brokers(3).start());
        System.out.printf("%-45s %8.1f ms (target 5000)%n", FIRST_OUTPUT, one[0]);
        System.out.printf("%-45s %8.1f ms (target 500)%n", FIRST_CELL, one[3]);
        System.out.printf("%-45s %8.1f ms (target 10)%n", TRIVIAL, one[1]);
        System.out.printf("%-45s %8.1f ms (target 20)%n", PRODUCE, one[2]);
        System.exit(0);
    }
}
