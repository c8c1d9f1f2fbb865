package dev.streamlab.bench;

import dev.streamlab.classroom.ClassAdmin;
import dev.streamlab.classroom.JoinFile;
import dev.streamlab.classroom.LearnerQuota;
import dev.streamlab.classroom.Roster;
import dev.streamlab.cluster.ClusterListener;
import dev.streamlab.cluster.ClusterSecurity;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.cluster.ExternalCluster;
import dev.streamlab.cluster.Namespace;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.LessonCatalogue;
import dev.streamlab.notebook.CellResult;
import dev.streamlab.notebook.LessonRunner;
import dev.streamlab.notebook.Notebook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A class on one secure 3-broker cluster streamlab starts, measured for what the shared cluster costs a learner. A
 * real learner (a Java session of their own, as on their laptop) takes lessons 01 and 02 headless alone: the
 * reference. Then another real learner takes them while the class shares the cluster: N simulated learners (default
 * {@value #DEFAULT_LEARNERS}, {@code --learners}) and one learner who floods the cluster as fast as their quota lets
 * them. A simulated learner is a thread that makes the Kafka calls of those lessons' cells (produce with acks=all,
 * read back, commit a group's position, ask for it and for the topics) with their own join file, with a seeded pause
 * of a few seconds between "cells": on this 2-core machine thirty Java sessions would measure thirty JVMs sharing two
 * cores, which a room of laptops does not, so only the Kafka traffic is simulated. It prints the real learner's cell
 * time with the class over alone (median and 95th percentile; the target is within 2x), cells and calls that failed,
 * a probe per learner that tries to read a classmate's {@code orders} (must be refused), and what the flood got.
 */
public final class ClassBenchmark implements Benchmark {

    public static final int DEFAULT_LEARNERS = 10;
    private static final List<String> LESSONS = List.of("01", "02");
    private static final String FLOODER = "flooder";
    private static final int BROKERS = 3;

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
        try (EmbeddedCluster cluster = EmbeddedCluster.builder()
                .brokers(BROKERS)
                .secure(ClusterSecurity.generate())
                .listener(listener)
                .start()) {
            Map<String, Object> admin = new HashMap<>(cluster.clientConfig());
            admin.remove("bootstrap.servers");
            List<String> simulated = IntStream.rangeClosed(1, learners)
                    .mapToObj(i -> String.format("learner-%03d", i))
                    .toList();
            List<String> names = new ArrayList<>(List.of("alone", "together", FLOODER));
            names.addAll(simulated);
            try (ClassAdmin classAdmin =
                    ClassAdmin.connect(cluster.bootstrapServers(), admin, "the benchmark's admin")) {
                classAdmin.create(new Roster(names), dir);
            }
            List<Lesson> lessons = LESSONS.stream()
                    .map(n -> LessonCatalogue.builtIn().find(n).orElseThrow())
                    .toList();

            listener.step("One learner alone takes lessons " + String.join(", ", LESSONS));
            Outcome alone = take(join(dir, "alone"), lessons);

            listener.step("Another takes them while " + learners
                    + " simulated learners and one flooding learner share the cluster");
            ClassLoad load = ClassLoad.start(
                    simulated.stream().map(n -> JoinFile.read(join(dir, n))).toList(),
                    JoinFile.read(join(dir, FLOODER)),
                    new Random(29L));
            Outcome together;
            ClassLoad.Result loaded;
            try {
                together = take(join(dir, "together"), lessons);
            } finally {
                loaded = load.stop();
            }

            listener.step("Each simulated learner tries to read the next one's orders");
            int reads = 0;
            for (int i = 0; i < simulated.size(); i++) {
                String victim = simulated.get((i + 1) % simulated.size());
                if (!refused(JoinFile.read(join(dir, simulated.get(i))), Roster.prefix(victim) + ClassLoad.TOPIC)) {
                    reads++;
                }
            }
            String label = "class of " + learners + " + 1 flooding, lessons 01+02";
            return List.of(
                    Figure.of(
                                    label + ": cell time (median)",
                                    "ms",
                                    List.of(percentile(together.cellMillis(), 50)),
                                    2 * percentile(alone.cellMillis(), 50))
                            .against("one learner alone", List.of(percentile(alone.cellMillis(), 50))),
                    Figure.of(
                                    label + ": cell time (95th percentile)",
                                    "ms",
                                    List.of(percentile(together.cellMillis(), 95)),
                                    2 * percentile(alone.cellMillis(), 95))
                            .against("one learner alone", List.of(percentile(alone.cellMillis(), 95))),
                    Figure.of(
                            label + ": failed cells and calls",
                            "cells",
                            List.of((double) (alone.failed() + together.failed() + loaded.failedCalls())),
                            0),
                    Figure.of(label + ": cross-learner reads let through", "reads", List.of((double) reads), 0),
                    Figure.of(
                            label + ": a simulated learner's cell (95th percentile)",
                            "ms",
                            List.of(percentile(loaded.callMillis(), 95)),
                            2 * percentile(alone.cellMillis(), 95)),
                    // The produce quota is per broker: the flood's three partitions lead on three brokers.
                    Figure.of(
                            label + ": the flood's produce rate (quota 1 MiB/s a broker, 3 brokers)",
                            "MB/s",
                            List.of(loaded.floodBytesPerSecond() / 1e6),
                            1.1 * BROKERS * LearnerQuota.DEFAULT_PRODUCE_BYTES / 1e6));
        } finally {
            delete(dir);
        }
    }

    private static Path join(Path dir, String learner) {
        return dir.resolve(JoinFile.fileName(learner));
    }

    /** What one learner's run gave: every cell's time, and how many cells did not pass. */
    record Outcome(List<Double> cellMillis, int failed) {}

    private static Outcome take(Path joinFile, List<Lesson> lessons) {
        JoinFile join = JoinFile.read(joinFile);
        List<Double> times = new ArrayList<>();
        int failed = 0;
        try (ExternalCluster cluster = ExternalCluster.connect(
                        join.bootstrapServers(), joinFile, ClusterListener.SILENT, new Namespace(join.prefix()));
                Notebook notebook = new Notebook(cluster)) {
            LessonRunner runner = new LessonRunner(notebook);
            for (Lesson lesson : lessons) {
                for (CellResult result : runner.run(lesson, r -> {})) {
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
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
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
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
