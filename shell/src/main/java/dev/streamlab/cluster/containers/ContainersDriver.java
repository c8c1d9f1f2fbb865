package dev.streamlab.cluster.containers;

import com.github.dockerjava.api.DockerClient;
import dev.streamlab.cluster.ClusterDriver;
import dev.streamlab.cluster.ClusterListener;
import dev.streamlab.cluster.ClusterSecurity;
import dev.streamlab.cluster.NodeDriver;
import dev.streamlab.cluster.NodeOrchestrator;
import dev.streamlab.cluster.NodeSpec;
import dev.streamlab.cluster.Ports;
import dev.streamlab.cluster.policy.ClassLimits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.Uuid;
import org.testcontainers.containers.Network;

/**
 * Nodes of a {@link ContainersCluster}: one container each on a private network of the cluster's own. Clients reach a
 * broker on its pinned host port; brokers reach each other and the controller by name on the private network.
 * A secure cluster has SASL on every listener, as the embedded one ({@link ClusterSecurity}), and its controller
 * formats its storage with the admin's credential first ({@link AdminCredentialFormat}).
 */
final class ContainersDriver implements ClusterDriver {

    private static final int INTERNAL_PORT = 9093;
    private static final int CONTROLLER_PORT = 9094;
    private static final String CONTROLLER_LOG_DIR = "/tmp/kraft-controller-logs";
    /** Small heaps and a quick-starting JIT: a classroom laptop runs four of these beside an IDE. */
    private static final String BROKER_HEAP = "-Xmx320m -Xms320m";

    private static final String CONTROLLER_HEAP = "-Xmx192m -Xms192m";
    private static final String JVM_OPTIONS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true";
    /** A restarted broker may get another address on the private network; do not let others cache the old one long. */
    private static final String KAFKA_OPTS = "-Dsun.net.inetaddr.ttl=1";

    private final DockerClient docker;
    private final ContainerReaper reaper;
    private final String image;
    private final String clusterId;
    private final Ownership ownership;
    private final Network network;
    private final ClusterSecurity security;

    private ContainersDriver(
            DockerClient docker,
            ContainerReaper reaper,
            String image,
            String clusterId,
            Ownership ownership,
            Network network,
            ClusterSecurity security) {
        this.docker = docker;
        this.reaper = reaper;
        this.image = image;
        this.clusterId = clusterId;
        this.ownership = ownership;
        this.network = network;
        this.security = security;
    }

    /**
     * Reaps what a dead streamlab left, makes sure the image is here, and creates the cluster's network.
     * {@code security} null: plaintext listeners, no authorizer (the lessons' cluster).
     */
    static ContainersDriver open(String image, ClusterListener listener, ClusterSecurity security) {
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
                .createNetworkCmdModifier(
                        cmd -> cmd.withName("streamlab-" + shortId(clusterId)).withLabels(ownership.labels()))
                .build();
        return new ContainersDriver(docker, reaper, chosenImage, clusterId, ownership, network, security);
    }

    @Override
    public Optional<ClusterSecurity> security() {
        return Optional.ofNullable(security);
    }

    String image() {
        return image;
    }

    String clusterId() {
        return clusterId;
    }

    /** How a container of ours beside the brokers (a Connect worker) joins the cluster. */
    ClusterNetwork network(List<Integer> brokerIds) {
        String internal = String.join(
                ",", brokerIds.stream().map(ContainersDriver::internalAddress).toList());
        return new ClusterNetwork(image, network.getId(), internal, ownership.labels());
    }

    /** Where the other containers on the private network reach broker {@code id}. */
    private static String internalAddress(int id) {
        return alias(new NodeSpec(id, true, 0)) + ":" + INTERNAL_PORT;
    }

    private static String alias(NodeSpec node) {
        return (node.broker() ? "broker-" : "controller-") + node.id();
    }

    @Override
    public String controllerAddress() {
        return alias(new NodeSpec(NodeOrchestrator.CONTROLLER_ID, false, 0)) + ":" + CONTROLLER_PORT;
    }

    @Override
    public Map<String, String> addressSettings(NodeSpec node) {
        String controller = NodeOrchestrator.CONTROLLER_LISTENER;
        Map<String, String> p = new LinkedHashMap<>();
        String protocol = security == null ? "PLAINTEXT" : ClusterSecurity.SECURITY_PROTOCOL;
        if (!node.broker()) {
            p.put("listeners", controller + "://0.0.0.0:" + CONTROLLER_PORT);
            p.put("listener.security.protocol.map", controller + ":" + protocol);
            p.put("log.dirs", CONTROLLER_LOG_DIR);
            if (security != null) {
                p.putAll(security.nodeSettings());
                // The image holds Kafka's jars only, so streamlab's topic policies cannot run there; quotas and the
                // other limits are Kafka's own and do.
                ClassLimits.POLICY_SETTINGS.forEach(p::remove);
            }
            return p;
        }
        // The host-facing listener: PLAINTEXT for the lessons, SASL/SCRAM (named as the embedded cluster names it) when
        // secure.
        String client = security == null ? "PLAINTEXT" : ClusterSecurity.BROKER_LISTENER;
        p.put("listeners", client + "://0.0.0.0:" + KafkaNode.CLIENT_PORT + ",BROKER://0.0.0.0:" + INTERNAL_PORT);
        p.put(
                "advertised.listeners",
                client + "://" + Ports.LOOPBACK + ":" + node.hostPort() + ",BROKER://" + internalAddress(node.id()));
        p.put(
                "listener.security.protocol.map",
                client + ":" + protocol + ",BROKER:" + protocol + "," + controller + ":" + protocol);
        if (security == null) {
            p.put("inter.broker.listener.name", "BROKER");
        } else {
            p.putAll(security.brokerSettings("BROKER", List.of(client)));
            ClassLimits.POLICY_SETTINGS.forEach(p::remove);
        }
        p.put("log.dirs", "/tmp/kraft-broker-logs");
        return p;
    }

    @Override
    public NodeDriver create(NodeSpec node, Map<String, String> settings) {
        String alias = alias(node);
        Map<String, String> env = env(settings, node.broker() ? BROKER_HEAP : CONTROLLER_HEAP);
        List<String> command = List.of();
        if (security != null && !node.broker()) {
            env.putAll(AdminCredentialFormat.environment(settings, security));
            command = AdminCredentialFormat.COMMAND;
        }
        return KafkaNode.create(
                node.id(),
                node.broker(),
                node.hostPort(),
                image,
                network,
                alias,
                "streamlab-" + shortId(clusterId) + "-" + alias,
                env,
                command,
                ownership.labels(),
                docker);
    }

    private Map<String, String> env(Map<String, String> settings, String heap) {
        Map<String, String> env = new LinkedHashMap<>(ImageEnvironment.of(settings));
        env.put("CLUSTER_ID", clusterId);
        env.put("KAFKA_HEAP_OPTS", heap);
        env.put("KAFKA_JVM_PERFORMANCE_OPTS", JVM_OPTIONS);
        env.put("KAFKA_OPTS", KAFKA_OPTS);
        return env;
    }

    /** Whatever is left once the nodes are removed (a failed start) goes by the cluster's label. */
    @Override
    public void close() {
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

    @Override
    public String where() {
        return " in containers (" + image + ")";
    }

    @Override
    public String means(BrokerAction action) {
        return switch (action) {
            case STOP -> " (docker stop)";
            case KILL -> " (docker kill)";
            case RESTART -> " (docker start)";
        };
    }

    @Override
    public String closingStep() {
        return "Removing the cluster's containers";
    }

    @Override
    public String overloadHint() {
        return "The machine may be overloaded (close other programs), or Docker may be short of memory.";
    }

    private static String shortId(String clusterId) {
        return clusterId.replaceAll("[^A-Za-z0-9]", "").substring(0, 8).toLowerCase(Locale.ROOT);
    }
}
