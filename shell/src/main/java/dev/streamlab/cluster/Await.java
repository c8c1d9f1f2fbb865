package dev.streamlab.cluster;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waiting for the cluster to reach a state: ask again every 50 ms until the answer comes or the deadline passes. */
public final class Await {

    private static final long POLL_MILLIS = 50;

    private Await() {}

    /**
     * Returns the first present answer of {@code probe}, or throws a {@link ClusterException} with
     * {@code failure} once {@code deadline} has passed. A probe that throws counts as "not yet".
     */
    public static <T> T until(Duration deadline, Supplier<Optional<T>> probe, String failure) {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            try {
                Optional<T> answer = probe.get();
                if (answer.isPresent()) {
                    return answer.get();
                }
            } catch (RuntimeException notYet) {
                // e.g. a request that reached a broker that was just killed
            }
            if (System.nanoTime() >= end) {
                throw new ClusterException(failure);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterException("Interrupted while waiting.", e);
            }
        }
    }
}
