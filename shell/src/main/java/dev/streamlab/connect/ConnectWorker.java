package dev.streamlab.connect;

import java.time.Duration;
import java.util.Map;

/**
 * A running Kafka Connect worker beside a cluster. The embedded cluster gets one inside this JVM;
 * other clusters get theirs elsewhere behind the same interface.
 */
public interface ConnectWorker extends AutoCloseable {

    /** The worker's REST address, e.g. {@code http://127.0.0.1:8083}. */
    String restUrl();

    /**
     * Validates the configuration with Connect's own validation and, when it passes, creates or updates the
     * connector. A bad class or setting raises {@link ConnectorConfigException} with Connect's messages.
     */
    void putConnector(String name, Map<String, String> config);

    /** The state of the connector and its tasks, e.g. {@code RUNNING} or {@code FAILED: reason}. */
    String state(String name);

    /** Waits until the connector and all its tasks run, or says why they do not. */
    void awaitRunning(String name, Duration deadline);

    void deleteConnector(String name);

    @Override
    void close();
}
