package streamlab.harness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.streamlab.grading.host.LabHarness;
import lab04.PiiMasking;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;

/** Lab 4's adapter, in the learner's JVM: one record through the learner's chain, as a Connect worker runs it. */
public final class Harness implements LabHarness {

    @Override
    public Object call(String operation, Map<String, Object> arguments) {
        if (!"apply".equals(operation)) {
            throw new IllegalArgumentException("Unknown operation " + operation);
        }
        Object value = arguments.get("value") == null ? null : new HashMap<>((Map<?, ?>) arguments.get("value"));
        SourceRecord record = new SourceRecord(Map.of("table", "customers"), Map.of("position", 1L), "customers", 0,
                null, "key", null, value);
        for (Transformation<SourceRecord> t : PiiMasking.transformations()) {
            record = t.apply(record);
            if (record == null) {
                return Map.of("dropped", true);
            }
        }
        List<Map<String, Object>> headers = new ArrayList<>();
        for (Header h : record.headers()) {
            headers.add(Map.of("key", h.key(), "value", String.valueOf(h.value())));
        }
        Map<String, Object> result = new HashMap<>();
        result.put("dropped", false);
        result.put("value", record.value() instanceof Map<?, ?> || record.value() == null ? record.value() : String.valueOf(record.value()));
        result.put("headers", headers);
        return result;
    }
}
