package dev.streamlab.cluster;

import java.util.List;
import java.util.Map;

/**
 * A real Kafka cluster that lessons, demos and labs run against.
 *
 * <p>Implementations: {@link EmbeddedCluster} (brokers inside this JVM),
 * {@link dev.streamlab.cluster.containers.ContainersCluster} (brokers in Docker containers) and
 * {@link ExternalCluster} (someone else's cluster; its brokers cannot be stopped from here).
 * {@link dev.streamlab.cluster.selection.ClusterSelection} picks one. Callers only see this interface, so a lesson behaves the same on each.
 * Nothing here prints: progress goes to a {@link ClusterListener}.
 */
public interface Cluster extends AutoCloseable {

    /** A short name for the kind of cluster: {@code embedded}, {@code containers} or {@code external}. */
    String kind();

    /** The {@code host:port,...} list that clients use to connect. */
    String bootstrapServers();

    /** Client settings every producer, consumer and admin client needs (bootstrap servers, security). */
    Map<String, Object> clientConfig();

    /** The ids of the cluster's brokers, running or not, in ascending order. */
    List<Integer> brokerIds();

    /** Whether the broker with this id is up (not stopped or killed by us). */
    boolean isRunning(int brokerId);

    /**
     * System properties a JVM of ours that runs beside this cluster needs to reach all of it (a containers cluster's
     * Docker network, for a Connect worker in a container of the learner's); none for most clusters.
     */
    default java.util.Map<String, String> childProperties() {
        return java.util.Map.of();
    }

    /**
     * The admin's credentials of a secure cluster streamlab started (SASL/SCRAM listeners, Kafka's
     * {@code StandardAuthorizer}); empty for a plaintext cluster and for one someone else runs.
     */
    default java.util.Optional<ClusterSecurity> security() {
        return java.util.Optional.empty();
    }

    /**
     * The learner's namespace when this cluster is a class's (names the learner says, such as {@code orders}, live
     * under their prefix, {@code ana.orders}); {@link Namespace#NONE} otherwise.
     */
    default Namespace namespace() {
        return Namespace.NONE;
    }

    /** Whether this cluster lets us stop, kill and restart brokers (an external one does not). */
    default boolean canControlBrokers() {
        return true;
    }

    /** Stops a broker gracefully: it hands its leaderships over before it goes (controlled shutdown). */
    void stopBroker(int brokerId);

    /** Stops a broker abruptly, as if its machine died: the controller only notices when its session expires. */
    void killBroker(int brokerId);

    /** Starts a stopped or killed broker again, on the same address, so clients reconnect by themselves. */
    void restartBroker(int brokerId);

    /** The current state of every partition of a topic: actual leader, replicas, ISR, epochs and offsets. */
    default List<PartitionState> describeTopic(String topic) {
        try (PartitionInspector inspector = new PartitionInspector(clientConfig())) {
            return inspector.describe(topic);
        }
    }

    /** Stops every broker and controller and removes everything the cluster created. */
    @Override
    void close();
}
