package lab03;

import java.util.Map;

/** Wrong on purpose: the leader alone acknowledges, and a failed send is never retried. */
public final class SafeProducer {

    private SafeProducer() {
    }

    public static Map<String, Object> producerSettings() {
        return Map.of("acks", "1", "retries", 0);
    }

    public static Map<String, String> topicSettings() {
        return Map.of("min.insync.replicas", "2");
    }
}
