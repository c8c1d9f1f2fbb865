package dev.streamlab.cluster;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.BrokerServer;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One Kafka node (a broker or a controller) running inside this JVM, from Kafka's own server classes.
 *
 * <p>Why Kafka's server classes and not a test kit: {@code KafkaClusterTestKit} needs test jars that are
 * not published for our Kafka version. {@link KafkaRaftServer} is what {@code kafka-server-start.sh} runs,
 * so this is a real node; a restart is a new {@link KafkaRaftServer} with the same properties, on the same port.
 */
final class EmbeddedNode implements NodeDriver {

    private final int id;
    private final boolean broker;
    private final Properties properties;
    private final String clusterId;
    private final List<String> scramArguments;
    private volatile KafkaRaftServer server;
    private boolean retired;

    EmbeddedNode(int id, boolean broker, Map<String, String> settings, String clusterId, List<String> scramArguments) {
        this.scramArguments = List.copyOf(scramArguments);
        this.id = id;
        this.broker = broker;
        this.properties = new Properties();
        this.properties.putAll(settings);
        this.clusterId = clusterId;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public boolean isBroker() {
        return broker;
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    String logDir() {
        return properties.getProperty("log.dirs");
    }

    int port() {
        String listener = properties.getProperty("listeners");
        return Integer.parseInt(listener.substring(listener.lastIndexOf(':') + 1));
    }

    KafkaConfig config() {
        return KafkaConfig.fromProps(properties, false);
    }

    /** Prepares the node's storage, then starts it; returns once a broker is registered and unfenced. */
    @Override
    public void start() {
        format();
        restart();
    }

    private void format() {
        try {
            new Formatter()
                    .setNodeId(id)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(logDir()))
                    .setMetadataLogDirectory(logDir())
                    .setControllerListenerName(NodeOrchestrator.CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setScramArguments(scramArguments)
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .run();
        } catch (Exception e) {
            throw new ClusterException("Could not prepare storage for node " + id + ": " + e.getMessage(), e);
        }
    }

    /** Starts the node on its storage as it is: a new {@link KafkaRaftServer} with the same properties. */
    @Override
    public void restart() {
        try {
            startServer();
        } catch (ClusterException e) {
            throw e;
        } catch (RuntimeException e) {
            throw explain(e);
        }
    }

    private synchronized void startServer() {
        if (retired) {
            throw new ClusterException("The cluster is closed; node " + id + " will not start again.");
        }
        if (server != null) {
            return;
        }
        KafkaRaftServer s = new KafkaRaftServer(config(), Time.SYSTEM);
        server = s;
        s.startup();
    }

    private ClusterException explain(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("Address already in use")) {
                return Ports.inUse(port());
            }
        }
        return new ClusterException(
                (broker ? "Broker " + id + " " : "The controller ") + "did not start: " + e.getMessage(), e);
    }

    @Override
    public void stop() {
        stop(true);
    }

    @Override
    public void kill() {
        stop(false);
    }

    /**
     * Stops the node. With {@code gracefully}, a broker first asks the controller to move its leaderships
     * away (controlled shutdown); without it, the broker just goes silent, as if its machine died, and the
     * controller fences it when its session times out.
     */
    private synchronized void stop(boolean gracefully) {
        KafkaRaftServer s = server;
        if (s == null) {
            return;
        }
        if (gracefully && broker) {
            handOverLeadership(s);
        }
        s.shutdown();
        s.awaitShutdown();
        server = null;
    }

    /** Stops the node for good: once the cluster closes, a start still under way elsewhere must not revive it. */
    @Override
    public synchronized void remove() {
        retired = true;
        stop(false);
    }

    /**
     * Brokers run with {@code controlled.shutdown.enable=false}, so that a kill is a kill; for a graceful stop
     * we do what the broker would do itself with it enabled. Kafka keeps the broker private inside
     * {@link KafkaRaftServer}, hence the one reflective read.
     */
    private void handOverLeadership(KafkaRaftServer s) {
        try {
            Field field = KafkaRaftServer.class.getDeclaredField("broker");
            field.setAccessible(true);
            @SuppressWarnings("unchecked")
            scala.Option<BrokerServer> option = (scala.Option<BrokerServer>) field.get(s);
            if (option.isEmpty()) {
                return;
            }
            BrokerServer brokerServer = option.get();
            brokerServer.replicaManager().beginControlledShutdown();
            brokerServer.lifecycleManager().beginControlledShutdown();
            brokerServer.lifecycleManager().controlledShutdownFuture().get(30, TimeUnit.SECONDS);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "This Kafka version keeps its broker where streamlab does not expect it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The controller did not approve in time: the broker still stops, like Kafka's own shutdown does.
        }
    }
}
