package dev.streamlab.cluster.containers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import com.github.dockerjava.api.DockerClient;
import dev.streamlab.cluster.AdminSettings;
import dev.streamlab.cluster.Await;
import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.ClusterListener;
import dev.streamlab.cluster.Ports;
import dev.streamlab.cluster.TeachingSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.testcontainers.containers.Network;

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
 */
public final class ContainersCluster implements Cluster {

    static final int CONTROLLER_ID = 0;
    private static final int INTERNAL_PORT = 9093;
    private static final int CONTROLLER_PORT = 9094;
    private static final Duration READY_DEADLINE = Duration.ofSeconds(120);
    private static final Duration RESTART_DEADLINE = Duration.ofSeconds(60);
    /** Small heaps and a quick-starting JIT: a classroom laptop runs four of these beside an IDE. */
    private static final String BROKER_HEAP = "-Xmx320m -Xms320m";
    private static final String CONTROLLER_HEAP = "-Xmx192m -Xms192m";
    private static final String JVM_OPTIONS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true";
    /** A restarted broker may get another address on the private network; do not let others cache the old one long. */
    private static final String KAFKA_OPTS = "-Dsun.net.inetaddr.ttl=1";

    private final String clusterId;
    private final String image;
    private final Network network;
    private final KafkaNode controller;
    private final Map<Integer, KafkaNode> brokers;
    private final ContainerReaper reaper;
    private final Ownership ownership;
    private final ClusterListener listener;
    private final String bootstrapServers;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::close, "streamlab-containers-shutdown");

    private ContainersCluster(String clusterId, String image, Network network, KafkaNode controller,
                              Map<Integer, KafkaNode> brokers, ContainerReaper reaper, Ownership ownership,
                              ClusterListener listener) {
        this.clusterId = clusterId;
        this.ownership = ownership;
        this.image = image;
        this.network = network;
        this.controller = controller;
        this.brokers = brokers;
        this.reaper = reaper;
        this.listener = listener;
        this.bootstrapServers = brokers.values().stream()
                .map(b -> Ports.LOOPBACK + ":" + b.hostPort()).collect(Collectors.joining(","));
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

        public ContainersCluster start() {
            checkBrokerCount(brokers);
            DockerClient docker = DockerEngine.client();
            ContainerReaper reaper = new ContainerReaper(docker);
            List<String> reaped = reaper.reapLeftovers();
            if (!reaped.isEmpty()) {
                listener.step("Removed " + reaped.size() + " containers left by a streamlab that did not stop cleanly");
            }
            String chosenImage = image == null ? KafkaImage.preferred(docker) : image;
            KafkaImage.ensurePresent(docker, chosenImage, listener);

            String clusterId = Uuid.randomUuid().toString();
            Ownership ownership = Ownership.ofThisProcess(clusterId);
            Network network = Network.builder()
                    .createNetworkCmdModifier(cmd -> cmd.withName("streamlab-" + shortId(clusterId))
                            .withLabels(ownership.labels()))
                    .build();
            List<Integer> ports = brokerPorts();
            String voters = CONTROLLER_ID + "@controller-" + CONTROLLER_ID + ":" + CONTROLLER_PORT;

            KafkaNode controller = KafkaNode.create(CONTROLLER_ID, false, 0, chosenImage, network,
                    "controller-" + CONTROLLER_ID, containerName(clusterId, "controller-" + CONTROLLER_ID),
                    controllerEnv(clusterId, voters), ownership.labels(), docker);
            Map<Integer, KafkaNode> nodes = new LinkedHashMap<>();
            for (int id = 1; id <= brokers; id++) {
                nodes.put(id, KafkaNode.create(id, true, ports.get(id - 1), chosenImage, network, "broker-" + id,
                        containerName(clusterId, "broker-" + id), brokerEnv(clusterId, id, ports.get(id - 1), voters),
                        ownership.labels(), docker));
            }
            ContainersCluster cluster = new ContainersCluster(clusterId, chosenImage, network, controller, nodes, reaper, ownership, listener);
            Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
            try {
                cluster.startNodes();
                return cluster;
            } catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
        }

        private List<Integer> brokerPorts() {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < brokers; i++) {
                int port = basePort == 0 ? Ports.free() : basePort + i;
                if (basePort != 0 && !Ports.isFree(port)) {
                    throw Ports.inUse(port);
                }
                ports.add(port);
            }
            return ports;
        }

        private Map<String, String> controllerEnv(String clusterId, String voters) {
            Map<String, String> p = new LinkedHashMap<>(TeachingSettings.controller(brokers));
            p.put("process.roles", "controller");
            p.put("node.id", String.valueOf(CONTROLLER_ID));
            p.put("controller.quorum.voters", voters);
            p.put("controller.listener.names", "CONTROLLER");
            p.put("listeners", "CONTROLLER://0.0.0.0:" + CONTROLLER_PORT);
            p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT");
            p.put("log.dirs", "/tmp/kraft-controller-logs");
            return env(clusterId, p, CONTROLLER_HEAP);
        }

        /** Clients reach a broker on its pinned host port; brokers reach each other by name on the private network. */
        private Map<String, String> brokerEnv(String clusterId, int id, int hostPort, String voters) {
            Map<String, String> p = new LinkedHashMap<>(TeachingSettings.broker(brokers));
            p.put("process.roles", "broker");
            p.put("node.id", String.valueOf(id));
            p.put("controller.quorum.voters", voters);
            p.put("controller.listener.names", "CONTROLLER");
            p.put("listeners", "PLAINTEXT://0.0.0.0:" + KafkaNode.CLIENT_PORT + ",BROKER://0.0.0.0:" + INTERNAL_PORT);
            p.put("advertised.listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + hostPort + ",BROKER://" + internalAddress(id));
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.put("inter.broker.listener.name", "BROKER");
            p.put("log.dirs", "/tmp/kraft-broker-logs");
            return env(clusterId, p, BROKER_HEAP);
        }

        private static Map<String, String> env(String clusterId, Map<String, String> properties, String heap) {
            Map<String, String> env = new LinkedHashMap<>(ImageEnvironment.of(properties));
            env.put("CLUSTER_ID", clusterId);
            env.put("KAFKA_HEAP_OPTS", heap);
            env.put("KAFKA_JVM_PERFORMANCE_OPTS", JVM_OPTIONS);
            env.put("KAFKA_OPTS", KAFKA_OPTS);
            return env;
        }
    }

    static void checkBrokerCount(int brokers) {
        if (brokers < TeachingSettings.MIN_BROKERS || brokers > TeachingSettings.MAX_BROKERS) {
            throw new ClusterException("A cluster has between " + TeachingSettings.MIN_BROKERS + " and "
                    + TeachingSettings.MAX_BROKERS + " brokers; you asked for " + brokers + ".");
        }
    }

    private static String shortId(String clusterId) {
        return clusterId.replaceAll("[^A-Za-z0-9]", "").substring(0, 8).toLowerCase(java.util.Locale.ROOT);
    }

    private static String containerName(String clusterId, String node) {
        return "streamlab-" + shortId(clusterId) + "-" + node;
    }

    /** All containers start at once (brokers wait for the controller by themselves), then we wait for Kafka. */
    private void startNodes() {
        listener.step("Starting the controller and brokers " + idList() + " in containers (" + image + ")");
        List<KafkaNode> all = new ArrayList<>();
        all.add(controller);
        all.addAll(brokers.values());
        ExecutorService pool = Executors.newFixedThreadPool(all.size(), r -> new Thread(r, "streamlab-container-start"));
        try {
            CompletableFuture.allOf(all.stream().map(node -> CompletableFuture.runAsync(node::start, pool))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new ClusterException("The containers did not start: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        listener.step("Waiting for brokers " + idList() + " to register with the controller");
        awaitBrokers(Set.copyOf(brokers.keySet()), READY_DEADLINE);
    }

    /** Waits until every one of {@code ids} is registered and unfenced, failing early when a container has stopped. */
    private void awaitBrokers(Set<Integer> ids, Duration deadline) {
        Optional<ClusterException> failure;
        try (Admin admin = Admin.create(readinessConfig())) {
            failure = Await.until(deadline, () -> {
                Optional<ClusterException> stopped = stoppedNode(ids);
                if (stopped.isPresent()) {
                    return Optional.of(stopped);
                }
                Set<Integer> registered = registeredBrokers(admin);
                return registered.containsAll(ids) ? Optional.of(Optional.<ClusterException>empty()) : Optional.empty();
            }, "Brokers " + ids + " did not register with the controller within " + deadline.toSeconds()
                    + " s. The machine may be overloaded (close other programs), or Docker may be short of memory.");
        }
        if (failure.isPresent()) {
            throw failure.get();
        }
    }

    /** The brokers the controller has registered and unfenced, as the cluster's metadata lists them. */
    private static Set<Integer> registeredBrokers(Admin admin) {
        try {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes()
                    .get(3, TimeUnit.SECONDS).stream().map(Node::id).collect(Collectors.toSet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while waiting for the brokers.", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return Set.of();
        }
    }

    /** The first of the controller and these brokers whose container is no longer running, as an explanation. */
    private Optional<ClusterException> stoppedNode(Set<Integer> ids) {
        List<KafkaNode> watched = new ArrayList<>();
        watched.add(controller);
        ids.forEach(id -> watched.add(brokers.get(id)));
        for (KafkaNode node : watched) {
            if (!node.isRunning()) {
                return Optional.of(new ClusterException(capitalized(node.describe()) + " stopped while starting."
                        + " Its last log lines:\n" + node.lastLogLines(12)));
            }
        }
        return Optional.empty();
    }

    private Map<String, Object> readinessConfig() {
        Map<String, Object> config = AdminSettings.withTimeouts(clientConfig(), 2_000, 3_000);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "streamlab-readiness");
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        return config;
    }

    private String idList() {
        return brokers.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    public String kind() {
        return "containers";
    }

    /** The id that labels the cluster's containers and network (and is Kafka's cluster id). */
    String clusterId() {
        return clusterId;
    }

    /** The image the nodes run. */
    public String image() {
        return image;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public Map<String, Object> clientConfig() {
        return Map.of("bootstrap.servers", bootstrapServers);
    }

    @Override
    public List<Integer> brokerIds() {
        return List.copyOf(brokers.keySet());
    }

    @Override
    public boolean isRunning(int brokerId) {
        return broker(brokerId).isRunning();
    }

    @Override
    public void stopBroker(int brokerId) {
        KafkaNode broker = broker(brokerId);
        listener.step("Stopping broker " + brokerId + " (docker stop)");
        broker.stop();
    }

    @Override
    public void killBroker(int brokerId) {
        KafkaNode broker = broker(brokerId);
        listener.step("Killing broker " + brokerId + " (docker kill)");
        broker.kill();
    }

    @Override
    public void restartBroker(int brokerId) {
        KafkaNode broker = broker(brokerId);
        listener.step("Restarting broker " + brokerId + " (docker start)");
        broker.restart();
        awaitBrokers(Set.of(brokerId), RESTART_DEADLINE);
    }

    private KafkaNode broker(int brokerId) {
        if (closed.get()) {
            throw new ClusterException("This cluster is closed. Start a new one.");
        }
        KafkaNode broker = brokers.get(brokerId);
        if (broker == null) {
            throw new ClusterException("There is no broker " + brokerId + ". This cluster has brokers " + idList() + ".");
        }
        return broker;
    }

    /** Where the other containers on the private network reach broker {@code id}. */
    private static String internalAddress(int id) {
        return "broker-" + id + ":" + INTERNAL_PORT;
    }

    /** How a container of ours beside the brokers (a Connect worker) joins this cluster. */
    @Override
    public Map<String, String> childProperties() {
        return network().toProperties();
    }

    public ClusterNetwork network() {
        String internal = brokers.keySet().stream().map(ContainersCluster::internalAddress).collect(Collectors.joining(","));
        return new ClusterNetwork(image, network.getId(), internal, ownership.labels());
    }

    /** Removes every container and the network; whatever is left (a failed start) goes by the cluster's label. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The JVM is exiting; the hook is running or about to.
            }
        }
        listener.step("Removing the cluster's containers");
        List<Thread> removers = new ArrayList<>();
        List<KafkaNode> all = new ArrayList<>(brokers.values());
        all.add(controller);
        for (KafkaNode node : all) {
            Thread t = new Thread(node::remove, "streamlab-remove-node-" + node.id());
            removers.add(t);
            t.start();
        }
        for (Thread t : removers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            network.close();
        } catch (RuntimeException e) {
            // Removed below by label.
        }
        try {
            reaper.removeCluster(clusterId);
        } catch (RuntimeException e) {
            // The engine went away; the next start reaps what is left.
        }
    }
}
