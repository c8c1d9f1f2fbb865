package lab05.checks;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import lab05.FraudDetection;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The learner's topology in a TopologyTestDriver: no cluster needed, time is the records' own. */
final class FraudWindowDriver implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, String> attempts;
    private final TestOutputTopic<String, Long> fraud;

    FraudWindowDriver() throws Exception {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "lab05-" + UUID.randomUUID());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // Every update reaches the output at once, as with the SQL query's HAVING.
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("lab05-state").toString());
        driver = new TopologyTestDriver(FraudDetection.topology(), props);
        attempts = driver.createInputTopic(FraudDetection.INPUT_TOPIC, new StringSerializer(), new StringSerializer());
        fraud = driver.createOutputTopic(FraudDetection.OUTPUT_TOPIC, new StringDeserializer(), new LongDeserializer());
    }

    void attempt(String card, Instant at) {
        attempts.pipeInput(card, "attempt at " + at, at);
    }

    List<KeyValue<String, Long>> flagged() {
        return fraud.readKeyValuesToList();
    }

    @Override
    public void close() {
        driver.close();
    }

    /** The start of a random 5-minute window in 2026. */
    static Instant windowStart(java.util.Random random) {
        long fiveMinutes = 300_000L;
        long base = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        return Instant.ofEpochMilli(base + random.nextInt(100_000) * fiveMinutes);
    }

    static String card(java.util.Random random) {
        return String.format("4%015d", Math.floorMod(random.nextLong(), 1_000_000_000_000_000L));
    }

}
