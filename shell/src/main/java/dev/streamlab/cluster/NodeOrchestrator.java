package dev.streamlab.cluster;

import dev.streamlab.cluster.ClusterDriver.BrokerAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

/**
 * The part of a cluster of ours that is the same whatever runs its nodes: one dedicated KRaft controller (node 0) and
 * brokers 1..N, each broker reached on {@link Ports#LOOPBACK} (or the driver's {@link ListenAddress}) at a port of its
 * own for the cluster's life.
 * It checks the broker count, chooses the ports, writes each node's KRaft settings, starts the nodes together and
 * waits until the brokers are registered, finds a broker by id, and closes in order: brokers, then the controller,
 * then what the {@link ClusterDriver} holds, with a shutdown hook for a JVM that exits first.
 * One Admin client serves the cluster's whole life.
 *
 * <p>A {@link ClusterDriver} creates the nodes; each {@link NodeDriver} only starts, stops and kills its own.
 */
public abstract class NodeOrchestrator implements Cluster {

    public static final int CONTROLLER_ID = 0;
    public static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final Duration READY_DEADLINE = Duration.ofSeconds(120);
    static final Duration RESTART_DEADLINE = Duration.ofSeconds(60);

    private final ClusterDriver driver;
    private final ClusterListener listener;
    private final NodeDriver controller;
    private final Map<Integer, NodeDriver> brokers = new LinkedHashMap<>();
    private final String bootstrapServers;
    private final ClusterAdmin admin;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::close, "streamlab-cluster-shutdown");
    /** The threads that start the nodes, while they do. */
    private volatile ExecutorService starting;

    /**
     * Creates the nodes, none started yet; {@code basePort} 0 picks free ports. If this fails, the driver is closed.
     */
    protected NodeOrchestrator(ClusterDriver driver, int brokerCount, int basePort, ClusterListener listener) {
        this.driver = driver;
        this.listener = listener;
        try {
            checkBrokerCount(brokerCount);
            ListenAddress address = driver.listenAddress();
            List<Integer> ports = brokerPorts(brokerCount, basePort, address.bind());
            String voters = CONTROLLER_ID + "@" + driver.controllerAddress();
            NodeSpec controllerSpec = new NodeSpec(CONTROLLER_ID, false, 0);
            this.controller = driver.create(controllerSpec, settings(controllerSpec, brokerCount, voters));
            for (int id = 1; id <= brokerCount; id++) {
                NodeSpec spec = new NodeSpec(id, true, ports.get(id - 1));
                brokers.put(id, driver.create(spec, settings(spec, brokerCount, voters)));
            }
            this.bootstrapServers = ports.stream()
                    .map(port -> address.advertised() + ":" + port)
                    .collect(Collectors.joining(","));
            this.admin = new ClusterAdmin(clientConfig());
        } catch (RuntimeException e) {
            driver.close();
            throw e;
        }
    }

    public static void checkBrokerCount(int brokers) {
        if (brokers < TeachingSettings.MIN_BROKERS || brokers > TeachingSettings.MAX_BROKERS) {
            throw new ClusterException("A cluster has between " + TeachingSettings.MIN_BROKERS + " and "
                    + TeachingSettings.MAX_BROKERS + " brokers; you asked for " + brokers + ".");
        }
    }

    /** Broker i's port: {@code basePort + i - 1}, which must be free on {@code bind}, or any free port when {@code basePort} is 0. */
    static List<Integer> brokerPorts(int brokers, int basePort, String bind) {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < brokers; i++) {
            int port = basePort == 0 ? Ports.free(bind) : basePort + i;
            if (basePort != 0 && !Ports.isFree(bind, port)) {
                throw Ports.inUse(port);
            }
            ports.add(port);
        }
        return ports;
    }

    /** Teaching settings, the node's place in the KRaft quorum, and the driver's addresses, which may not change the rest. */
    private Map<String, String> settings(NodeSpec node, int brokerCount, String voters) {
        Map<String, String> p = new LinkedHashMap<>(
                node.broker() ? TeachingSettings.broker(brokerCount) : TeachingSettings.controller(brokerCount));
        p.put("process.roles", node.broker() ? "broker" : "controller");
        p.put("node.id", String.valueOf(node.id()));
        p.put("controller.quorum.voters", voters);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        driver.addressSettings(node).forEach((key, value) -> {
            if (p.putIfAbsent(key, value) != null) {
                throw new IllegalStateException("A cluster driver may not change " + key + " of node " + node.id());
            }
        });
        return p;
    }

    /**
     * Starts every node at once (brokers wait for the controller by themselves) and waits until the brokers are
     * registered. The shutdown hook is in place from here on; if the start fails, the cluster is closed.
     */
    protected final void start() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            listener.step("Starting the controller and brokers " + idList() + driver.where());
            startNodes();
            listener.step("Waiting for brokers " + idList() + " to register with the controller");
            awaitRegistered(Set.copyOf(brokers.keySet()), READY_DEADLINE);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startNodes() {
        List<NodeDriver> nodes = new ArrayList<>();
        nodes.add(controller);
        nodes.addAll(brokers.values());
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size(), r -> new Thread(r, "streamlab-node-start"));
        starting = pool;
        try {
            List<Future<?>> started = new ArrayList<>();
            for (NodeDriver node : nodes) {
                started.add(pool.submit(node::start));
            }
            for (Future<?> f : started) {
                awaitStart(f);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitStart(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while starting the cluster.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new ClusterException("The cluster did not start: " + e.getCause(), e.getCause());
        }
    }

    /** Waits until every one of {@code ids} is registered and unfenced, failing early when a node has stopped. */
    private void awaitRegistered(Set<Integer> ids, Duration deadline) {
        Optional<ClusterException> failure = Await.until(
                deadline,
                () -> {
                    Optional<ClusterException> stopped = stoppedNode(ids);
                    if (stopped.isPresent()) {
                        return Optional.of(stopped);
                    }
                    return registeredBrokers().containsAll(ids)
                            ? Optional.of(Optional.<ClusterException>empty())
                            : Optional.empty();
                },
                "Brokers " + ids + " did not register with the controller within " + deadline.toSeconds() + " s. "
                        + driver.overloadHint());
        if (failure.isPresent()) {
            throw failure.get();
        }
    }

    /** The brokers the controller has registered and unfenced, as the cluster's metadata lists them. */
    protected Set<Integer> registeredBrokers() {
        try {
            return admin
                    .admin()
                    .describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
                    .nodes()
                    .get(3, TimeUnit.SECONDS)
                    .stream()
                    .map(Node::id)
                    .collect(Collectors.toSet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while waiting for the brokers.", e);
        } catch (ExecutionException | TimeoutException e) {
            return Set.of();
        }
    }

    /** The first of the controller and these brokers that is no longer running, as an explanation. */
    private Optional<ClusterException> stoppedNode(Set<Integer> ids) {
        List<NodeDriver> watched = new ArrayList<>();
        watched.add(controller);
        ids.forEach(id -> watched.add(brokers.get(id)));
        for (NodeDriver node : watched) {
            if (!node.isRunning()) {
                String name = node.describe();
                return Optional.of(new ClusterException(Character.toUpperCase(name.charAt(0)) + name.substring(1)
                        + " stopped while starting. Its last log lines:\n" + node.lastLogLines(12)));
            }
        }
        return Optional.empty();
    }

    private String idList() {
        return brokers.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    @Override
    public final String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public final Map<String, Object> clientConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        driver.security().ifPresent(s -> config.putAll(s.adminClientConfig()));
        config.putAll(driver.tlsClientConfig());
        return Map.copyOf(config);
    }

    /** The admin's credentials when this cluster runs with SASL/SCRAM and ACLs ({@code cluster up --secure}). */
    @Override
    public final Optional<ClusterSecurity> security() {
        return driver.security();
    }

    @Override
    public final List<Integer> brokerIds() {
        return List.copyOf(brokers.keySet());
    }

    @Override
    public final boolean isRunning(int brokerId) {
        return broker(brokerId).isRunning();
    }

    @Override
    public final void stopBroker(int brokerId) {
        NodeDriver broker = broker(brokerId);
        listener.step("Stopping broker " + brokerId + driver.means(BrokerAction.STOP));
        broker.stop();
    }

    @Override
    public final void killBroker(int brokerId) {
        NodeDriver broker = broker(brokerId);
        listener.step("Killing broker " + brokerId + driver.means(BrokerAction.KILL));
        broker.kill();
    }

    @Override
    public final void restartBroker(int brokerId) {
        NodeDriver broker = broker(brokerId);
        listener.step("Restarting broker " + brokerId + driver.means(BrokerAction.RESTART));
        broker.restart();
        awaitRegistered(Set.of(brokerId), RESTART_DEADLINE);
    }

    /** Through the Admin client the cluster keeps, not a new one per call: callers poll this. */
    @Override
    public final List<PartitionState> describeTopic(String topic) {
        checkOpen();
        return admin.inspector().describe(topic);
    }

    private NodeDriver broker(int brokerId) {
        checkOpen();
        NodeDriver broker = brokers.get(brokerId);
        if (broker == null) {
            throw new ClusterException(
                    "There is no broker " + brokerId + ". This cluster has brokers " + idList() + ".");
        }
        return broker;
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new ClusterException("This cluster is closed. Start a new one.");
        }
    }

    /**
     * Removes the brokers (together), then the controller (brokers wait for a controller that is gone), then what the
     * driver holds. Every node is removed even if another fails to; the first failure is thrown at the end.
     */
    @Override
    public final void close() {
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
        listener.step(driver.closingStep());
        List<RuntimeException> failures = new ArrayList<>();
        admin.close();
        List<Thread> removers = new ArrayList<>();
        for (NodeDriver broker : brokers.values()) {
            Thread t = new Thread(() -> remove(broker, failures), "streamlab-remove-node-" + broker.id());
            removers.add(t);
            t.start();
        }
        removers.forEach(NodeOrchestrator::joinQuietly);
        remove(controller, failures);
        awaitStartThreads();
        try {
            driver.close();
        } catch (RuntimeException e) {
            failures.add(e);
        }
        if (!failures.isEmpty()) {
            ClusterException e = new ClusterException(
                    "The cluster did not close cleanly: " + failures.get(0).getMessage(), failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }

    private static void remove(NodeDriver node, List<RuntimeException> failures) {
        try {
            node.remove();
        } catch (RuntimeException e) {
            synchronized (failures) {
                failures.add(e);
            }
        }
    }

    /**
     * A close during start (Ctrl-C) runs beside the threads that start the nodes. With every node removed they end;
     * waiting for them means nothing is created after the driver has cleaned up.
     */
    private void awaitStartThreads() {
        ExecutorService pool = starting;
        if (pool == null) {
            return;
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The hook that closes the cluster if the JVM exits first; for tests. */
    final Thread shutdownHook() {
        return shutdownHook;
    }
}
