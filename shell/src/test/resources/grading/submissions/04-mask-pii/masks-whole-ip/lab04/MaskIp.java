package lab04;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

/** Wrong on purpose: replaces all of an IPv4 address with XXX: {@code 1.2.3.95} becomes {@code 1.2.3.XXX}. */
public final class MaskIp<R extends ConnectRecord<R>> implements Transformation<R> {

    private String field;

    @Override
    public void configure(Map<String, ?> configs) {
        field = String.valueOf(configs.get("field"));
    }

    @Override
    public R apply(R record) {
        if (!(record.value() instanceof Map<?, ?> value) || !(value.get(field) instanceof String ip)) {
            return record;
        }
        Map<Object, Object> masked = new HashMap<>(value);
        int lastDot = ip.lastIndexOf('.');
        masked.put(field, lastDot < 0 ? "XXX" : "XXX");
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), masked, record.timestamp());
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef().define("field", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "The field with the IP address.");
    }

    @Override
    public void close() {
    }
}
