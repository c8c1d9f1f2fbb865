package streamlab.harness;

import java.util.HashMap;
import java.util.Map;

import dev.streamlab.grading.host.LabHarness;
import lab01.CustomerEvents;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Lab 1's adapter, in the learner's JVM: the record {@code CustomerEvents.record} builds, as data. */
public final class Harness implements LabHarness {

    @Override
    public Object call(String operation, Map<String, Object> arguments) {
        if (!"record".equals(operation)) {
            throw new IllegalArgumentException("Unknown operation " + operation);
        }
        ProducerRecord<String, String> record = CustomerEvents.record((String) arguments.get("topic"),
                (String) arguments.get("customer"), (String) arguments.get("event"));
        Map<String, Object> result = new HashMap<>();
        result.put("topic", record.topic());
        result.put("partition", record.partition());
        result.put("key", record.key());
        result.put("value", record.value());
        return result;
    }
}
