package dev.streamlab.connect;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.transforms.predicates.Predicate;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * A predicate that holds when a field of the record's value has a given value, e.g. {@code priority} is
 * {@code high}. Kafka's own predicates look at the topic name, headers or tombstones only; routing by content
 * (high-priority events to a faster store) needs one like this.
 *
 * <pre>
 * predicates=isHigh
 * predicates.isHigh.type=dev.streamlab.connect.FieldEquals
 * predicates.isHigh.field=priority
 * predicates.isHigh.value=high
 * </pre>
 */
public class FieldEquals<R extends ConnectRecord<R>> implements Predicate<R> {

    private static final ConfigDef CONFIG = new ConfigDef()
            .define(
                    "field",
                    ConfigDef.Type.STRING,
                    ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.Importance.HIGH,
                    "The field of the record's value to compare.")
            .define(
                    "value",
                    ConfigDef.Type.STRING,
                    ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.Importance.HIGH,
                    "The value it must have, compared as text.");

    private String field;
    private String value;

    @Override
    public void configure(Map<String, ?> configs) {
        SimpleConfig config = new SimpleConfig(CONFIG, configs);
        field = config.getString("field");
        value = config.getString("value");
    }

    @Override
    public boolean test(R record) {
        Object actual = null;
        if (record.value() instanceof Map<?, ?> map) {
            actual = map.get(field);
        } else if (record.value() instanceof Struct struct && struct.schema().field(field) != null) {
            actual = struct.get(field);
        }
        return actual != null && Objects.equals(String.valueOf(actual), value);
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void close() {}
}
