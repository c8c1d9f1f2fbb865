package dev.streamlab.connect;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The settings every streamlab Connect worker runs with, in the JVM or in a container. */
final class WorkerSettings {

    private WorkerSettings() {
    }

    /**
     * A standalone worker: keys as strings, values as plain JSON (no schema envelope, so learners read what they
     * wrote), offsets in a file, plugins found through their service files only (quick, and no scan of the classpath).
     */
    static Map<String, String> standalone(String bootstrapServers, Path offsets, String listener) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        settings.put("value.converter.schemas.enable", "false");
        settings.put("offset.storage.file.filename", offsets.toString());
        settings.put("offset.flush.interval.ms", "1000");
        settings.put("listeners", listener);
        settings.put("plugin.discovery", "service_load");
        return settings;
    }
}
