package dev.streamlab.streams;

import dev.streamlab.cluster.ScratchDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The fraud topology on Kafka's {@link TopologyTestDriver}: no cluster and no waiting. Time is a clock you move
 * yourself ({@link #advance}), so an experiment gives the same answer every time.
 *
 * <p>As in the real application, time moves with the events: a window closes only when an attempt with a later
 * timestamp (past the window's end plus the grace period) arrives.
 */
public final class FraudSimulation implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, AuthorizationAttempt> attempts;
    private final TestOutputTopic<String, PossibleFraud> fraud;
    private final ScratchDirectory stateDir;
    private final Thread removeAtExit;
    private final List<PossibleFraud> seen = new ArrayList<>();
    private Instant now;

    public FraudSimulation(FraudRules rules, Instant start) {
        // A lesson's cell makes one and never closes it: the folder goes when this JVM ends, or (when the JVM was
        // killed)
        // with the next simulation's reaping of folders whose owner is gone.
        stateDir = ScratchDirectory.create("streams");
        removeAtExit = new Thread(stateDir::delete, "streamlab-simulation-cleanup");
        Runtime.getRuntime().addShutdownHook(removeAtExit);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "fraud-simulation");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "simulated:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.path().toString());
        driver = new TopologyTestDriver(FraudTopology.build(rules), props, start);
        attempts = driver.createInputTopic(
                FraudTopology.ATTEMPTS_TOPIC,
                Serdes.String().serializer(),
                JsonSerde.of(AuthorizationAttempt.class).serializer(),
                start,
                Duration.ZERO);
        fraud = driver.createOutputTopic(
                FraudTopology.FRAUD_TOPIC,
                Serdes.String().deserializer(),
                JsonSerde.of(PossibleFraud.class).deserializer());
        now = start;
    }

    public Instant now() {
        return now;
    }

    /** An attempt with this card, happening now. */
    public FraudSimulation attempt(String card) {
        return attemptAt(card, now);
    }

    /** An attempt that happened {@code ago} before now and arrives only now: a late, out-of-order event. */
    public FraudSimulation lateAttempt(String card, Duration ago) {
        return attemptAt(card, now.minus(ago));
    }

    private FraudSimulation attemptAt(String card, Instant when) {
        attempts.pipeInput(card, AuthorizationAttempt.at(card, when), when);
        return this;
    }

    /** Moves the clock forward; the next attempts happen later. */
    public FraudSimulation advance(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    /** Every result written to {@code possible_fraud} so far. */
    public List<PossibleFraud> fraud() {
        while (!fraud.isEmpty()) {
            seen.add(fraud.readValue());
        }
        return List.copyOf(seen);
    }

    /** Attempts per window start for one card, read from the window store (an interactive query). */
    public Map<Instant, Long> countsFor(String card) {
        WindowStore<String, Long> store = driver.getWindowStore(FraudTopology.COUNTS_STORE);
        Map<Instant, Long> counts = new LinkedHashMap<>();
        try (var iterator = store.fetch(card, Instant.EPOCH, now.plus(Duration.ofDays(1)))) {
            iterator.forEachRemaining(kv -> counts.put(Instant.ofEpochMilli(kv.key), kv.value));
        }
        return counts;
    }

    @Override
    public void close() {
        driver.close();
        stateDir.delete();
        try {
            Runtime.getRuntime().removeShutdownHook(removeAtExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs anyway.
        }
    }
}
