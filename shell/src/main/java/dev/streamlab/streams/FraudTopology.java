package dev.streamlab.streams;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
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
import org.apache.kafka.streams.state.WindowStore;

/**
 * The talk's stream processing example in Kafka Streams, clause by clause:
 *
 * <pre>
 * CREATE STREAM possible_fraud AS          -- .to("possible_fraud")
 * SELECT card_number, count(*)             -- .count()
 * FROM authorization_attempts              -- builder.stream("authorization_attempts")
 * WINDOW TUMBLING (SIZE 5 MINUTE)          -- .windowedBy(TimeWindows.ofSizeAndGrace(5 minutes, grace))
 * GROUP BY card_number                     -- .groupBy(card number)
 * HAVING count(*) > 3;                     -- .filter(count > 3)
 * </pre>
 */
public final class FraudTopology {

    public static final String ATTEMPTS_TOPIC = "authorization_attempts";
    public static final String FRAUD_TOPIC = "possible_fraud";
    /** The window store interactive queries read: attempts per card per window. */
    public static final String COUNTS_STORE = "attempts-per-card";

    private FraudTopology() {
    }

    public static Topology build(FraudRules rules) {
        Serde<AuthorizationAttempt> attempts = JsonSerde.of(AuthorizationAttempt.class);
        StreamsBuilder builder = new StreamsBuilder();
        // tag::fraud-topology[]
        KTable<Windowed<String>, Long> counts = builder
                .stream(ATTEMPTS_TOPIC, Consumed.with(Serdes.String(), attempts)
                        .withTimestampExtractor(new AttemptTimeExtractor()))
                .groupBy((key, attempt) -> attempt.cardNumber(), Grouped.with(Serdes.String(), attempts))
                .windowedBy(TimeWindows.ofSizeAndGrace(rules.window(), rules.grace()))
                .count(Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(COUNTS_STORE));
        if (rules.finalResultsOnly()) {
            counts = counts.suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()));
        }
        counts.toStream()
                .filter((window, count) -> count != null && count > rules.threshold())
                .map((window, count) -> KeyValue.pair(window.key(), new PossibleFraud(window.key(), count,
                        window.window().startTime().toString(), window.window().endTime().toString())))
                .to(FRAUD_TOPIC, Produced.with(Serdes.String(), JsonSerde.of(PossibleFraud.class)));
        // end::fraud-topology[]
        return builder.build();
    }
}
