package lab03;

import java.util.Map;

/** Lab 3, reference solution. */
public final class SafeProducer {

    private SafeProducer() {
    }

    public static Map<String, Object> producerSettings() {
        return Map.of(
                "acks", "all",                 // a record counts as written once every in-sync replica has it
                "enable.idempotence", true,    // a retry never writes a record twice, and order is kept
                "retries", Integer.MAX_VALUE,  // keep trying while the partition gets a new leader...
                "delivery.timeout.ms", 60_000); // ...for up to a minute
    }

    public static Map<String, String> topicSettings() {
        // With 3 replicas, a write needs 2 of them: one broker may die without losing an acknowledged record.
        return Map.of("min.insync.replicas", "2");
    }
}
