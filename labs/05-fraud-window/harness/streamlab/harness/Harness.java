package streamlab.harness;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.streamlab.grading.host.LabHarness;
import lab05.FraudDetection;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Lab 5's adapter, in the learner's JVM: the checks' attempts through the learner's topology in a TopologyTestDriver
 * (time is the records' own), and what came out on {@code possible_fraud}.
 */
public final class Harness implements LabHarness {

    private int runs;

    @Override
    public Object call(String operation, Map<String, Object> arguments) throws Exception {
        if (!"flag".equals(operation)) {
            throw new IllegalArgumentException("Unknown operation " + operation);
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "lab05-" + runs++);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // Every update reaches the output at once, as with the SQL query's HAVING.
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("lab05-state").toString());
        List<List<Object>> flagged = new ArrayList<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(FraudDetection.topology(), props)) {
            TestInputTopic<String, String> attempts = driver.createInputTopic("authorization_attempts", new StringSerializer(),
                    new StringSerializer());
            TestOutputTopic<String, Long> fraud = driver.createOutputTopic("possible_fraud", new StringDeserializer(),
                    new LongDeserializer());
            @SuppressWarnings("unchecked")
            List<List<Object>> input = (List<List<Object>>) arguments.get("attempts");
            for (List<Object> attempt : input) {
                Instant at = Instant.ofEpochMilli(((Number) attempt.get(1)).longValue());
                attempts.pipeInput((String) attempt.get(0), "attempt at " + at, at);
            }
            for (KeyValue<String, Long> kv : fraud.readKeyValuesToList()) {
                flagged.add(java.util.Arrays.asList(kv.key, kv.value));
            }
        }
        return flagged;
    }
}
