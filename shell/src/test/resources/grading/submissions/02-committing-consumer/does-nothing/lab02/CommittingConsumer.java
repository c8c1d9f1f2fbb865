package lab02;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Does nothing: no settings, no poll, nothing handled. */
public final class CommittingConsumer {
    public static Map<String, Object> settings() {
        return Map.of();
    }

    public static int processSome(org.apache.kafka.clients.consumer.Consumer<String, String> consumer,
                                  Consumer<ConsumerRecord<String, String>> handler, int limit) {
        return 0;
    }
}
