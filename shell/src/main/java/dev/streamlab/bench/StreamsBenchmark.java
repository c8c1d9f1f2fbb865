package dev.streamlab.bench;

import dev.streamlab.cluster.Await;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.demodata.AuthorizationAttempts;
import dev.streamlab.demodata.DemoDataFiles;
import dev.streamlab.demodata.JsonLines;
import dev.streamlab.streams.AuthorizationAttempt;
import dev.streamlab.streams.FraudApp;
import dev.streamlab.streams.FraudRules;
import dev.streamlab.streams.FraudTopology;
import dev.streamlab.streams.JsonSerde;
import dev.streamlab.streams.PossibleFraud;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka Streams' figures (lesson 5), on a 3-broker embedded cluster: the fraud detector works through 100,000
 * authorization attempts at 50,000 per second or more, and a window's result is visible at most 1 s after the
 * attempt that closes it.
 */
public final class StreamsBenchmark implements Benchmark {

    static final int ATTEMPTS = 100_000;
    private static final String WARM_UP_ID = "fraud-detector-warm-up";
    private static final TopicPartition INPUT = new TopicPartition(FraudTopology.ATTEMPTS_TOPIC, 0);

    @Override
    public String name() {
        return "Kafka Streams";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        List<Double> throughput = new ArrayList<>();
        List<Double> latency = new ArrayList<>();
        for (int run = 1; run <= context.runs(); run++) {
            context.listener()
                    .step("Fraud detector over " + ATTEMPTS + " attempts, run " + run + " of " + context.runs());
            try (EmbeddedCluster cluster = EmbeddedCluster.builder().brokers(3).start()) {
                Instant last = produceAttempts(cluster, ATTEMPTS);
                long attempts = totalRecords(cluster);
                try (FraudApp app = startWarmedUp(cluster, attempts)) {
                    throughput.add(throughput(cluster, attempts));
                    latency.add(closingLatency(cluster, last));
                }
            }
        }
        return List.of(
                Figure.atLeast("fraud detector throughput (3 brokers)", "records/s", throughput, 50_000),
                Figure.of("window result after the closing attempt", "s", latency, 1.0));
    }

    /**
     * The demo data's generator, scaled up: the same seed as {@code demo-data/}, 100,000 attempts with planted
     * fraud, near misses and late events, written in arrival order and keyed by card. Returns the last event time.
     */
    static Instant produceAttempts(EmbeddedCluster cluster, int count) throws Exception {
        Map<String, Object> config = new HashMap<>(cluster.clientConfig());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        List<dev.streamlab.demodata.AuthorizationAttempt> attempts =
                AuthorizationAttempts.generate(DemoDataFiles.SEED, count).attempts();
        Instant last = Instant.EPOCH;
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (dev.streamlab.demodata.AuthorizationAttempt attempt : attempts) {
                producer.send(new ProducerRecord<>(
                        FraudTopology.ATTEMPTS_TOPIC, attempt.cardNumber(), JsonLines.toLine(attempt)));
                if (attempt.eventTime().isAfter(last)) {
                    last = attempt.eventTime();
                }
            }
            producer.flush();
        }
        return last;
    }

    /**
     * Lesson 5's fraud detector, started and running, after a warm-up instance of its own name has worked through the
     * same attempts, so that the measured one runs compiled code, as a detector that has been up for a while does.
     */
    static FraudApp startWarmedUp(EmbeddedCluster cluster, long attempts) throws Exception {
        try (FraudApp warmUp = FraudApp.start(cluster.clientConfig(), FraudRules.fromTheTalk(), 0, WARM_UP_ID);
                Admin admin = Admin.create(cluster.clientConfig())) {
            warmUp.awaitRunning(Duration.ofSeconds(60));
            awaitCommitted(admin, WARM_UP_ID, attempts);
        }
        FraudApp app = FraudApp.start(cluster, FraudRules.fromTheTalk(), 0);
        try {
            app.awaitRunning(Duration.ofSeconds(60));
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /** Records per second, from now until the running detector has committed {@code attempts} input offsets. */
    static double throughput(EmbeddedCluster cluster, long attempts) {
        try (Admin admin = Admin.create(cluster.clientConfig())) {
            long start = System.nanoTime();
            awaitCommitted(admin, FraudApp.APPLICATION_ID, attempts);
            return attempts / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** The generator adds planted fraud and near misses to the legitimate attempts it is asked for. */
    static long totalRecords(EmbeddedCluster cluster) {
        return cluster.describeTopic(FraudTopology.ATTEMPTS_TOPIC).stream()
                .mapToLong(p -> p.logEndOffset())
                .sum();
    }

    private static void awaitCommitted(Admin admin, String applicationId, long offset) {
        Await.until(
                Duration.ofMinutes(5),
                () -> {
                    Map<TopicPartition, OffsetAndMetadata> committed;
                    try {
                        committed = admin.listConsumerGroupOffsets(applicationId)
                                .partitionsToOffsetAndMetadata()
                                .get(5, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        return Optional.empty();
                    }
                    OffsetAndMetadata input = committed.get(INPUT);
                    return input != null && input.offset() >= offset ? Optional.of(true) : Optional.empty();
                },
                "The fraud detector did not get through " + offset + " attempts within 5 minutes.");
    }

    /** Four attempts of a fresh card, then one attempt past the window's end and grace; time until its result is read. */
    static double closingLatency(EmbeddedCluster cluster, Instant after) throws Exception {
        Map<String, Object> config = new HashMap<>(cluster.clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-latency");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        Instant windowStart = after.plus(Duration.ofMinutes(10))
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                .plus(Duration.ofHours(1));
        try (KafkaConsumer<String, PossibleFraud> consumer = new KafkaConsumer<>(
                        config,
                        new StringDeserializer(),
                        JsonSerde.of(PossibleFraud.class).deserializer());
                KafkaProducer<String, AuthorizationAttempt> producer = new KafkaProducer<>(
                        cluster.clientConfig(),
                        new StringSerializer(),
                        JsonSerde.of(AuthorizationAttempt.class).serializer())) {
            consumer.subscribe(List.of(FraudTopology.FRAUD_TOPIC));
            Await.until(
                    Duration.ofSeconds(30),
                    () -> {
                        consumer.poll(Duration.ofMillis(100));
                        return consumer.assignment().isEmpty() ? Optional.empty() : Optional.of(true);
                    },
                    "The latency probe's consumer got no partition within 30 s.");
            for (int i = 0; i < 4; i++) {
                send(producer, "latency-probe", windowStart.plusSeconds(i));
            }
            send(
                    producer,
                    "latency-clock",
                    windowStart.plus(Duration.ofMinutes(6)).plusSeconds(1));
            long closedAt = System.nanoTime();
            return Await.until(
                    Duration.ofSeconds(30),
                    () -> {
                        for (var record : consumer.poll(Duration.ofMillis(20))) {
                            if ("latency-probe".equals(record.key())) {
                                return Optional.of((System.nanoTime() - closedAt) / 1e9);
                            }
                        }
                        return Optional.empty();
                    },
                    "No result for the latency probe within 30 s.");
        }
    }

    private static void send(KafkaProducer<String, AuthorizationAttempt> producer, String card, Instant when)
            throws Exception {
        producer.send(new ProducerRecord<>(FraudTopology.ATTEMPTS_TOPIC, card, AuthorizationAttempt.at(card, when)))
                .get(30, TimeUnit.SECONDS);
    }
}
