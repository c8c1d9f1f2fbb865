package lab06;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ShareConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Lab 6, reference solution: acknowledge an order only after its result is written; release or reject a failure. */
public final class QueueWorker {

    private QueueWorker() {
    }

    public static Map<String, Object> consumerSettings() {
        return Map.of(
                "share.acknowledgement.mode", "explicit", // the worker says when each record is done, and how
                "max.poll.records", 10,                    // no more orders at a time than one worker finishes...
                "share.acquire.mode", "record_limit");     // ...while they are locked to it: the broker hands out no more
    }

    public static Map<String, Object> producerSettings() {
        return Map.of("acks", "all", "enable.idempotence", true); // a retried send never writes a result twice
    }

    public static void run(ShareConsumer<String, String> orders, Producer<String, String> results, String resultsTopic,
                           Work work, BooleanSupplier running) throws Exception {
        while (running.getAsBoolean()) {
            for (ConsumerRecord<String, String> order : orders.poll(Duration.ofMillis(100))) {
                orders.acknowledge(order, outcome(order, results, resultsTopic, work));
                // Each order's acknowledgement goes to the broker at once: a crash now repeats none of them.
                orders.commitSync();
            }
        }
    }

    private static AcknowledgeType outcome(ConsumerRecord<String, String> order, Producer<String, String> results,
                                           String resultsTopic, Work work) throws InterruptedException {
        try {
            String result = work.process(order);
            // Keyed by the order's id, and written before the order is accepted: a crash before the acknowledgement
            // brings the order back, and doing it again writes the same result under the same key.
            results.send(new ProducerRecord<>(resultsTopic, order.key(), result)).get();
            return AcknowledgeType.ACCEPT;
        } catch (Work.TryAgainLater | ExecutionException e) {
            return AcknowledgeType.RELEASE; // another delivery, soon, perhaps to another worker
        } catch (Work.PoisonOrder e) {
            return AcknowledgeType.REJECT; // never again: Kafka archives it
        }
    }
}
