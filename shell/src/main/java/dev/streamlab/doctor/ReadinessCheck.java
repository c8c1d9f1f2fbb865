package dev.streamlab.doctor;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.ClusterListener;
import dev.streamlab.drill.FailoverDrill;
import dev.streamlab.drill.FailoverReport;
import java.time.Duration;

/**
 * The workshop's "is my laptop ready?" check: start a cluster, then run the failover drill on it.
 */
public final class ReadinessCheck {

    /** Starts a cluster; the check owns and closes it. */
    @FunctionalInterface
    public interface ClusterStarter {
        Cluster start(ClusterListener listener);
    }

    private static final int RECORDS_PER_BATCH = 1_000;

    private final ClusterStarter starter;
    private final ClusterListener listener;

    public ReadinessCheck(ClusterStarter starter, ClusterListener listener) {
        this.starter = starter;
        this.listener = listener;
    }

    public ReadinessReport run() {
        EnvironmentFacts environment = EnvironmentFacts.gather();
        long start = System.nanoTime();
        try (Cluster cluster = starter.start(listener)) {
            Duration ready = Duration.ofNanos(System.nanoTime() - start);
            listener.step("Cluster ready after " + String.format("%.1f", ready.toMillis() / 1000.0) + " s");
            FailoverReport failover = new FailoverDrill(cluster, listener, RECORDS_PER_BATCH).run();
            return new ReadinessReport(
                    environment, cluster.kind(), cluster.brokerIds().size(), ready, failover);
        }
    }
}
