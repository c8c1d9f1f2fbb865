package dev.streamlab.drill;

import java.time.Duration;

/**
 * What a failover drill saw.
 *
 * @param killedBroker the broker that led partition 0 and was killed
 * @param newLeader the broker that took over partition 0
 * @param timeToNewLeader from the kill until the cluster named a new leader for partition 0
 * @param acknowledged records the cluster acknowledged with {@code acks=all}
 * @param read distinct acknowledged records read back afterwards
 * @param lost acknowledged records that could not be read back (must be 0)
 */
public record FailoverReport(
        int killedBroker, int newLeader, Duration timeToNewLeader, long acknowledged, long read, long lost) {

    public boolean nothingLost() {
        return lost == 0 && acknowledged > 0;
    }
}
