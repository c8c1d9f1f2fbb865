package lab06.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import dev.streamlab.cluster.Await;
import dev.streamlab.cluster.ClusterException;
import dev.streamlab.grading.check.Hint;
import dev.streamlab.grading.check.LearnerCode;
import dev.streamlab.grading.check.Points;
import dev.streamlab.grading.check.SharedCluster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;

/**
 * The proof: three workers, each your code in a JVM of its own, share one queue of orders; two are killed while they
 * work (no shutdown, no finally: the process is gone) and one of them is started again. Then the checks count, in Kafka,
 * what became of every order.
 */
class WorkerCrashChecks {

    @RegisterExtension
    static final SharedCluster KAFKA = SharedCluster.withBrokers(1);

    @RegisterExtension
    static final LearnerCode FIRST = new LearnerCode();
    @RegisterExtension
    static final LearnerCode SECOND = new LearnerCode();
    @RegisterExtension
    static final LearnerCode THIRD = new LearnerCode();

    /** At most this many orders may be in a killed worker's hands (the README's max.poll.records). */
    private static final int HELD = 10;

    @Test
    @DisplayName("three workers, two killed while they work: no order lost, poison rejected, none worked twice but those in flight")
    @Points(5)
    @Hint("Acknowledge an order only after its result is written (send(...).get(), then acknowledge, then commitSync): an"
            + " order acknowledged before its work is lost when the worker dies. Hold at most 10 orders at a time.")
    void nothingLostWhenWorkersDie(Random random) throws Exception {
        List<LearnerCode> workers = List.of(FIRST, SECOND, THIRD);
        try (OrderQueue queue = new OrderQueue(KAFKA, random, 70 + random.nextInt(20), 4 + random.nextInt(3), 2 + random.nextInt(2))) {
            // Each JVM is up before any takes an order, so all three share the work from the start.
            workers.forEach(OrderQueue::assertStillWorking);
            workers.forEach(w -> queue.start(w, 40));
            int total = queue.expected.size();
            killWhenDone(queue, FIRST, total / 5 + random.nextInt(total / 5));
            killWhenDone(queue, SECOND, total / 2 + random.nextInt(total / 5));
            queue.start(FIRST, 40);
            try {
                queue.awaitDone(List.of(FIRST, THIRD), OrderQueue.LOCK.multipliedBy(3).plusSeconds(20));
            } finally {
                workers.forEach(LearnerCode::kill);
            }
            queue.allResults();
            assertTrue(queue.missing().isEmpty(), "Orders lost when workers were killed (no result, and never delivered again): "
                    + OrderQueue.first(queue.missing()) + ". An order acknowledged before its result is written (the work done and the"
                    + " send completed) is gone when the worker dies.");
            assertTrue(queue.wrong().isEmpty(), "Results that are not their order's work (a poison order has none): "
                    + OrderQueue.first(queue.wrong()));
            Map<String, Long> acknowledged = queue.acknowledged();
            assertEquals(queue.poison.size(), acknowledged.getOrDefault("Reject", 0L), "Orders the broker saw rejected, with "
                    + queue.poison.size() + " poison (" + acknowledged + ")");
            int twice = queue.twice().values().stream().mapToInt(n -> n - 1).sum();
            assertTrue(twice <= 2 * HELD, "Orders worked again: " + twice + " (" + queue.twiceText() + "), more than the two killed"
                    + " workers can have held (" + HELD + " each). Orders come back when their lock expires before you acknowledge them.");
            queue.assertGroupFinished();
        }
    }

    /**
     * Kills a worker as soon as the broker has seen {@code done} orders accepted: the workers are then in the middle of
     * their work. The broker's count, not the results: a worker whose results lag behind its acknowledgements (the very
     * mistake this check looks for) would otherwise have finished everything before its results showed.
     */
    private static void killWhenDone(OrderQueue queue, LearnerCode worker, int done) {
        try {
            Await.until(OrderQueue.STALL, () -> {
                OrderQueue.assertStillWorking(worker);
                return queue.acknowledged().getOrDefault("Accept", 0L) >= done ? Optional.of(true) : Optional.empty();
            }, "too slow");
        } catch (ClusterException tooSlow) {
            throw new AssertionFailedError("Fewer than " + done + " of " + queue.expected.size() + " orders were accepted after "
                    + OrderQueue.STALL.toSeconds() + " s with three workers: they take no orders, or hold them without working.");
        }
        worker.kill();
    }
}
