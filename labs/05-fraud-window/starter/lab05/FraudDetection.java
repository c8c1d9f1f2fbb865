package lab05;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/**
 * Lab 5: the fraud window. See README.adoc.
 */
public final class FraudDetection {

    public static final String INPUT_TOPIC = "authorization_attempts";
    public static final String OUTPUT_TOPIC = "possible_fraud";

    private FraudDetection() {
    }

    /**
     * Builds the topology.
     * Input: {@value #INPUT_TOPIC}, key = card number (String), value = the attempt (String).
     * Output: {@value #OUTPUT_TOPIC}, key = card number (String), value = number of attempts (Long),
     * each time a card has more than 3 attempts in one 5-minute tumbling window.
     */
    public static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        // TODO 1: read INPUT_TOPIC with String keys and String values.
        // TODO 2: group by the card number (the key) and count in tumbling windows of 5 minutes.
        // TODO 3: keep only counts above 3, turn the windowed key back into the card number,
        //         and write to OUTPUT_TOPIC with String keys and Long values.
        throw new UnsupportedOperationException("TODO: build the fraud-window topology (see README.adoc).");
    }
}
