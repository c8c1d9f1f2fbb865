package dev.streamlab.cluster.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports.Binding;
import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.NodeDriver;
import dev.streamlab.cluster.Ports;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * One Kafka node (the controller or a broker) in its own container.
 *
 * <p>Testcontainers creates and removes the container. Stop, kill and restart go to the Docker client directly,
 * because Testcontainers' {@code stop()} removes the container, and a new container would lose the broker's
 * data. A broker's host port is pinned, so it keeps its advertised address across restarts.
 */
final class KafkaNode implements NodeDriver {

    /** The port a broker's host-facing listener uses inside its container. */
    static final int CLIENT_PORT = 9092;

    private static final int STOP_TIMEOUT_SECONDS = 30;

    private final int id;
    private final boolean broker;
    private final int hostPort;
    private final GenericContainer<?> container;
    private final DockerClient docker;

    private KafkaNode(int id, boolean broker, int hostPort, GenericContainer<?> container, DockerClient docker) {
        this.id = id;
        this.broker = broker;
        this.hostPort = hostPort;
        this.container = container;
        this.docker = docker;
    }

    /**
     * A node not yet started. {@code hostPort} is 0 for the controller, which clients never reach; {@code command}
     * empty runs the image's own.
     */
    @SuppressWarnings("resource")
    static KafkaNode create(
            int id,
            boolean broker,
            int hostPort,
            String image,
            Network network,
            String alias,
            String containerName,
            Map<String, String> env,
            List<String> command,
            Map<String, String> labels,
            DockerClient docker) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image));
        if (!command.isEmpty()) {
            container.withCommand(command.toArray(String[]::new));
        }
        container
                .withNetwork(network)
                .withNetworkAliases(alias)
                .withEnv(env)
                .withLabels(labels)
                // Readiness is asked of Kafka itself (NodeOrchestrator), the same way for every image.
                .waitingFor(new NoWait())
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withName(containerName).withHostName(alias);
                    if (hostPort > 0) {
                        cmd.withExposedPorts(ExposedPort.tcp(CLIENT_PORT));
                        cmd.getHostConfig()
                                .withPortBindings(new PortBinding(
                                        Binding.bindIpAndPort(Ports.LOOPBACK, hostPort), ExposedPort.tcp(CLIENT_PORT)));
                    }
                });
        return new KafkaNode(id, broker, hostPort, container, docker);
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public boolean isBroker() {
        return broker;
    }

    /** Creates and starts the container; returns once it runs (Kafka inside is not ready yet). */
    @Override
    public void start() {
        try {
            container.start();
        } catch (RuntimeException e) {
            throw DockerEngine.explain("start " + describe(), e);
        }
    }

    /** {@code docker stop}: SIGTERM, so Kafka shuts down in order (a broker hands its leaderships over first). */
    @Override
    public void stop() {
        try {
            docker.stopContainerCmd(container.getContainerId())
                    .withTimeout(STOP_TIMEOUT_SECONDS)
                    .exec();
        } catch (RuntimeException e) {
            throw DockerEngine.explain("stop " + describe(), e);
        }
    }

    /** {@code docker kill}: SIGKILL, as if the machine died. */
    @Override
    public void kill() {
        try {
            docker.killContainerCmd(container.getContainerId()).exec();
        } catch (RuntimeException e) {
            throw DockerEngine.explain("kill " + describe(), e);
        }
    }

    /** {@code docker start} of the same container: same data, same pinned port, same network alias. */
    @Override
    public void restart() {
        if (hostPort > 0 && !Ports.isFree(hostPort)) {
            throw new ClusterException("Broker " + id + " cannot come back on port " + hostPort
                    + ": another program took that port while the broker was down. Stop that program and try again.");
        }
        try {
            docker.startContainerCmd(container.getContainerId()).exec();
        } catch (RuntimeException e) {
            throw DockerEngine.explain("restart " + describe(), e);
        }
    }

    @Override
    public boolean isRunning() {
        String containerId = container.getContainerId();
        if (containerId == null) {
            return false;
        }
        try {
            InspectContainerResponse.ContainerState state =
                    docker.inspectContainerCmd(containerId).exec().getState();
            return Boolean.TRUE.equals(state.getRunning());
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** The last lines Kafka wrote, to explain a node that did not start. */
    @Override
    public String lastLogLines(int lines) {
        try {
            List<String> all = container.getLogs().lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Kills and removes the container. */
    @Override
    public void remove() {
        try {
            container.stop();
        } catch (RuntimeException e) {
            // Already gone; the reaper removes anything left by cluster label.
        }
    }

    /** Testcontainers waits for nothing; {@link dev.streamlab.cluster.NodeOrchestrator} asks Kafka when the node is ready. */
    private static final class NoWait extends AbstractWaitStrategy {
        @Override
        protected void waitUntilReady() {}
    }
}
