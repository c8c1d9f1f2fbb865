package dev.streamlab.notebook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.lesson.Cell;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.LessonCatalogue;

/**
 * The notebook's speed figures, for {@code streamlab bench}: how long until the first cell of
 * lesson 00 has its output (cluster start included), and the median latency of a cell after warm-up.
 * Targets: 5000 ms, 50 ms and 150 ms.
 */
public final class NotebookBenchmark {

    public static final String FIRST_OUTPUT = "learn 00 to first cell output (ms)";
    public static final String TRIVIAL = "cell latency, trivial expression, median (ms)";
    public static final String PRODUCE = "cell latency, produce one record, median (ms)";

    private static final int WARM_UP = 20;
    private static final int MEASURED = 30;

    private NotebookBenchmark() {
    }

    /** Runs the benchmark on a fresh 3-broker embedded cluster; takes about 15 s. */
    public static Map<String, Double> run() {
        return run(() -> EmbeddedCluster.builder().brokers(3).start());
    }

    public static Map<String, Double> run(Supplier<Cluster> clusterStarter) {
        Map<String, Double> figures = new LinkedHashMap<>();
        long start = System.nanoTime();
        Lesson welcome = LessonCatalogue.builtIn().find("00").orElseThrow();
        try (Notebook.Started started = Notebook.start(clusterStarter)) {
            Notebook notebook = started.notebook();
            Cell first = welcome.cells().get(0);
            CellResult result = notebook.run(first);
            figures.put(FIRST_OUTPUT, millis(System.nanoTime() - start));
            if (!result.passed()) {
                throw new IllegalStateException("The first cell of lesson 00 failed: " + result.whyNot());
            }
            figures.put(TRIVIAL, median(() -> notebook.runTyped("1 + 1")));
            notebook.runTyped("createTopic(\"bench\", 1)");
            figures.put(PRODUCE, median(() -> notebook.runTyped("send(\"bench\", \"key\", \"value\")")));
        }
        return figures;
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
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    private static void check(CellResult result) {
        if (!result.passed()) {
            throw new IllegalStateException("A benchmark cell failed: " + result.problem() + "\n" + result.output());
        }
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }

    public static void main(String[] args) {
        run().forEach((name, value) -> System.out.printf("%-48s %8.1f%n", name, value));
        System.exit(0);
    }
}
