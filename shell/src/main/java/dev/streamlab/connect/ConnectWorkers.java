package dev.streamlab.connect;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.containers.ClusterNetwork;
import dev.streamlab.cluster.containers.ContainersCluster;
import dev.streamlab.learner.Kafka;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts a Connect worker where it belongs: in a container beside a containers cluster, in this JVM otherwise
 * (the embedded cluster, an external one). What a lesson calls: {@code var connect = ConnectWorkers.start();}.
 */
public final class ConnectWorkers {

    private ConnectWorkers() {}

    /**
     * A worker beside the cluster this notebook's Java session runs against. In a class it is the learner's own, in
     * this JVM, with the learner's credentials, and its connectors use the learner's names.
     */
    public static ConnectWorker start() {
        Optional<ClusterNetwork> containers = ClusterNetwork.fromSystemProperties();
        if (containers.isPresent()) {
            return ContainerConnectWorker.start(containers.get(), demoData());
        }
        return NamespacedConnectWorker.wrap(EmbeddedConnectWorker.start(Kafka.clientConfig()), Kafka.namespace());
    }

    /** A worker beside {@code cluster}. */
    public static ConnectWorker start(Cluster cluster) {
        if (cluster instanceof ContainersCluster containers) {
            return ContainerConnectWorker.start(containers.network(), demoData());
        }
        return NamespacedConnectWorker.wrap(EmbeddedConnectWorker.start(cluster), cluster.namespace());
    }

    private static Path demoData() {
        try {
            return Kafka.demoData("customer-events.jsonl").getParent();
        } catch (IllegalArgumentException noDemoData) {
            return null;
        }
    }
}
