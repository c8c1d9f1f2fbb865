package dev.streamlab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.EmbeddedCluster;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** While the cluster starts, cells run; a cell that needs Kafka waits for it, and a failed start is named. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StartingClusterIT {

    @Test
    void cellsRunWhileTheClusterStartsAndKafkaCellsWaitForIt() {
        CompletableFuture<Cluster> starting = new CompletableFuture<>();
        try (Notebook notebook = new Notebook(starting, Notebook.newJavaSession())) {
            assertThat(notebook.clusterIsUp()).isFalse();
            assertThat(notebook.runTyped("6 * 7").output()).contains("==> 42");

            CompletableFuture.runAsync(
                    () -> starting.complete(EmbeddedCluster.builder().brokers(1).start()));
            CellResult waited = notebook.runTyped("bootstrapServers()");

            assertThat(waited.passed()).as(waited.output()).isTrue();
            assertThat(waited.output()).contains("127.0.0.1:");
            assertThat(notebook.runTyped("/brokers").output()).contains("Broker 1 is up");
            assertThat(notebook.clusterIsUp()).isTrue();
        } finally {
            starting.thenAccept(Cluster::close);
        }
    }

    @Test
    void aClusterThatCannotStartIsNamedInTheCell() {
        CompletableFuture<Cluster> starting = new CompletableFuture<>();
        try (Notebook notebook = new Notebook(starting, Notebook.newJavaSession())) {
            starting.completeExceptionally(new ClusterException("Port 9092 is in use."));
            CellResult java = notebook.runTyped("bootstrapServers()");
            assertThat(java.passed()).isFalse();
            assertThat(java.output()).contains("The cluster did not start: Port 9092 is in use.");
            assertThat(notebook.runTyped("/brokers").output()).contains("Port 9092 is in use.");
        }
    }
}
