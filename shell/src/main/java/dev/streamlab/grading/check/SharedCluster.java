package dev.streamlab.grading.check;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.EmbeddedCluster;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real embedded Kafka cluster for all the checks of a class, started before the first and closed after the last.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SharedCluster KAFKA = SharedCluster.withBrokers(3);
 * }</pre>
 */
public final class SharedCluster implements BeforeAllCallback, AfterAllCallback {

    private final int brokers;
    private Cluster cluster;

    private SharedCluster(int brokers) {
        this.brokers = brokers;
    }

    public static SharedCluster withBrokers(int brokers) {
        return new SharedCluster(brokers);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = EmbeddedCluster.builder().brokers(brokers).start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    public Cluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException(
                    "The cluster is not running: register SharedCluster as a static @RegisterExtension field.");
        }
        return cluster;
    }

    /** Settings every client needs (bootstrap servers). */
    public Map<String, Object> clientConfig() {
        return cluster().clientConfig();
    }
}
