package dev.streamlab.cluster.containers;

import dev.streamlab.cluster.ClusterListener;
import dev.streamlab.cluster.ClusterSecurity;
import dev.streamlab.cluster.NodeOrchestrator;
import java.util.Map;

/**
 * Real Kafka brokers in Docker containers: one dedicated KRaft controller (node 0) and brokers 1..N on a private
 * network, each broker reachable from this machine on {@code 127.0.0.1} at a pinned port. Runs
 * {@code apache/kafka} or the image {@code streamlab image build} makes; both read the same environment variables.
 *
 * <pre>{@code
 * try (Cluster cluster = ContainersCluster.builder().brokers(3).start()) {
 *     cluster.killBroker(2);   // docker kill
 * }
 * }</pre>
 *
 * <p>{@link NodeOrchestrator} runs the cluster; {@link ContainersDriver} and {@link KafkaNode} run its nodes.
 */
public final class ContainersCluster extends NodeOrchestrator {

    private final ContainersDriver driver;

    private ContainersCluster(ContainersDriver driver, int brokers, int basePort, ClusterListener listener) {
        super(driver, brokers, basePort, listener);
        this.driver = driver;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for a containers cluster; {@link #start()} returns once every broker is registered and unfenced. */
    public static final class Builder {
        private int brokers = 3;
        private int basePort;
        private String image;
        private ClusterListener listener = ClusterListener.SILENT;
        private ClusterSecurity security;

        public Builder brokers(int brokers) {
            this.brokers = brokers;
            return this;
        }

        /** Broker i is reached at {@code 127.0.0.1:basePort + i - 1}; 0 (the default) picks free ports. */
        public Builder basePort(int basePort) {
            this.basePort = basePort;
            return this;
        }

        /** The image to run; by default {@code apache/kafka} of our Kafka version, or the local one if only it is here. */
        public Builder image(String image) {
            this.image = image;
            return this;
        }

        public Builder listener(ClusterListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * A secure cluster, as the embedded one's {@code secure}: SASL/SCRAM on the brokers' listeners, Kafka's
         * {@code StandardAuthorizer}, and this admin as the only super user. Containers beside the brokers (a Connect
         * worker) cannot join it: they have no credentials.
         */
        public Builder secure(ClusterSecurity security) {
            this.security = security;
            return this;
        }

        public ContainersCluster start() {
            checkBrokerCount(brokers);
            ContainersCluster cluster = new ContainersCluster(
                    ContainersDriver.open(image, listener, security), brokers, basePort, listener);
            cluster.start();
            return cluster;
        }
    }

    @Override
    public String kind() {
        return "containers";
    }

    /** The id that labels the cluster's containers and network (and is Kafka's cluster id). */
    String clusterId() {
        return driver.clusterId();
    }

    /** The image the nodes run. */
    public String image() {
        return driver.image();
    }

    /** How a container of ours beside the brokers (a Connect worker) joins this cluster. */
    @Override
    public Map<String, String> childProperties() {
        return network().toProperties();
    }

    public ClusterNetwork network() {
        return driver.network(brokerIds());
    }
}
