package dev.streamlab.streams;

import dev.streamlab.cluster.Await;
import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.Namespace;
import dev.streamlab.cluster.ScratchDirectory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * The fraud detector as a real Kafka Streams application on a cluster, with its counts open to
 * interactive queries over HTTP ({@link FraudQueryServer}). Like any Streams app it runs beside the
 * brokers, not on them, and talks to them over the network.
 */
public final class FraudApp implements AutoCloseable {

    public static final String APPLICATION_ID = "fraud-detector";

    private final KafkaStreams streams;
    private final FraudQueryServer queries;
    private final ScratchDirectory stateDir;

    private FraudApp(KafkaStreams streams, FraudQueryServer queries, ScratchDirectory stateDir) {
        this.streams = streams;
        this.queries = queries;
        this.stateDir = stateDir;
    }

    /** Creates the topics if needed, starts the application and its query server (port 0: a free one). */
    public static FraudApp start(Cluster cluster, FraudRules rules, int queryPort) {
        return start(cluster.clientConfig(), rules, queryPort);
    }

    /** The same, from client settings only: what a lesson's Java cell has. */
    public static FraudApp start(Map<String, Object> clientConfig, FraudRules rules, int queryPort) {
        return start(clientConfig, rules, queryPort, APPLICATION_ID);
    }

    /** Another instance of the app under its own name: its own consumer group, state and changelogs. */
    public static FraudApp start(
            Map<String, Object> clientConfig, FraudRules rules, int queryPort, String applicationId) {
        // In a class, the app's topics, group and internal topics live under the learner's prefix.
        Namespace ns = Namespace.ofThisJvm();
        createTopics(clientConfig, ns);
        ScratchDirectory stateDir = ScratchDirectory.create("streams");
        Properties props = new Properties();
        props.putAll(clientConfig);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, ns.real(applicationId));
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.path().toString());
        // Results show up within a fraction of a second of the attempt that closes a window.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        // Bigger bites: fewer polls and fewer, fuller batches to the changelogs and possible_fraud.
        props.put(StreamsConfig.consumerPrefix("max.poll.records"), 5_000);
        props.put(StreamsConfig.producerPrefix("linger.ms"), 20);
        props.put(StreamsConfig.producerPrefix("batch.size"), 256 * 1024);
        KafkaStreams streams = null;
        try {
            KafkaStreams started = new KafkaStreams(FraudTopology.build(rules, ns), props);
            streams = started;
            started.start();
            FraudQueryServer queries = FraudQueryServer.start(queryPort, card -> countsFor(started, card));
            return new FraudApp(started, queries, stateDir);
        } catch (RuntimeException e) {
            // A query port in use, say: stop what started, so no stream thread or state folder is left behind.
            if (streams != null) {
                streams.close(Duration.ofSeconds(30));
            }
            stateDir.delete();
            throw e;
        }
    }

    /**
     * One partition each: stream time, which closes windows, moves per partition. With one partition there is
     * one clock, and an attempt for any card closes the windows of every card, as learners expect.
     * Records are kept forever: the demo data's event times lie in the past, and time-based retention would
     * otherwise delete them within minutes.
     */
    private static void createTopics(Map<String, Object> clientConfig, Namespace ns) {
        try (Admin admin = Admin.create(clientConfig)) {
            for (String topic : List.of(ns.real(FraudTopology.ATTEMPTS_TOPIC), ns.real(FraudTopology.FRAUD_TOPIC))) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())
                                    .configs(Map.of("retention.ms", "-1"))))
                            .all()
                            .get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new ClusterException(
                                "Cannot create topic " + topic + ": "
                                        + e.getCause().getMessage(),
                                e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while creating topics.", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ClusterException("The cluster did not create the fraud topics within 30 s.", e);
        }
    }

    /** Attempts per window start for one card, straight from the application's window store. */
    static Map<String, Long> countsFor(KafkaStreams streams, String card) {
        ReadOnlyWindowStore<String, Long> store = streams.store(
                StoreQueryParameters.fromNameAndType(FraudTopology.COUNTS_STORE, QueryableStoreTypes.windowStore()));
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (var windows = store.fetch(
                card, java.time.Instant.EPOCH, java.time.Instant.now().plus(Duration.ofDays(3650)))) {
            windows.forEachRemaining(
                    kv -> counts.put(java.time.Instant.ofEpochMilli(kv.key).toString(), kv.value));
        }
        return counts;
    }

    public void awaitRunning(Duration deadline) {
        Await.until(
                deadline,
                () -> streams.state() == KafkaStreams.State.RUNNING ? Optional.of(true) : Optional.empty(),
                "The fraud detector is not running after " + deadline.toSeconds() + " s (state " + streams.state()
                        + ").");
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Where to ask for a card's counts: {@code curl URL/cards/CARD}. */
    public String queryUrl() {
        return queries.url();
    }

    @Override
    public void close() {
        queries.close();
        streams.close(Duration.ofSeconds(30));
        streams.cleanUp();
        stateDir.delete();
    }
}
