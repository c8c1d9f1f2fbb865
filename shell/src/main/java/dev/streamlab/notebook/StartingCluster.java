package dev.streamlab.notebook;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.PartitionState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A cluster that is still starting: every call waits until it is up. It lets a lesson show its first
 * step, and run cells that need no cluster, during the seconds the brokers take to start.
 */
final class StartingCluster implements Cluster {

    private final CompletableFuture<Cluster> starting;

    StartingCluster(CompletableFuture<Cluster> starting) {
        this.starting = starting;
    }

    boolean isUp() {
        return starting.isDone() && !starting.isCompletedExceptionally();
    }

    private Cluster cluster() {
        try {
            return starting.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ClusterException c) {
                throw c;
            }
            throw new ClusterException(
                    "The cluster did not start: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public dev.streamlab.cluster.Namespace namespace() {
        return cluster().namespace();
    }

    @Override
    public String kind() {
        return cluster().kind();
    }

    @Override
    public String bootstrapServers() {
        return cluster().bootstrapServers();
    }

    @Override
    public Map<String, Object> clientConfig() {
        return cluster().clientConfig();
    }

    @Override
    public List<Integer> brokerIds() {
        return cluster().brokerIds();
    }

    @Override
    public boolean isRunning(int brokerId) {
        return cluster().isRunning(brokerId);
    }

    @Override
    public boolean canControlBrokers() {
        return cluster().canControlBrokers();
    }

    @Override
    public void stopBroker(int brokerId) {
        cluster().stopBroker(brokerId);
    }

    @Override
    public void killBroker(int brokerId) {
        cluster().killBroker(brokerId);
    }

    @Override
    public void restartBroker(int brokerId) {
        cluster().restartBroker(brokerId);
    }

    @Override
    public List<PartitionState> describeTopic(String topic) {
        return cluster().describeTopic(topic);
    }

    /** Closes the cluster now, or as soon as it has started. */
    @Override
    public void close() {
        starting.thenAccept(Cluster::close); // at once if it has started
    }
}
