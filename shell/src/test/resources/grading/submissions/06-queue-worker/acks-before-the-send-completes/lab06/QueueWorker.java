package lab06;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ShareConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Right in every way the visible checks can see, but it acknowledges an order as soon as its result is handed to the
 * producer, not when the broker has it; the producer waits up to a second to fill a batch (linger.ms). Nothing is lost
 * while nothing crashes, since closing the producer sends what it holds. A worker killed holds up to a second of results
 * whose orders Kafka has been told are done: they are lost.
 */
public final class QueueWorker {

    public static Map<String, Object> consumerSettings() {
        return Map.of("share.acknowledgement.mode", "explicit", "max.poll.records", 10, "share.acquire.mode", "record_limit");
    }

    public static Map<String, Object> producerSettings() {
        return Map.of("acks", "all", "enable.idempotence", true, "linger.ms", 1000);
    }

    public static void run(ShareConsumer<String, String> orders, Producer<String, String> results, String resultsTopic,
                           Work work, BooleanSupplier running) throws Exception {
        while (running.getAsBoolean()) {
            for (ConsumerRecord<String, String> order : orders.poll(Duration.ofMillis(100))) {
                AcknowledgeType outcome;
                try {
                    results.send(new ProducerRecord<>(resultsTopic, order.key(), work.process(order)));
                    outcome = AcknowledgeType.ACCEPT;
                } catch (Work.TryAgainLater e) {
                    outcome = AcknowledgeType.RELEASE;
                } catch (Work.PoisonOrder e) {
                    outcome = AcknowledgeType.REJECT;
                }
                orders.acknowledge(order, outcome);
                orders.commitSync();
            }
        }
    }
}
