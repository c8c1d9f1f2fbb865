package dev.streamlab.cluster;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;

/**
 * A cluster someone else runs: a shared classroom cluster, a cloud cluster. streamlab only connects to it, with the
 * client settings of a {@code --command-config} file (security, credentials) if there is one. Its brokers cannot be
 * stopped, killed or restarted from here.
 */
public final class ExternalCluster implements Cluster {

    private static final long CONNECT_TIMEOUT_SECONDS = 15;
    private static final java.util.List<String> STREAMLAB_KEYS = java.util.List.of(
            "cluster", "bootstrap.server", "class.learner", "class.prefix", "image", "command.config");

    private final String bootstrapServers;
    private final Map<String, Object> clientConfig;
    private final ClusterAdmin admin;
    private final Namespace namespace;

    private ExternalCluster(String bootstrapServers, Map<String, Object> clientConfig, Namespace namespace) {
        this.namespace = namespace;
        this.bootstrapServers = bootstrapServers;
        this.clientConfig = Map.copyOf(clientConfig);
        this.admin = new ClusterAdmin(this.clientConfig, 10_000, TimeUnit.SECONDS.toMillis(CONNECT_TIMEOUT_SECONDS));
    }

    /** Connects and checks that the cluster answers; {@code commandConfig} may be null. */
    public static ExternalCluster connect(String bootstrapServers, Path commandConfig, ClusterListener listener) {
        return connect(bootstrapServers, commandConfig, listener, Namespace.NONE);
    }

    /** As a learner of a class: the names they use live in {@code namespace}. */
    public static ExternalCluster connect(
            String bootstrapServers, Path commandConfig, ClusterListener listener, Namespace namespace) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new ClusterException("--cluster external needs the address of the cluster:"
                    + " --bootstrap-server HOST:PORT (or STREAMLAB_BOOTSTRAP_SERVER).");
        }
        Map<String, Object> config = new HashMap<>();
        if (commandConfig != null) {
            config.putAll(readClientProperties(commandConfig));
        }
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        listener.step("Connecting to the external cluster at " + bootstrapServers);
        ExternalCluster cluster = new ExternalCluster(bootstrapServers, config, namespace);
        try {
            if (cluster.liveBrokers().isEmpty()) {
                throw new ClusterException(
                        "The cluster at " + bootstrapServers + " lists no brokers. Check the address.");
            }
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    public static Map<String, Object> readClientProperties(Path file) {
        if (!Files.isReadable(file)) {
            throw new ClusterException(
                    "Cannot read the client settings file " + file + ". Check the path given to --command-config.");
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new ClusterException(
                    "Cannot read the client settings file " + file + ": " + e.getMessage()
                            + ". It must be a Kafka client properties file (key=value lines).",
                    e);
        }
        Map<String, Object> config = new HashMap<>();
        properties.forEach((k, v) -> config.put(String.valueOf(k), String.valueOf(v)));
        // A class's join file is also a client settings file; its own keys are streamlab's, not Kafka's.
        STREAMLAB_KEYS.forEach(config::remove);
        return config;
    }

    private List<Integer> liveBrokers() {
        try {
            return admin.admin().describeCluster().nodes().get(2 * CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                    .map(Node::id)
                    .sorted()
                    .toList();
        } catch (ClusterException e) {
            throw e;
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ClusterException(
                    "No Kafka cluster answers at " + bootstrapServers + " (" + cause.getMessage()
                            + "). Check the address and the settings in --command-config, or use --cluster embedded.",
                    cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while connecting to " + bootstrapServers + ".", e);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new ClusterException(
                    "Cannot connect to " + bootstrapServers + ": " + root.getMessage()
                            + " Check the address and the settings in --command-config.",
                    e);
        }
    }

    @Override
    public String kind() {
        return "external";
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public Map<String, Object> clientConfig() {
        return clientConfig;
    }

    @Override
    public List<Integer> brokerIds() {
        return liveBrokers();
    }

    @Override
    public boolean isRunning(int brokerId) {
        return liveBrokers().contains(brokerId);
    }

    @Override
    public Namespace namespace() {
        return namespace;
    }

    @Override
    public boolean canControlBrokers() {
        return false;
    }

    @Override
    public void stopBroker(int brokerId) {
        throw cannot("stopped", brokerId);
    }

    @Override
    public void killBroker(int brokerId) {
        throw cannot("killed", brokerId);
    }

    @Override
    public void restartBroker(int brokerId) {
        throw cannot("restarted", brokerId);
    }

    private ClusterException cannot(String what, int brokerId) {
        return new ClusterException("Broker " + brokerId + " cannot be " + what + " from here: the cluster at "
                + bootstrapServers + " is an external one, and streamlab does not control its machines."
                + " Steps that break brokers need --cluster embedded or --cluster containers.");
    }

    /** Through the Admin client this cluster keeps, not a new one per call: callers poll this. */
    @Override
    public List<PartitionState> describeTopic(String topic) {
        return admin.inspector().describe(topic);
    }

    /** Closes our Admin client; the cluster itself is not ours to stop. */
    @Override
    public void close() {
        admin.close();
    }
}
