package dev.streamlab.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.source.SourceRecord;

/**
 * Applies a chain of Kafka's single message transforms to sample records, without a worker, so a learner can
 * try a configuration in milliseconds before giving it to a running connector.
 */
public final class SmtPlayground {

    /** One record before and after the chain; {@code after} is {@code null} when the chain dropped it. */
    public record Outcome(String topicBefore, Object before, String topicAfter, Object after) {
        public boolean dropped() {
            return after == null && topicAfter == null;
        }
    }

    private SmtPlayground() {
    }

    /**
     * @param transforms connector-style settings ({@code transforms=...}, {@code transforms.NAME.type=...})
     * @param topic the topic the sample records come from
     * @param values schemaless record values, e.g. maps parsed from JSON
     */
    public static List<Outcome> apply(Map<String, String> transforms, String topic, List<?> values) {
        List<Outcome> outcomes = new ArrayList<>(values.size());
        try (TransformChain<SourceRecord> chain = TransformChain.fromConfig(transforms)) {
            for (Object value : values) {
                SourceRecord before = new SourceRecord(Map.of(), Map.of(), topic, null, null, null, null, value, 0L);
                SourceRecord after = chain.apply(before);
                outcomes.add(after == null ? new Outcome(topic, value, null, null)
                        : new Outcome(topic, value, after.topic(), after.value()));
            }
        }
        return outcomes;
    }
}
