package lab04;

import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * A custom SMT: replaces the last part of an IPv4 address with XXX ({@code 1.2.3.95} becomes {@code 1.2.3.XXX}).
 * Setting {@code field}: the name of the field that holds the address. Values are maps (no schema).
 */
public final class MaskIp<R extends ConnectRecord<R>> implements Transformation<R> {

    private String field;

    @Override
    public void configure(Map<String, ?> configs) {
        field = String.valueOf(configs.get("field"));
    }

    @Override
    public R apply(R record) {
        // TODO: copy the value map, replace the last part of the address in `field` with XXX,
        //       and return record.newRecord(...) with the new value. Leave records without a value alone.
        return record;
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef().define("field", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "The field with the IP address.");
    }

    @Override
    public void close() {
    }
}
