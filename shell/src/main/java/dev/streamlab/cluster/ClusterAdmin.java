package dev.streamlab.cluster;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The one Admin client a cluster keeps for its life, made when first asked for and closed with the cluster, so that
 * a caller who polls the cluster (every 50 ms, say) does not open a connection to every broker each time.
 */
final class ClusterAdmin implements AutoCloseable {

    private final Map<String, Object> clientConfig;
    private final long requestTimeoutMs;
    private final long apiTimeoutMs;
    private Admin admin;
    private PartitionInspector inspector;
    private boolean closed;

    /** Timeouts for a cluster of ours, on this machine. */
    ClusterAdmin(Map<String, Object> clientConfig) {
        this(clientConfig, 3_000, 10_000);
    }

    /** The timeouts apply where the cluster's own client settings name none (see {@link AdminSettings}). */
    ClusterAdmin(Map<String, Object> clientConfig, long requestTimeoutMs, long apiTimeoutMs) {
        this.clientConfig = clientConfig;
        this.requestTimeoutMs = requestTimeoutMs;
        this.apiTimeoutMs = apiTimeoutMs;
    }

    synchronized Admin admin() {
        if (closed) {
            throw new ClusterException("This cluster is closed. Start a new one.");
        }
        if (admin == null) {
            Map<String, Object> config = AdminSettings.withTimeouts(clientConfig, requestTimeoutMs, apiTimeoutMs);
            config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "streamlab-cluster");
            // A restarted broker is found again within 200 ms rather than Kafka's 1 s.
            config.putIfAbsent(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
            admin = Admin.create(config);
        }
        return admin;
    }

    synchronized PartitionInspector inspector() {
        if (inspector == null) {
            inspector = new PartitionInspector(admin());
        }
        return inspector;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
