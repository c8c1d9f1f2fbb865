package dev.streamlab.connect;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/** A sink connector that appends each record's value to a file as one JSON line, so a learner can open it. */
public class JsonLinesSinkConnector extends SinkConnector {

    public static final String FILE_CONFIG = "file";

    static final ConfigDef CONFIG = new ConfigDef()
            .define(
                    FILE_CONFIG,
                    ConfigDef.Type.STRING,
                    ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.Importance.HIGH,
                    "The file to append to.");

    private Map<String, String> settings;

    @Override
    public void start(Map<String, String> props) {
        this.settings = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return JsonLinesSinkTask.class;
    }

    /** One task: one file is written by one writer. */
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
