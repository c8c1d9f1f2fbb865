package dev.streamlab.connect;

import dev.streamlab.cluster.Await;
import dev.streamlab.cluster.ClusterException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A running Kafka Connect worker beside a cluster. The embedded cluster gets one inside this JVM;
 * a containers cluster gets one in a container, reached through its REST API.
 */
public interface ConnectWorker extends AutoCloseable {

    /** The worker's REST address, e.g. {@code https://127.0.0.1:8083}. */
    String restUrl();

    /**
     * An HTTP client that holds the worker's certificate: the only client its REST API answers, so no other user of
     * the machine can run a connector as you (a connector reads files and topics with your rights).
     */
    java.net.http.HttpClient restClient();

    /**
     * Validates the configuration with Connect's own validation and, when it passes, creates or updates the
     * connector. A bad class or setting raises {@link ConnectorConfigException} with Connect's messages.
     */
    void putConnector(String name, Map<String, String> config);

    /** The connector's and its tasks' states. */
    ConnectorStatus status(String name);

    /** The state of the connector and its tasks, e.g. {@code RUNNING} or {@code FAILED: reason}. */
    default String state(String name) {
        return status(name).describe();
    }

    /** Waits until the connector and all its tasks run; says why at once when one of them failed. */
    default void awaitRunning(String name, Duration deadline) {
        ConnectorStatus settled;
        try {
            settled = Await.until(
                    deadline,
                    () -> {
                        ConnectorStatus status = status(name);
                        return status.failed() || status.running() ? Optional.of(status) : Optional.empty();
                    },
                    "Connector '" + name + "' is not running after " + deadline.toSeconds() + " s.");
        } catch (ClusterException notYet) {
            throw new ClusterException(notYet.getMessage() + " Its state: " + state(name) + ".", notYet);
        }
        if (settled.failed()) {
            throw new ClusterException("Connector '" + name + "' failed: " + settled.describe());
        }
    }

    void deleteConnector(String name);

    @Override
    void close();
}
