package dev.streamlab.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.cluster.containers.ContainerReaper;
import dev.streamlab.cluster.containers.ContainersCluster;
import dev.streamlab.cluster.containers.DockerEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/** A real Connect worker in a container, from the cluster's own image, beside a real containers cluster. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerConnectWorkerIT extends ConnectWorkerContract {

    @BeforeAll
    static void start() {
        String image = System.getenv().getOrDefault("STREAMLAB_IMAGE", "");
        ContainersCluster.Builder builder = ContainersCluster.builder().brokers(1);
        cluster = (image.isBlank() ? builder : builder.image(image)).start();
        worker = ConnectWorkers.start(cluster);
    }

    @Test
    void theWorkerRunsInAContainerOfTheClusterAndGoesWithIt() {
        assertThat(worker).isInstanceOf(ContainerConnectWorker.class);
        ContainerReaper reaper = new ContainerReaper(DockerEngine.client());
        String clusterLabel = ((ContainersCluster) cluster).network().labels().get("dev.streamlab.cluster");
        long ours = reaper.ourContainers().stream()
                .filter(c -> clusterLabel.equals(c.getLabels().get("dev.streamlab.cluster")))
                .filter(c -> java.util.Arrays.asList(c.getCommand().split(" "))
                        .contains("org.apache.kafka.connect.cli.ConnectStandalone"))
                .count();
        assertThat(ours).isEqualTo(1);
        assertThat(worker.restUrl()).matches("https://127\\.0\\.0\\.1:\\d+");
    }
}
