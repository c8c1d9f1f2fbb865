package dev.streamlab.connect;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * A source connector that replays a file of JSON lines (one event per line, e.g. from {@code demo-data/})
 * into a topic at a steady rate. It remembers how far it got, like any real source connector, so a
 * restarted connector goes on where it stopped.
 */
public class DemoDataSourceConnector extends SourceConnector {

    public static final String FILE_CONFIG = "file";
    public static final String TOPIC_CONFIG = "topic";
    public static final String RATE_CONFIG = "records.per.second";
    public static final String KEY_FIELD_CONFIG = "key.field";

    static final ConfigDef CONFIG = new ConfigDef()
            .define(
                    FILE_CONFIG,
                    ConfigDef.Type.STRING,
                    ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.Importance.HIGH,
                    "The JSON lines file to replay.")
            .define(
                    TOPIC_CONFIG,
                    ConfigDef.Type.STRING,
                    ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.Importance.HIGH,
                    "The topic to write to.")
            .define(
                    RATE_CONFIG,
                    ConfigDef.Type.INT,
                    10,
                    ConfigDef.Range.between(1, 100_000),
                    ConfigDef.Importance.MEDIUM,
                    "How many records per second.")
            .define(
                    KEY_FIELD_CONFIG,
                    ConfigDef.Type.STRING,
                    "",
                    ConfigDef.Importance.LOW,
                    "The field whose value becomes the record key (empty: no key).");

    private Map<String, String> settings;

    @Override
    public void start(Map<String, String> props) {
        this.settings = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return DemoDataSourceTask.class;
    }

    /** One task: a file is read in order, from one place. */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(settings);
    }

    @Override
    public void stop() {}

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public String version() {
        return "1.0";
    }
}
