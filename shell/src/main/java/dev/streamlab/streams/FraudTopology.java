package dev.streamlab.streams;

import dev.streamlab.cluster.Namespace;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

/**
 * The talk's stream processing example in Kafka Streams, clause by clause:
 *
 * <pre>
 * CREATE STREAM possible_fraud AS          -- .to("possible_fraud")
 * SELECT card_number, count(*)             -- .count()
 * FROM authorization_attempts              -- builder.stream("authorization_attempts")
 * WINDOW TUMBLING (SIZE 5 MINUTE)          -- .windowedBy(TimeWindows.ofSizeAndGrace(5 minutes, grace))
 * GROUP BY card_number                     -- .groupByKey(): attempts are keyed by card number already
 * HAVING count(*) > 3;                     -- .filter(count > 3)
 * </pre>
 *
 * <p>Attempts arrive keyed by card number (every attempt of a card in one partition, in order), so grouping needs
 * no repartition topic. Were they keyed otherwise, {@code groupBy((key, attempt) -> attempt.cardNumber())}
 * would re-key them, at the price of writing every attempt once more through Kafka.
 */
public final class FraudTopology {

    public static final String ATTEMPTS_TOPIC = "authorization_attempts";
    public static final String FRAUD_TOPIC = "possible_fraud";
    /** The window store interactive queries read: attempts per card per window. */
    public static final String COUNTS_STORE = "attempts-per-card";

    private FraudTopology() {}

    /**
     * Counts live in memory (and in their changelog topic, from which a restarted app restores them): a few
     * minutes of windows are small, and RocksDB would cost a third of the throughput here.
     */
    private static WindowBytesStoreSupplier countsStore(FraudRules rules) {
        return Stores.inMemoryWindowStore(COUNTS_STORE, rules.window().plus(rules.grace()), rules.window(), false);
    }

    public static Topology build(FraudRules rules) {
        return build(rules, Namespace.NONE);
    }

    /** The topology on a learner's topics in a class ({@code ana.authorization_attempts}, {@code ana.possible_fraud}). */
    public static Topology build(FraudRules rules, Namespace namespace) {
        String attemptsTopic = namespace.real(ATTEMPTS_TOPIC);
        String fraudTopic = namespace.real(FRAUD_TOPIC);
        Serde<AuthorizationAttempt> attempts = JsonSerde.of(AuthorizationAttempt.class);
        StreamsBuilder builder = new StreamsBuilder();
        // spotless:off (shown to learners as written: lessons include this region)
        // tag::fraud-topology[]
        KTable<Windowed<String>, Long> counts = builder
                .stream(attemptsTopic, Consumed.with(Serdes.String(), attempts)
                        .withTimestampExtractor(new AttemptTimeExtractor()))
                .groupByKey(Grouped.with(Serdes.String(), attempts))
                .windowedBy(TimeWindows.ofSizeAndGrace(rules.window(), rules.grace()))
                .count(Materialized.<String, Long>as(countsStore(rules)).withCachingDisabled());
        if (rules.finalResultsOnly()) {
            counts = counts.suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()));
        }
        counts.toStream()
                .filter((window, count) -> count != null && count > rules.threshold())
                .map((window, count) -> KeyValue.pair(window.key(), new PossibleFraud(window.key(), count,
                        window.window().startTime().toString(), window.window().endTime().toString())))
                .to(fraudTopic, Produced.with(Serdes.String(), JsonSerde.of(PossibleFraud.class)));
        // end::fraud-topology[]
        // spotless:on
        return builder.build();
    }
}
