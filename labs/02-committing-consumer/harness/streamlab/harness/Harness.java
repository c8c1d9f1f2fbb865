package streamlab.harness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.streamlab.grading.host.LabHarness;
import lab02.CommittingConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Lab 2's adapter, in the learner's JVM: one run of the learner's consumer (start with their settings, process, close)
 * against the checks' cluster. It reports what the handler was given; the checks compare it with what they wrote and
 * read the committed offsets from Kafka themselves.
 */
public final class Harness implements LabHarness {

    @Override
    public Object call(String operation, Map<String, Object> arguments) {
        if (!"run".equals(operation)) {
            throw new IllegalArgumentException("Unknown operation " + operation);
        }
        Map<String, Object> config = new HashMap<>(CommittingConsumer.settings());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, arguments.get("bootstrap"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, arguments.get("group"));
        long failAt = ((Number) arguments.get("failAt")).longValue();
        int limit = ((Number) arguments.get("limit")).intValue();
        List<Map<String, Object>> handled = new ArrayList<>();
        boolean failed = false;
        int returned = -1;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of((String) arguments.get("topic")));
            try {
                returned = CommittingConsumer.processSome(consumer, r -> {
                    if (r.offset() == failAt) {
                        throw new HandlerFailed("processing record " + failAt + " failed");
                    }
                    handled.add(Map.of("partition", r.partition(), "offset", r.offset(), "value", String.valueOf(r.value())));
                }, limit);
            } catch (HandlerFailed expected) {
                failed = true;
            }
        }
        return Map.of("handled", handled, "failed", failed, "returned", returned);
    }

    /** Thrown by the handler to simulate processing that fails. */
    static final class HandlerFailed extends RuntimeException {
        HandlerFailed(String message) {
            super(message);
        }
    }
}
