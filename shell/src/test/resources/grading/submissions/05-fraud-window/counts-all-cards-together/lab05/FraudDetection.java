package lab05;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;

/** Partly right: windows of 5 minutes and more than 3, but every card's attempts are counted together (no groupByKey). */
public final class FraudDetection {

    public static final String INPUT_TOPIC = "authorization_attempts";
    public static final String OUTPUT_TOPIC = "possible_fraud";

    private FraudDetection() {
    }

    public static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(INPUT_TOPIC, Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues((card, attempt) -> card)
                .groupBy((card, value) -> "all", Grouped.with(Serdes.String(), Serdes.String()))
                .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofMinutes(5)))
                .aggregate(() -> "|0", (all, card, last) -> card + "|" + (Long.parseLong(last.substring(last.indexOf('|') + 1)) + 1),
                        Materialized.with(Serdes.String(), Serdes.String()))
                .toStream()
                .map((window, last) -> KeyValue.pair(last.substring(0, last.indexOf('|')),
                        Long.parseLong(last.substring(last.indexOf('|') + 1))))
                .filter((card, count) -> count > 3)
                .to(OUTPUT_TOPIC, Produced.with(Serdes.String(), Serdes.Long()));
        return builder.build();
    }
}
