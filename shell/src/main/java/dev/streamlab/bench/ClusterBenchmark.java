package dev.streamlab.bench;

import dev.streamlab.cluster.Await;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.drill.FailoverDrill;
import dev.streamlab.drill.FailoverReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedded cluster's figures (issue: foundation):
 * <ul>
 *   <li>a 3-broker cluster ready (a topic with replication factor 3 accepts an {@code acks=all} write) in at most
 *       3 s, each run in a fresh JVM, against Kafka's own KafkaClusterTestKit 4.3.1 started the same way;</li>
 *   <li>a new leader at most 2 s after a hard kill;</li>
 *   <li>{@code streamlab doctor} peaks at 1 GiB of resident memory at most.</li>
 * </ul>
 */
public final class ClusterBenchmark implements Benchmark {

    static final String REFERENCE = "KafkaClusterTestKit 4.3.1";

    @Override
    public String name() {
        return "embedded cluster";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        return List.of(readyTime(context), newLeaderTime(context), doctorPeakMemory(context));
    }

    private Figure readyTime(BenchContext context) throws IOException, InterruptedException {
        List<Double> ours = new ArrayList<>();
        List<Double> reference = new ArrayList<>();
        String referenceClasspath = referenceClasspath(context.projectRoot());
        for (int run = 1; run <= context.runs(); run++) {
            context.listener().step("Cluster ready, run " + run + " of " + context.runs());
            ours.add(seconds(
                    context.probe(BenchContext.ownClasspath(), EmbeddedClusterReady.class.getName(), "ready-ms=")));
            if (referenceClasspath != null) {
                reference.add(seconds(
                        context.probe(referenceClasspath, "dev.streamlab.benchref.TestKitClusterReady", "ready-ms=")));
            }
        }
        Figure figure = Figure.of("3-broker embedded cluster ready", "s", ours, 3.0);
        return referenceClasspath == null ? figure : figure.against(REFERENCE, reference);
    }

    private Figure newLeaderTime(BenchContext context) {
        List<Double> runs = new ArrayList<>();
        try (EmbeddedCluster cluster = EmbeddedCluster.builder().brokers(3).start()) {
            for (int run = 1; run <= context.runs(); run++) {
                context.listener().step("New leader after a hard kill, run " + run + " of " + context.runs());
                String topic = "bench-failover-" + run;
                FailoverReport report = new FailoverDrill(cluster, dev.streamlab.cluster.ClusterListener.SILENT, 200)
                        .topic(topic)
                        .run();
                runs.add(report.timeToNewLeader().toMillis() / 1000.0);
                cluster.restartBroker(report.killedBroker());
                awaitFullIsr(cluster, topic);
            }
        }
        return Figure.of("new leader after a hard kill", "s", runs, 2.0);
    }

    private Figure doctorPeakMemory(BenchContext context) throws IOException, InterruptedException {
        List<Double> runs = new ArrayList<>();
        for (int run = 1; run <= context.runs(); run++) {
            context.listener().step("Peak memory of streamlab doctor, run " + run + " of " + context.runs());
            // The child is the streamlab command line itself: named, not imported, so bench does not depend on cli.
            String line = context.probe(
                    BenchContext.ownClasspath(), "dev.streamlab.cli.Main", "Peak memory (RSS):", "doctor");
            runs.add(Double.parseDouble(line.replaceAll("[^0-9]", "")));
        }
        return Figure.of("streamlab doctor peak RSS", "MB", runs, 1024);
    }

    private static void awaitFullIsr(EmbeddedCluster cluster, String topic) {
        Await.until(
                Duration.ofSeconds(30),
                () -> cluster.describeTopic(topic).stream()
                                .allMatch(p -> p.isr().size() == 3)
                        ? Optional.of(true)
                        : Optional.empty(),
                "The restarted broker did not rejoin the in-sync replicas of " + topic + " within 30 s.");
    }

    /** The reference probe's classpath, or null when {@code bench-reference} has not been built. */
    static String referenceClasspath(Path root) {
        Path target = root.resolve("bench-reference/target");
        Path jar = target.resolve("bench-reference.jar");
        if (!Files.exists(jar)) {
            return null;
        }
        return jar + java.io.File.pathSeparator + target.resolve("lib") + java.io.File.separator + "*";
    }

    private static double seconds(String millis) {
        return Long.parseLong(millis) / 1000.0;
    }
}
