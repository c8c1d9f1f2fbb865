package dev.streamlab.bench;

import dev.streamlab.cluster.Await;
import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.ClusterListener;
import dev.streamlab.cluster.containers.ContainersCluster;
import dev.streamlab.cluster.containers.DockerEngine;
import dev.streamlab.cluster.containers.KafkaImage;
import dev.streamlab.drill.FailoverDrill;
import dev.streamlab.drill.FailoverReport;
import dev.streamlab.files.ProjectRoot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The containers cluster's figures (issue: Testcontainers clusters), on the image a learner would get:
 * <ul>
 *   <li>a 3-broker cluster ready (a topic with replication factor 3 accepts an {@code acks=all} write) in at most
 *       1.5 times what one Testcontainers {@code KafkaContainer} of the same image takes, made ready the same way (the
 *       reference, measured in the same run);</li>
 *   <li>a new leader at most 3 s after {@code docker kill} of a leader, with no acknowledged record lost.</li>
 * </ul>
 * Without a Docker engine there are no figures.
 */
public final class ContainersBenchmark implements Benchmark {

    static final String REFERENCE = "one Testcontainers KafkaContainer";

    private final String image;

    public ContainersBenchmark() {
        this(null);
    }

    /** @param image the image to measure; null for the one a learner gets by default */
    public ContainersBenchmark(String image) {
        this.image = image;
    }

    @Override
    public String name() {
        return "containers cluster";
    }

    @Override
    public List<Figure> run(BenchContext context) {
        DockerEngine.Status docker = DockerEngine.probe();
        if (!docker.answers()) {
            context.listener().step("No containers figures: " + docker.detail());
            return List.of();
        }
        String chosen = image != null
                ? image
                : KafkaImage.preferred(DockerClientFactory.instance().client());
        List<Double> ready = new ArrayList<>();
        List<Double> reference = new ArrayList<>();
        for (int run = 1; run <= context.runs(); run++) {
            context.listener()
                    .step("Container cluster ready, run " + run + " of " + context.runs() + " (" + chosen + ")");
            long start = System.nanoTime();
            try (ContainersCluster cluster =
                    ContainersCluster.builder().brokers(3).image(chosen).start()) {
                acceptsAcksAllWrite(cluster.clientConfig(), 3);
                ready.add(secondsSince(start));
            }
            context.listener().step("One KafkaContainer ready, run " + run + " of " + context.runs());
            reference.add(kafkaContainerReady(chosen));
        }
        List<Double> newLeader = new ArrayList<>();
        List<Double> lost = new ArrayList<>();
        try (ContainersCluster cluster =
                ContainersCluster.builder().brokers(3).image(chosen).start()) {
            for (int run = 1; run <= context.runs(); run++) {
                context.listener().step("New leader after docker kill, run " + run + " of " + context.runs());
                String topic = "bench-failover-" + run;
                FailoverReport report = new FailoverDrill(cluster, ClusterListener.SILENT, 500)
                        .topic(topic)
                        .run();
                newLeader.add(report.timeToNewLeader().toMillis() / 1000.0);
                lost.add((double) report.lost());
                cluster.restartBroker(report.killedBroker());
                awaitFullIsr(cluster, topic);
            }
        }
        return List.of(
                Figure.of(
                                "3-broker container cluster ready",
                                "s",
                                ready,
                                1.5 * Figure.median(reference).orElse(Double.NaN))
                        .against(REFERENCE, reference),
                Figure.of("new leader after docker kill", "s", newLeader, 3.0),
                Figure.of("records lost in the docker kill drill", "records", lost, 0));
    }

    /** Start to an {@code acks=all} write accepted on a fresh topic, the same definition as the cluster's figure. */
    private static double kafkaContainerReady(String image) {
        long start = System.nanoTime();
        try (KafkaContainer kafka =
                new KafkaContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("apache/kafka"))) {
            kafka.start();
            acceptsAcksAllWrite(Map.of("bootstrap.servers", kafka.getBootstrapServers()), 1);
            return secondsSince(start);
        }
    }

    private static void acceptsAcksAllWrite(Map<String, Object> clientConfig, int replicationFactor) {
        try (Admin admin = Admin.create(clientConfig);
                KafkaProducer<String, String> producer = new KafkaProducer<>(
                        producerConfig(clientConfig), new StringSerializer(), new StringSerializer())) {
            admin.createTopics(List.of(new NewTopic("bench-ready", 1, (short) replicationFactor)))
                    .all()
                    .get(60, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>("bench-ready", "ready")).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The cluster did not accept a write: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> producerConfig(Map<String, Object> clientConfig) {
        Map<String, Object> config = new java.util.HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }

    private static void awaitFullIsr(Cluster cluster, String topic) {
        Await.until(
                Duration.ofSeconds(60),
                () -> cluster.describeTopic(topic).stream()
                                .allMatch(p -> p.isr().size() == 3)
                        ? Optional.of(true)
                        : Optional.empty(),
                "The restarted broker did not rejoin the in-sync replicas of " + topic + " within 60 s.");
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Runs the figures on their own: {@code java -cp ... dev.streamlab.bench.ContainersBenchmark [runs] [image]}. */
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        ContainersBenchmark benchmark = new ContainersBenchmark(args.length > 1 ? args[1] : null);
        BenchContext context = new BenchContext(runs, step -> System.err.println("... " + step), ProjectRoot.find());
        for (Figure f : benchmark.run(context)) {
            System.out.printf(
                    "%-40s median %.2f %s (target %.1f) runs %s%s%n",
                    f.name(),
                    f.median(),
                    f.unit(),
                    f.target(),
                    f.runs(),
                    f.referenceName().isEmpty()
                            ? ""
                            : String.format(
                                    ", %s %.2f, ratio %.2f",
                                    f.referenceName(), f.referenceMedian().orElse(Double.NaN), f.ratio()));
        }
        System.exit(0);
    }
}
