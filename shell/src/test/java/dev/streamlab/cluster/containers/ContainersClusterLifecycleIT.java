package dev.streamlab.cluster.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.streamlab.cli.Main;
import dev.streamlab.cluster.ClusterException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Nothing is left behind: not after close(), not after Ctrl-C, and not after kill -9 (the next start reaps it). */
@Testcontainers(disabledWithoutDocker = true)
class ContainersClusterLifecycleIT {

    private final DockerClient docker = DockerClientFactory.instance().client();
    private final List<String> childErr = new CopyOnWriteArrayList<>();
    private Process child;

    @AfterEach
    void noChildLeft() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void closeRemovesEveryContainerAndTheNetwork() {
        ContainersCluster cluster =
                ContainersCluster.builder().brokers(1).image(TestImage.name()).start();
        String id = cluster.clusterId();
        assertThat(containersOfCluster(id)).hasSize(2);

        cluster.close();

        assertThat(containersOfCluster(id)).isEmpty();
        assertThat(docker.listNetworksCmd()
                        .withFilter("label", List.of(Ownership.CLUSTER + "=" + id))
                        .exec())
                .isEmpty();
    }

    @Test
    void ctrlCInClusterUpRemovesTheContainers() throws Exception {
        startClusterUp();
        long pid = child.pid();
        assertThat(containersOwnedBy(pid)).hasSize(2);

        new ProcessBuilder("kill", "-INT", String.valueOf(pid)).start().waitFor();

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(containersOwnedBy(pid)).isEmpty();
    }

    @Test
    void whatAKilledJvmLeftIsReapedWhenTheNextClusterStarts() throws Exception {
        startClusterUp();
        long pid = child.pid();

        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(containersOwnedBy(pid)).as("left behind by the killed JVM").hasSize(2);

        List<String> steps = new CopyOnWriteArrayList<>();
        try (ContainersCluster next = ContainersCluster.builder()
                .brokers(1)
                .image(TestImage.name())
                .listener(steps::add)
                .start()) {
            assertThat(containersOwnedBy(pid)).isEmpty();
            assertThat(steps).contains("Removed 2 containers left by a streamlab that did not stop cleanly");
            assertThat(containersOfCluster(next.clusterId())).hasSize(2);
        }
    }

    @Test
    void anImageThatIsNeitherHereNorPullableSaysHowToGetOne() {
        assertThatThrownBy(() -> ContainersCluster.builder()
                        .brokers(1)
                        .image("streamlab/no-such-image:0.0.1")
                        .start())
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("Image streamlab/no-such-image:0.0.1 is not on this machine and cannot be pulled")
                .hasMessageContaining("'streamlab image build'")
                .hasMessageContaining("--cluster embedded");
    }

    private void startClusterUp() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "cluster",
                "up",
                "--cluster",
                "containers",
                "--brokers",
                "1",
                "--image",
                TestImage.name()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("NO_COLOR", "1");
        child = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(childErr::add);
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(120))
                .until(() -> childErr.stream().anyMatch(l -> l.contains("Press Ctrl-C to stop.")) || !child.isAlive());
        assertThat(child.isAlive())
                .as("cluster up is running; it said: %s", childErr)
                .isTrue();
    }

    private List<Container> containersOfCluster(String clusterId) {
        return docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(Ownership.CLUSTER, clusterId))
                .exec();
    }

    private List<Container> containersOwnedBy(long pid) {
        return docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(Ownership.OWNER_PID, String.valueOf(pid)))
                .exec();
    }
}
