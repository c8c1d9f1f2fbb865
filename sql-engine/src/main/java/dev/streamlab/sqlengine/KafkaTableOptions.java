package dev.streamlab.sqlengine;

import java.util.HashMap;
import java.util.Map;

/**
 * What the engine adds to a Kafka table's options, so that a lesson's {@code CREATE TABLE} names only its topic and
 * format: the cluster's address and client settings (SASL included), the learner's names in a class, and a bounded
 * read for a headless run. What the learner wrote wins, except the topic's and group's names in a class: those are
 * kept inside the learner's prefix, as the shell's own clients keep them.
 */
public final class KafkaTableOptions {

    /** Kafka's client classes live under this package in Flink's SQL connector jar. */
    static final String SHADED_PREFIX = "org.apache.flink.kafka.shaded.";

    private final Map<String, String> client;
    private final String topicPrefix;
    private final boolean bounded;

    public KafkaTableOptions(Map<String, String> client, String topicPrefix, boolean bounded) {
        this.client = Map.copyOf(client);
        this.topicPrefix = topicPrefix == null ? "" : topicPrefix;
        this.bounded = bounded;
    }

    /** Whether a table with these options reads or writes Kafka (the connectors 'kafka' and 'upsert-kafka'). */
    public static boolean isKafka(Map<String, String> options) {
        String connector = options.getOrDefault("connector", "");
        return connector.equals("kafka") || connector.equals("upsert-kafka");
    }

    /** The options of a Kafka table as the engine creates it; other tables' options as they are. */
    public Map<String, String> complete(String tableName, Map<String, String> written) {
        if (!isKafka(written)) {
            return written;
        }
        Map<String, String> options = new HashMap<>(written);
        client.forEach((key, value) -> options.putIfAbsent("properties." + key, shaded(key, value)));
        if (!topicPrefix.isEmpty()) {
            String topic = options.get("topic");
            if (topic != null) {
                options.put("topic", prefixed(topic));
            }
            String pattern = options.get("topic-pattern");
            if (pattern != null && !isPrefixed(pattern)) {
                // A pattern matches only the learner's own topics; the cluster's ACLs refuse the others anyway. It must
                // be a regular expression on its own, or it could close the group around it.
                try {
                    java.util.regex.Pattern.compile(pattern);
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new IllegalArgumentException(
                            "'topic-pattern' is not a regular expression: " + e.getDescription() + ".");
                }
                options.put("topic-pattern", java.util.regex.Pattern.quote(topicPrefix) + "(?:" + pattern + ")");
            }
            String group = options.get("properties.group.id");
            options.put("properties.group.id", group == null ? topicPrefix + "sql-" + tableName : prefixed(group));
        }
        String transactions = options.get("sink.transactional-id-prefix");
        if (!topicPrefix.isEmpty() && transactions != null && !transactions.startsWith(topicPrefix)) {
            options.put("sink.transactional-id-prefix", topicPrefix + transactions);
        }
        if (bounded) {
            options.putIfAbsent("scan.bounded.mode", "latest-offset");
        }
        return options;
    }

    /**
     * Options pass here twice (at {@code CREATE TABLE}, and when a statement uses the table): a pattern already wrapped
     * is wrapped once only. Wrapped means the prefix, then a group around a pattern that is a regular expression on its
     * own, so that the group cannot be closed early ("...(?:x)|(.*)" is not).
     */
    private boolean isPrefixed(String pattern) {
        String start = java.util.regex.Pattern.quote(topicPrefix) + "(?:";
        if (!pattern.startsWith(start) || !pattern.endsWith(")")) {
            return false;
        }
        try {
            java.util.regex.Pattern.compile(pattern.substring(start.length(), pattern.length() - 1));
            return true;
        } catch (java.util.regex.PatternSyntaxException e) {
            return false;
        }
    }

    private String prefixed(String names) {
        // 'topic' may list several topics separated by ';'.
        StringBuilder out = new StringBuilder();
        for (String name : names.split(";", -1)) {
            if (out.length() > 0) {
                out.append(';');
            }
            String trimmed = name.strip();
            out.append(trimmed.startsWith(topicPrefix) ? trimmed : topicPrefix + trimmed);
        }
        return out.toString();
    }

    /** A JAAS line names Kafka's login modules by class: in the connector's jar they carry the shaded package. */
    static String shaded(String key, String value) {
        if (!key.equals("sasl.jaas.config") || value.startsWith(SHADED_PREFIX)) {
            return value;
        }
        return value.startsWith("org.apache.kafka.") ? SHADED_PREFIX + value : value;
    }
}
