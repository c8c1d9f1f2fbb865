package dev.streamlab.connect;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * A single message transform that masks the last part of an IPv4 address: {@code 1.2.3.95} becomes
 * {@code 1.2.3.XXX}. Kafka's own {@code MaskField} replaces a whole value, which would lose the network the
 * address belongs to; this keeps it. It works on record values with or without a schema.
 *
 * <pre>
 * transforms=maskIp
 * transforms.maskIp.type=dev.streamlab.connect.MaskIpAddress
 * transforms.maskIp.field=ip
 * </pre>
 */
// spotless:off (shown to learners as written: lessons include this region)
// tag::mask-ip[]
public class MaskIpAddress<R extends ConnectRecord<R>> implements Transformation<R> {

    public static final String FIELD_CONFIG = "field";
    public static final String REPLACEMENT_CONFIG = "replacement";

    private static final Pattern LAST_OCTET = Pattern.compile("\\.\\d{1,3}$");
    private static final ConfigDef CONFIG = new ConfigDef()
            .define(FIELD_CONFIG, ConfigDef.Type.STRING, "ip", ConfigDef.Importance.HIGH,
                    "The field of the record's value that holds the IPv4 address.")
            .define(REPLACEMENT_CONFIG, ConfigDef.Type.STRING, "XXX", ConfigDef.Importance.LOW,
                    "What replaces the last part of the address.");

    private String field;
    private String replacement;

    @Override
    public void configure(Map<String, ?> configs) {
        SimpleConfig config = new SimpleConfig(CONFIG, configs);
        field = config.getString(FIELD_CONFIG);
        replacement = config.getString(REPLACEMENT_CONFIG);
    }

    @Override
    public R apply(R record) {
        Object value = record.value();
        if (value instanceof Map<?, ?> map && map.get(field) instanceof String ip) {
            Map<Object, Object> masked = new HashMap<>(map);
            masked.put(field, mask(ip));
            return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                    record.valueSchema(), masked, record.timestamp(), record.headers());
        }
        if (value instanceof Struct struct && struct.schema().field(field) != null
                && struct.get(field) instanceof String ip) {
            Struct masked = new Struct(struct.schema());
            struct.schema().fields().forEach(f -> masked.put(f, struct.get(f)));
            masked.put(field, mask(ip));
            return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                    record.valueSchema(), masked, record.timestamp(), record.headers());
        }
        return record;
    }

    String mask(String ip) {
        return LAST_OCTET.matcher(ip).replaceFirst("." + replacement);
    }
    // end::mask-ip[]
    // spotless:on

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void close() {}
}
