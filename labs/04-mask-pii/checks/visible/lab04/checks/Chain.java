package lab04.checks;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import lab04.PiiMasking;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;

/** Runs the learner's transforms on one record, as a Connect worker would: in order, stopping at a null. */
final class Chain {

    private Chain() {
    }

    static SourceRecord apply(Object value) {
        SourceRecord record = new SourceRecord(Map.of("table", "customers"), Map.of("position", 1L), "customers", 0,
                null, "key", null, value);
        for (Transformation<SourceRecord> t : PiiMasking.transformations()) {
            record = t.apply(record);
            if (record == null) {
                return null;
            }
        }
        return record;
    }

    static String ip(Random random) {
        return random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
    }

    static String user(Random random) {
        return (char) ('a' + random.nextInt(26)) + "" + (char) ('a' + random.nextInt(26)) + (100 + random.nextInt(900));
    }

    static Map<String, Object> customer(Random random) {
        Map<String, Object> value = new HashMap<>();
        value.put("user", user(random));
        value.put("gender", random.nextBoolean() ? "female" : "male");
        value.put("ip", ip(random));
        return value;
    }
}
