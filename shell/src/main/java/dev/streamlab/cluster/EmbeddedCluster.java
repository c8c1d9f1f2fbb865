package dev.streamlab.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Real Kafka brokers inside this JVM: one dedicated KRaft controller (node 0) and brokers 1..N,
 * all listening on 127.0.0.1. Only needs a JDK.
 *
 * <pre>{@code
 * try (Cluster cluster = EmbeddedCluster.builder().brokers(3).start()) {
 *     cluster.killBroker(2);
 * }
 * }</pre>
 */
public final class EmbeddedCluster implements Cluster {

    static final int CONTROLLER_ID = 0;
    private static final long MIN_HEAP_PER_BROKER_MB = 64;

    private final ScratchDirectory directory;
    /** The threads that format and start the nodes, while they do. */
    private volatile ExecutorService starting;
    private final EmbeddedNode controller;
    private final Map<Integer, EmbeddedNode> brokers;
    private final String bootstrapServers;
    private final ClusterListener listener;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::close, "streamlab-cluster-shutdown");

    private EmbeddedCluster(ScratchDirectory directory, EmbeddedNode controller, Map<Integer, EmbeddedNode> brokers,
                            List<Integer> ports, ClusterListener listener) {
        this.directory = directory;
        this.controller = controller;
        this.brokers = brokers;
        this.listener = listener;
        this.bootstrapServers = ports.stream().map(port -> Ports.LOOPBACK + ":" + port).collect(Collectors.joining(","));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for an embedded cluster; {@link #start()} returns once every broker is registered. */
    public static final class Builder {
        private int brokers = 3;
        private int basePort;
        private ClusterListener listener = ClusterListener.SILENT;

        public Builder brokers(int brokers) {
            this.brokers = brokers;
            return this;
        }

        /** Broker i listens on {@code basePort + i - 1}; 0 (the default) picks free ports. */
        public Builder basePort(int basePort) {
            this.basePort = basePort;
            return this;
        }

        public Builder listener(ClusterListener listener) {
            this.listener = listener;
            return this;
        }

        public EmbeddedCluster start() {
            checkBrokerCount(brokers);
            checkMemory(brokers);
            List<Integer> ports = brokerPorts();
            ScratchDirectory dir = ScratchDirectory.create();
            String clusterId = Uuid.randomUuid().toString();
            int controllerPort = Ports.free();
            String voters = CONTROLLER_ID + "@" + Ports.LOOPBACK + ":" + controllerPort;

            EmbeddedNode controller = new EmbeddedNode(CONTROLLER_ID, false,
                    controllerSettings(dir, brokers, controllerPort, voters));
            Map<Integer, EmbeddedNode> nodes = new LinkedHashMap<>();
            for (int id = 1; id <= brokers; id++) {
                nodes.put(id, new EmbeddedNode(id, true, brokerSettings(dir, brokers, id, ports.get(id - 1), voters)));
            }
            EmbeddedCluster cluster = new EmbeddedCluster(dir, controller, nodes, ports, listener);
            Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
            try {
                cluster.startNodes(clusterId);
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
    }

    static void checkBrokerCount(int brokers) {
        if (brokers < TeachingSettings.MIN_BROKERS || brokers > TeachingSettings.MAX_BROKERS) {
            throw new ClusterException("A cluster has between " + TeachingSettings.MIN_BROKERS + " and "
                    + TeachingSettings.MAX_BROKERS + " brokers; you asked for " + brokers + ".");
        }
    }

    private static void checkMemory(int brokers) {
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        long neededMb = MIN_HEAP_PER_BROKER_MB * (brokers + 1);
        if (maxMb < neededMb) {
            throw new ClusterException("Java may use only " + maxMb + " MB of memory, and " + brokers
                    + " embedded brokers need about " + neededMb + " MB. Give Java more (JAVA_OPTS=-Xmx1g) or start fewer brokers.");
        }
    }

    private static Map<String, String> controllerSettings(ScratchDirectory dir, int brokers, int port, String voters) {
        Map<String, String> p = new LinkedHashMap<>(TeachingSettings.controller(brokers));
        p.put("process.roles", "controller");
        p.put("node.id", String.valueOf(CONTROLLER_ID));
        p.put("controller.quorum.voters", voters);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listeners", "CONTROLLER://" + Ports.LOOPBACK + ":" + port);
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dir.resolve("controller-" + CONTROLLER_ID).toString());
        return p;
    }

    private static Map<String, String> brokerSettings(ScratchDirectory dir, int brokers, int id, int port, String voters) {
        Map<String, String> p = new LinkedHashMap<>(TeachingSettings.broker(brokers));
        p.put("process.roles", "broker");
        p.put("node.id", String.valueOf(id));
        p.put("controller.quorum.voters", voters);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port);
        p.put("advertised.listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        // A kill must be a kill; EmbeddedNode does the controlled shutdown itself for a graceful stop.
        p.put("controlled.shutdown.enable", "false");
        p.put("log.dirs", dir.resolve("broker-" + id).toString());
        return p;
    }

    private static void format(EmbeddedNode node, String clusterId) {
        try {
            new Formatter()
                    .setNodeId(node.id())
                    .setClusterId(clusterId)
                    .setDirectories(List.of(node.logDir()))
                    .setMetadataLogDirectory(node.logDir())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                    .run();
        } catch (Exception e) {
            throw new ClusterException("Could not prepare storage for node " + node.id() + ": " + e.getMessage(), e);
        }
    }

    /** All nodes format their storage and start at once: brokers wait for the controller by themselves. */
    private void startNodes(String clusterId) {
        listener.step("Starting the controller and brokers "
                + brokers.keySet().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        ExecutorService pool = Executors.newFixedThreadPool(brokers.size() + 1, r -> new Thread(r, "streamlab-node-start"));
        starting = pool;
        try {
            List<Future<?>> started = new ArrayList<>();
            List<EmbeddedNode> nodes = new ArrayList<>();
            nodes.add(controller);
            nodes.addAll(brokers.values());
            for (EmbeddedNode node : nodes) {
                started.add(pool.submit(() -> {
                    format(node, clusterId);
                    start(node);
                }));
            }
            for (Future<?> f : started) {
                await(f);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void start(EmbeddedNode node) {
        try {
            node.start();
        } catch (ClusterException e) {
            throw e;
        } catch (RuntimeException e) {
            throw explain(node, e);
        }
    }

    private static ClusterException explain(EmbeddedNode node, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Address already in use")) {
                return Ports.inUse(node.port());
            }
        }
        return new ClusterException((node.isBroker() ? "Broker " : "The controller ") + (node.isBroker() ? node.id() + " " : "")
                + "did not start: " + e.getMessage(), e);
    }

    private static void await(Future<?> f) {
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

    @Override
    public String kind() {
        return "embedded";
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
        listener.step("Stopping broker " + brokerId);
        broker(brokerId).stop(true);
    }

    @Override
    public void killBroker(int brokerId) {
        listener.step("Killing broker " + brokerId);
        broker(brokerId).stop(false);
    }

    @Override
    public void restartBroker(int brokerId) {
        EmbeddedNode broker = broker(brokerId);
        listener.step("Restarting broker " + brokerId);
        start(broker);
    }

    private EmbeddedNode broker(int brokerId) {
        checkOpen();
        EmbeddedNode broker = brokers.get(brokerId);
        if (broker == null) {
            throw new ClusterException("There is no broker " + brokerId + ". This cluster has brokers "
                    + brokers.keySet().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ".");
        }
        return broker;
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new ClusterException("This cluster is closed. Start a new one.");
        }
    }

    /** Stops brokers first, then the controller (brokers wait for a controller that is gone), then removes the files. */
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
        listener.step("Stopping the cluster");
        List<Thread> stoppers = new ArrayList<>();
        for (EmbeddedNode broker : brokers.values()) {
            Thread t = new Thread(broker::retire, "streamlab-broker-stop-" + broker.id());
            stoppers.add(t);
            t.start();
        }
        for (Thread t : stoppers) {
            joinQuietly(t);
        }
        controller.retire();
        awaitStartThreads();
        directory.delete();
    }

    /**
     * A close during start (Ctrl-C) runs beside the threads that format and start the nodes. With every node
     * retired they end; waiting for them means no file is written into the directory after it is removed.
     */
    private void awaitStartThreads() {
        ExecutorService pool = starting;
        if (pool == null) {
            return;
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
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
}
