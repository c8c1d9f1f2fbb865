package lab05.checks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamlab.grading.check.LearnerCode;
import org.apache.kafka.streams.KeyValue;

/**
 * Attempts for the learner's topology, which runs in their JVM in a TopologyTestDriver (no cluster needed, time is the
 * records' own): the attempts are made here, where the learner's code cannot see them coming, and sent at once.
 */
final class FraudWindowDriver implements AutoCloseable {

    private final LearnerCode learner;
    private final List<List<Object>> attempts = new ArrayList<>();

    FraudWindowDriver(LearnerCode learner) {
        this.learner = learner;
    }

    void attempt(String card, Instant at) {
        attempts.add(List.of(card, at.toEpochMilli()));
    }

    /** What the learner's topology wrote to possible_fraud for every attempt so far. */
    List<KeyValue<String, Long>> flagged() {
        JsonNode out = learner.call("flag", Map.of("attempts", attempts));
        List<KeyValue<String, Long>> flagged = new ArrayList<>();
        for (JsonNode kv : out) {
            flagged.add(KeyValue.pair(kv.path(0).asText(null), kv.path(1).isNumber() ? kv.path(1).asLong() : null));
        }
        return flagged;
    }

    @Override
    public void close() {
        attempts.clear();
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
