package dev.streamlab.cluster;

import java.util.List;

/**
 * One partition as the cluster sees it right now.
 *
 * @param leader the broker that actually leads the partition now, or {@link #NO_LEADER}
 * @param replicas the brokers that hold a copy; the first one is the preferred leader
 * @param isr the in-sync replicas
 * @param leaderEpoch grows by one each time leadership changes, or -1 when unknown
 * @param highWatermark the offset up to which records are replicated and visible to consumers
 * @param logEndOffset the offset the leader will give the next record
 */
public record PartitionState(
        String topic,
        int partition,
        int leader,
        List<Integer> replicas,
        List<Integer> isr,
        int leaderEpoch,
        long highWatermark,
        long logEndOffset) {

    public static final int NO_LEADER = -1;

    public PartitionState {
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
    }

    public boolean hasLeader() {
        return leader != NO_LEADER;
    }

    public int preferredLeader() {
        return replicas.isEmpty() ? NO_LEADER : replicas.get(0);
    }

    /** Replicas that have fallen out of the in-sync set. */
    public List<Integer> outOfSyncReplicas() {
        return replicas.stream().filter(r -> !isr.contains(r)).toList();
    }
}
