package dev.streamlab.doctor;

import dev.streamlab.drill.FailoverReport;
import java.time.Duration;

/** Everything {@code streamlab doctor} found out. */
public record ReadinessReport(
        EnvironmentFacts environment,
        String clusterKind,
        int brokers,
        Duration timeToReadyCluster,
        FailoverReport failover) {

    /** Ready only when a full JDK is there and the drill lost nothing. */
    public boolean ready() {
        return environment.fullJdk() && failover.nothingLost();
    }
}
