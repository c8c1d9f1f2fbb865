package lab05;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/** Does nothing: reads the attempts and writes no fraud at all. */
public final class FraudDetection {
    public static final String INPUT_TOPIC = "authorization_attempts";
    public static final String OUTPUT_TOPIC = "possible_fraud";

    public static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(INPUT_TOPIC);
        return builder.build();
    }
}
