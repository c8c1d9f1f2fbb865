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

    private SmtPlayground() {}

    /** Applies the chain and describes each record as {@code before -> after}, one record a line. */
    public static String show(Map<String, String> transforms, String topic, List<?> values) {
        StringBuilder text = new StringBuilder();
        for (Outcome outcome : apply(transforms, topic, values)) {
            List<Object> order = outcome.before() instanceof Map<?, ?> map ? new ArrayList<>(map.keySet()) : List.of();
            text.append(describe(outcome.topicBefore(), outcome.before(), order))
                    .append("\n  -> ")
                    .append(outcome.dropped() ? "(dropped)" : describe(outcome.topicAfter(), outcome.after(), order))
                    .append('\n');
        }
        return text.toString().stripTrailing();
    }

    /**
     * A record as the talk writes it, {@code customers {user: ab123, ip: 1.2.3.XXX}}: transforms copy values into
     * unordered maps, so fields are listed in the order the original record had them, new fields last.
     */
    static String describe(String topic, Object value, List<Object> order) {
        if (!(value instanceof Map<?, ?> map)) {
            return topic + " " + value;
        }
        List<Object> keys = new ArrayList<>(map.keySet());
        keys.sort(
                java.util.Comparator.comparingInt(key -> order.contains(key) ? order.indexOf(key) : Integer.MAX_VALUE));
        StringBuilder text = new StringBuilder(topic).append(" {");
        String separator = "";
        for (Object key : keys) {
            Object field = map.get(key);
            text.append(separator)
                    .append(key)
                    .append(": ")
                    .append(field instanceof String s && s.isEmpty() ? "\"\"" : field);
            separator = ", ";
        }
        return text.append('}').toString();
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
                outcomes.add(
                        after == null
                                ? new Outcome(topic, value, null, null)
                                : new Outcome(topic, value, after.topic(), after.value()));
            }
        }
        return outcomes;
    }
}
