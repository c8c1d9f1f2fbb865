package streamlab.harness;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.streamlab.grading.host.LabHarness;
import lab03.SafeProducer;

/**
 * Lab 3's adapter, in the learner's JVM: the settings, as data. The checks build the producer and the topic from exactly
 * this data in their own JVM, so what they judge is what runs.
 */
public final class Harness implements LabHarness {

    @Override
    public Object call(String operation, Map<String, Object> arguments) {
        return switch (operation) {
            case "producerSettings" -> plain(SafeProducer.producerSettings());
            case "topicSettings" -> plain(SafeProducer.topicSettings());
            default -> throw new IllegalArgumentException("Unknown operation " + operation);
        };
    }

    private static Map<String, Object> plain(Map<String, ?> settings) {
        Map<String, Object> copy = new LinkedHashMap<>();
        settings.forEach((key, value) -> copy.put(String.valueOf(key),
                value instanceof Number || value instanceof Boolean || value == null ? value : String.valueOf(value)));
        return copy;
    }
}
