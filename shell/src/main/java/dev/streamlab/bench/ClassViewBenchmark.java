package dev.streamlab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamlab.classroom.ClassView;
import dev.streamlab.classroom.ClassWatch;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.notebook.CellResult;
import dev.streamlab.notebook.ClassPublisher;
import dev.streamlab.notebook.Notebook;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The instructor's live view (issue 18), on a 1-broker embedded cluster: 100 simulated learners (seeded), each
 * reaching a new step every 10 to 30 s as {@code learn} does, publish through the learner's own publisher; the time
 * from an event to the page's event stream showing it (median and 95th percentile over every event of a run); and
 * what publishing costs a learner's cell: a cell's median time with a class publisher over its time without one.
 * Each run is 30 s of class time compressed to {@link #WINDOW}, to keep the benchmark short.
 */
public final class ClassViewBenchmark implements Benchmark {

    static final int LEARNERS = 100;
    static final Duration WINDOW = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "class view";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        List<Double> medians = new ArrayList<>();
        List<Double> p95s = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> memory = new ArrayList<>();
        List<Double> callMicros = new ArrayList<>();
        try (EmbeddedCluster cluster = EmbeddedCluster.builder().brokers(1).start()) {
            for (int run = 1; run <= context.runs(); run++) {
                context.listener()
                        .step("Class view: " + LEARNERS + " simulated learners, run " + run + " of " + context.runs());
                List<Double> latencies = latencies(cluster, new Random(18L + run), memory);
                List<Double> sorted = latencies.stream().sorted().toList();
                medians.add(Figure.median(sorted).orElse(Double.NaN));
                p95s.add(sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1));
            }
            context.listener().step("Class view: a learner's cells with and without publishing");
            ratios.add(publishingCost(cluster, context.runs(), callMicros));
        }
        return List.of(
                Figure.of("event to the class page, median (100 learners)", "s", medians, 1.0),
                Figure.of("event to the class page, 95th percentile", "s", p95s, 2.0),
                Figure.of("a learner's cell with class publishing, over without", "x", ratios, 1.05),
                Figure.of(
                        "publishing a cell's result, the learner's side (median)",
                        "µs",
                        List.of(Figure.median(callMicros).orElse(Double.NaN)),
                        100),
                Figure.of("the class view's heap with 100 learners (about)", "MB", memory, 64));
    }

    /** Seconds from each step-reached event to the page's event stream first showing that step. */
    private static List<Double> latencies(EmbeddedCluster cluster, Random random, List<Double> memory)
            throws Exception {
        Map<String, Long> publishedAt = new ConcurrentHashMap<>();
        List<Double> latencies = new CopyOnWriteArrayList<>();
        List<ClassPublisher> publishers = new ArrayList<>();
        for (int i = 0; i < LEARNERS; i++) {
            publishers.add(ClassPublisher.start(cluster.bootstrapServers(), "learner " + i, w -> {}));
        }
        long before = heapUsed();
        try (ClassWatch watch =
                ClassWatch.start(cluster.clientConfig(), false, 0, ClassView.StuckRule.DEFAULT, Clock.systemUTC())) {
            watch.awaitRunning(Duration.ofSeconds(60));
            Thread reader = readEvents(watch.url() + "events", publishedAt, latencies);
            ScheduledExecutorService learners = Executors.newScheduledThreadPool(4);
            try {
                // A realistic class: a step every 10 to 30 s per learner, compressed into WINDOW (30 s of class time).
                double scale = WINDOW.toMillis() / 30_000.0;
                for (int i = 0; i < LEARNERS; i++) {
                    ClassPublisher publisher = publishers.get(i);
                    String name = "learner " + i;
                    long at = (long) (random.nextInt(10_000) * scale);
                    int step = 1;
                    while (at < WINDOW.toMillis()) {
                        int thisStep = step++;
                        learners.schedule(
                                () -> {
                                    publishedAt.put(name + "#" + thisStep, System.nanoTime());
                                    publisher.stepReached("01-the-log", thisStep);
                                },
                                at,
                                TimeUnit.MILLISECONDS);
                        at += (long) ((10_000 + random.nextInt(20_001)) * scale);
                    }
                }
                learners.shutdown();
                learners.awaitTermination(WINDOW.toMillis() + 10_000, TimeUnit.MILLISECONDS);
                dev.streamlab.cluster.Await.until(
                        Duration.ofSeconds(30),
                        () -> latencies.size() >= publishedAt.size()
                                ? java.util.Optional.of(true)
                                : java.util.Optional.empty(),
                        "The class page did not show every event within 30 s.");
                // The watch's share of the heap: after it, with every learner folded and a page open, over before it
                // (the publishers' own buffers, also in this JVM, make it an over-estimate).
                // A collection between the two readings can free more than the watch holds: such a run measured
                // nothing, and says so, rather than print a negative size.
                long grown = heapUsed() - before;
                memory.add(grown < 0 ? Double.NaN : grown / (1024.0 * 1024.0));
            } finally {
                learners.shutdownNow();
                reader.interrupt();
            }
        } finally {
            publishers.forEach(p -> p.close(Duration.ZERO));
        }
        return new ArrayList<>(latencies);
    }

    private static Thread readEvents(String url, Map<String, Long> publishedAt, List<Double> latencies)
            throws Exception {
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream());
        Map<String, Integer> shown = new ConcurrentHashMap<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            if (!line.startsWith("data: ")) {
                                continue;
                            }
                            long now = System.nanoTime();
                            for (JsonNode learner :
                                    JSON.readTree(line.substring(6)).path("learners")) {
                                String name = learner.path("name").asText();
                                int step = learner.path("step").asInt();
                                Integer before = shown.put(name, step);
                                if (before == null || before != step) {
                                    Long at = publishedAt.get(name + "#" + step);
                                    if (at != null) {
                                        latencies.add((now - at) / 1e9);
                                    }
                                }
                            }
                        }
                    } catch (Exception e) {
                        // the stream ends with the watch
                    }
                },
                "class-bench-events");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** A cell's median time with {@code learn}'s publishing of its result, over its median time without. */
    private static double publishingCost(EmbeddedCluster cluster, int runs, List<Double> callMicros) {
        try (Notebook notebook = new Notebook(cluster);
                ClassPublisher publisher = ClassPublisher.start(cluster.bootstrapServers(), "bench", w -> {})) {
            notebook.runTyped("int warm = 1;");
            List<Double> with = new ArrayList<>();
            List<Double> without = new ArrayList<>();
            for (int i = 0; i < 20 * runs; i++) {
                // In turn first and second, so neither side gains from coming after the other.
                if (i % 2 == 0) {
                    without.add(cell(notebook, null, "int x" + i + " = " + i + " * 2;", callMicros));
                    with.add(cell(notebook, publisher, "int y" + i + " = " + i + " * 2;", callMicros));
                } else {
                    with.add(cell(notebook, publisher, "int y" + i + " = " + i + " * 2;", callMicros));
                    without.add(cell(notebook, null, "int x" + i + " = " + i + " * 2;", callMicros));
                }
            }
            // The median of each pair's ratio: a pair ran back to back, so a busy moment of the machine weighs on both.
            List<Double> pairs = new ArrayList<>();
            for (int i = 0; i < with.size(); i++) {
                pairs.add(with.get(i) / without.get(i));
            }
            return Figure.median(pairs).orElse(Double.NaN);
        }
    }

    private static long heapUsed() {
        System.gc();
        return java.lang.management.ManagementFactory.getMemoryMXBean()
                .getHeapMemoryUsage()
                .getUsed();
    }

    /** Seconds for one cell, as {@code learn} runs it: the cell, then (in a class) its result published. */
    private static double cell(Notebook notebook, ClassPublisher publisher, String code, List<Double> callMicros) {
        long start = System.nanoTime();
        CellResult result = notebook.runTyped(code);
        if (publisher != null) {
            long call = System.nanoTime();
            publisher.cellRun("00-welcome", 1, result);
            callMicros.add((System.nanoTime() - call) / 1e3);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** One run: {@code java -cp shell/target/streamlab.jar dev.streamlab.bench.ClassViewBenchmark}. */
    public static void main(String[] args) throws Exception {
        new ClassViewBenchmark()
                .run(new BenchContext(1, System.err::println, java.nio.file.Path.of(".")))
                .forEach(f -> System.out.println(f.name() + ": " + f.median() + " " + f.unit()));
    }
}
