package lab05;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;

/**
 * Wrong on purpose: flags only 5 attempts or more, not 4: the talk's
 * {@code SELECT card_number, count(*) FROM authorization_attempts WINDOW TUMBLING (SIZE 5 MINUTE)
 * GROUP BY card_number HAVING count(*) > 3} in Kafka Streams.
 */
public final class FraudDetection {

    public static final String INPUT_TOPIC = "authorization_attempts";
    public static final String OUTPUT_TOPIC = "possible_fraud";

    private FraudDetection() {
    }

    public static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(INPUT_TOPIC, Consumed.with(Serdes.String(), Serdes.String()))
                .groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
                .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofMinutes(5)))
                .count()
                .toStream()
                .filter((window, count) -> count > 4)
                .map((window, count) -> KeyValue.pair(window.key(), count))
                .to(OUTPUT_TOPIC, Produced.with(Serdes.String(), Serdes.Long()));
        return builder.build();
    }
}
