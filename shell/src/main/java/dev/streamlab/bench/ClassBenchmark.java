package dev.streamlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import dev.streamlab.classroom.ClassAdmin;
import dev.streamlab.classroom.JoinFile;
import dev.streamlab.classroom.Roster;
import dev.streamlab.cluster.ClusterListener;
import dev.streamlab.cluster.ClusterSecurity;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.cluster.ExternalCluster;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.LessonCatalogue;
import dev.streamlab.learner.Namespace;
import dev.streamlab.notebook.CellResult;
import dev.streamlab.notebook.LessonRunner;
import dev.streamlab.notebook.Notebook;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A simulated class on one secure 3-broker cluster streamlab starts: first one learner alone takes lessons 01 and 02
 * headless (the reference), then N learners at once, each with their own join file, Java session and namespace. It
 * counts cells that failed (a collision between learners shows as one) and, per learner, a probe that tries to read the
 * next learner's {@code orders} and must be refused; and it prints the median and 95th-percentile cell time against one
 * learner alone. N is {@code --learners} (default {@value #DEFAULT_LEARNERS}; the 30 and 100 are longer runs).
 */
public final class ClassBenchmark implements Benchmark {

    public static final int DEFAULT_LEARNERS = 4;
    private static final List<String> LESSONS = List.of("01", "02");

    private final int learners;

    public ClassBenchmark() {
        this(DEFAULT_LEARNERS);
    }

    public ClassBenchmark(int learners) {
        if (learners < 2) {
            throw new IllegalArgumentException("A class needs at least 2 learners");
        }
        this.learners = learners;
    }

    @Override
    public String name() {
        return "class";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        ClusterListener listener = context.listener();
        Path dir = Files.createTempDirectory("streamlab-class-bench-");
        try (EmbeddedCluster cluster = EmbeddedCluster.builder().brokers(3).secure(ClusterSecurity.generate())
                .listener(listener).start()) {
            Map<String, Object> admin = new HashMap<>(cluster.clientConfig());
            admin.remove("bootstrap.servers");
            List<String> names = IntStream.rangeClosed(0, learners).mapToObj(i -> String.format("learner-%03d", i)).toList();
            try (ClassAdmin classAdmin = ClassAdmin.connect(cluster.bootstrapServers(), admin, "the benchmark's admin")) {
                classAdmin.create(new Roster(names), dir);
            }
            List<Lesson> lessons = LESSONS.stream().map(n -> LessonCatalogue.builtIn().find(n).orElseThrow()).toList();

            listener.step("One learner alone takes lessons " + String.join(", ", LESSONS));
            Outcome alone = take(dir.resolve(JoinFile.fileName(names.get(0))), lessons);

            List<String> classNames = names.subList(1, names.size());
            listener.step(learners + " learners take lessons " + String.join(", ", LESSONS) + " at the same time");
            List<Outcome> outcomes = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(learners);
            try {
                List<Future<Outcome>> running = new ArrayList<>();
                for (String name : classNames) {
                    running.add(pool.submit(() -> take(dir.resolve(JoinFile.fileName(name)), lessons)));
                }
                for (Future<Outcome> f : running) {
                    outcomes.add(f.get());
                }
            } finally {
                pool.shutdownNow();
            }

            listener.step("Each learner tries to read the next one's orders");
            int reads = 0;
            for (int i = 0; i < classNames.size(); i++) {
                String victim = classNames.get((i + 1) % classNames.size());
                if (!refused(JoinFile.read(dir.resolve(JoinFile.fileName(classNames.get(i)))), Roster.prefix(victim) + "orders")) {
                    reads++;
                }
            }
            List<Double> times = outcomes.stream().flatMap(o -> o.cellMillis().stream()).toList();
            int failed = outcomes.stream().mapToInt(Outcome::failed).sum() + alone.failed();
            String label = "class of " + learners + ", lessons 01+02";
            return List.of(
                    Figure.of(label + ": cell time (median)", "ms", List.of(percentile(times, 50)),
                            2 * percentile(alone.cellMillis(), 50))
                            .against("one learner alone", List.of(percentile(alone.cellMillis(), 50))),
                    Figure.of(label + ": cell time (95th percentile)", "ms", List.of(percentile(times, 95)),
                            2 * percentile(alone.cellMillis(), 95))
                            .against("one learner alone", List.of(percentile(alone.cellMillis(), 95))),
                    Figure.of(label + ": failed cells (collisions)", "cells", List.of((double) failed), 0),
                    Figure.of(label + ": cross-learner reads let through", "reads", List.of((double) reads), 0));
        } finally {
            delete(dir);
        }
    }

    /** What one learner's run gave: every cell's time, and how many cells did not pass. */
    record Outcome(List<Double> cellMillis, int failed) {
    }

    private static Outcome take(Path joinFile, List<Lesson> lessons) {
        JoinFile join = JoinFile.read(joinFile);
        List<Double> times = new ArrayList<>();
        int failed = 0;
        try (ExternalCluster cluster = ExternalCluster.connect(join.bootstrapServers(), joinFile, ClusterListener.SILENT,
                new Namespace(join.prefix()));
             Notebook notebook = new Notebook(cluster)) {
            LessonRunner runner = new LessonRunner(notebook);
            for (Lesson lesson : lessons) {
                for (CellResult result : runner.run(lesson, r -> { })) {
                    times.add(result.elapsed().toNanos() / 1e6);
                    failed += result.passed() ? 0 : 1;
                }
            }
        }
        return new Outcome(times, failed);
    }

    /** Whether the cluster refuses this learner a read of {@code topic} (a raw consumer, past every helper). */
    static boolean refused(JoinFile learner, String topic) {
        Map<String, Object> config = new HashMap<>(learner.clientConfig());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) {
                if (!consumer.poll(Duration.ofMillis(200)).isEmpty()) {
                    return false;
                }
            }
            return false; // neither refused nor read: not the refusal we need
        } catch (TopicAuthorizationException e) {
            return true;
        }
    }

    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
