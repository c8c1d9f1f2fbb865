package lab06.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.streamlab.grading.check.Hint;
import dev.streamlab.grading.check.LearnerCode;
import dev.streamlab.grading.check.Points;
import dev.streamlab.grading.check.SharedCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Checks you can run yourself: {@code ./streamlab grade 06 --visible-only}. One worker (your code, in a JVM of its own)
 * takes orders from a real one-broker cluster; the checks count the results on the results topic and what the broker
 * saw acknowledged.
 */
class QueueWorkerChecks {

    @RegisterExtension
    static final SharedCluster KAFKA = SharedCluster.withBrokers(1);

    @RegisterExtension
    static final LearnerCode WORKER = new LearnerCode();

    @Test
    @DisplayName("each order gets one result, keyed by its id, and is accepted after it")
    @Points(2)
    @Hint("Acknowledge each order ACCEPT after its result is sent, then commit (commitSync). Take no more orders at a time than"
            + " you finish while they are locked to you (5 s): max.poll.records=10 with share.acquire.mode=record_limit.")
    void oneResultPerOrder(Random random) throws Exception {
        // More work than one lock lasts (over 6 s of it): a worker that takes every order at once has not reached the
        // last ones when their lock expires.
        try (OrderQueue queue = new OrderQueue(KAFKA, random, 60 + random.nextInt(10), 0, 0)) {
            run(queue, 100);
            assertTrue(queue.missing().isEmpty(), "Orders without a result when the workers stopped making progress: " + OrderQueue.first(queue.missing()));
            assertTrue(queue.wrong().isEmpty(), "Results that are not their order's work: " + OrderQueue.first(queue.wrong()));
            assertTrue(queue.twice().isEmpty(), "Orders worked more than once, though no worker crashed: " + queue.twiceText()
                    + ". An order comes back when its lock expires before you acknowledge it, or when you release it.");
            assertEquals(queue.size(), queue.acknowledged().getOrDefault("Accept", 0L),
                    "Orders the broker saw accepted, of " + queue.size() + " (" + queue.acknowledged() + ")");
            queue.assertGroupFinished();
        }
    }

    @Test
    @DisplayName("an order whose work fails for now is released, and its next delivery succeeds")
    @Points(2)
    @Hint("Catch Work.TryAgainLater and acknowledge the order RELEASE: it comes back at once with deliveryCount() 2.")
    void transientFailureIsReleased(Random random) throws Exception {
        try (OrderQueue queue = new OrderQueue(KAFKA, random, 12 + random.nextInt(8), 2 + random.nextInt(3), 0)) {
            run(queue, 40);
            List<String> lost = queue.flaky.stream().filter(queue.missing()::contains).toList();
            assertTrue(lost.isEmpty(), "Orders whose payment failed once have no result: " + lost + ". Release them; do not accept or"
                    + " reject an order whose work failed for now.");
            assertTrue(queue.missing().isEmpty(), "Orders without a result: " + OrderQueue.first(queue.missing()));
            assertTrue(queue.wrong().isEmpty(), "Results that are not their order's work: " + OrderQueue.first(queue.wrong()));
            assertTrue(queue.twice().isEmpty(), "Orders worked more than once, though no worker crashed: " + queue.twiceText());
            long released = queue.acknowledged().getOrDefault("Release", 0L);
            assertTrue(released >= queue.flaky.size(), "The broker saw " + released + " orders released, and " + queue.flaky.size()
                    + " failed for now: a failed order waited for its lock to expire instead of coming back at once.");
        }
    }

    @Test
    @DisplayName("a poison order is rejected at once: no result, never delivered again")
    @Points(2)
    @Hint("Catch Work.PoisonOrder and acknowledge the order REJECT: Kafka archives it. Releasing it only delivers it again"
            + " until the delivery limit.")
    void poisonIsRejected(Random random) throws Exception {
        try (OrderQueue queue = new OrderQueue(KAFKA, random, 12 + random.nextInt(8), 0, 1 + random.nextInt(2))) {
            run(queue, 40);
            assertTrue(queue.missing().isEmpty(), "Orders without a result: " + OrderQueue.first(queue.missing()));
            assertTrue(queue.wrong().isEmpty(), "Results that are not their order's work (a poison order has none): "
                    + OrderQueue.first(queue.wrong()));
            Map<String, Long> acknowledged = queue.acknowledged();
            assertEquals(queue.poison.size(), acknowledged.getOrDefault("Reject", 0L), "Orders the broker saw rejected, with "
                    + queue.poison.size() + " poison (" + acknowledged + ")");
            assertEquals(0L, acknowledged.getOrDefault("Release", 0L), "Orders the broker saw released: none failed for now");
            queue.assertGroupFinished();
        }
    }

    @Test
    @DisplayName("results are written by an idempotent producer: a retried send writes no duplicate")
    @Points(1)
    @Hint("enable.idempotence=true (with acks=all) numbers each record, so the broker drops a retried duplicate.")
    void idempotentResults(Random random) throws Exception {
        try (OrderQueue queue = new OrderQueue(KAFKA, random, 5, 0, 0)) {
            run(queue, 20);
            assertTrue(queue.missing().isEmpty(), "Orders without a result: " + OrderQueue.first(queue.missing()));
            TopicPartition p0 = new TopicPartition(queue.results, 0);
            try (Admin admin = Admin.create(KAFKA.clientConfig())) {
                List<ProducerState> producers = admin.describeProducers(List.of(p0)).partitionResult(p0).get().activeProducers();
                assertFalse(producers.isEmpty(), "The broker saw no idempotent producer write the results: with these settings a"
                        + " retried send can write a result twice.");
            }
            assertEquals(queue.size(), queue.acknowledged().getOrDefault("Accept", 0L),
                    "Orders the broker saw accepted, of " + queue.size() + " (" + queue.acknowledged() + ")");
        }
    }

    /** One worker takes the queue's orders until every order is done in Kafka, or the deadline; then it is stopped. */
    private static void run(OrderQueue queue, long workMillis) {
        queue.start(WORKER, workMillis);
        try {
            queue.awaitDone(List.of(WORKER), Duration.ofSeconds(30));
        } finally {
            WORKER.call("stop", Map.of());
        }
        queue.allResults();
    }
}
