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
 * Says each order is done before doing it: rejects an order it cannot read, accepts the others and commits that, then
 * does the work and writes the result. Without a crash every readable order gets its result; a worker killed in the
 * middle of the work has told Kafka the order is done, and it is never delivered again.
 */
public final class QueueWorker {

    public static Map<String, Object> consumerSettings() {
        return Map.of("share.acknowledgement.mode", "explicit", "max.poll.records", 10, "share.acquire.mode", "record_limit");
    }

    public static Map<String, Object> producerSettings() {
        return Map.of("acks", "all", "enable.idempotence", true);
    }

    public static void run(ShareConsumer<String, String> orders, Producer<String, String> results, String resultsTopic,
                           Work work, BooleanSupplier running) throws Exception {
        while (running.getAsBoolean()) {
            for (ConsumerRecord<String, String> order : orders.poll(Duration.ofMillis(100))) {
                boolean readable = order.value().matches(".*qty=\\d+;price=\\d+.*");
                orders.acknowledge(order, readable ? AcknowledgeType.ACCEPT : AcknowledgeType.REJECT);
                orders.commitSync();
                if (readable) {
                    try {
                        results.send(new ProducerRecord<>(resultsTopic, order.key(), work.process(order))).get();
                    } catch (Work.TryAgainLater | Work.PoisonOrder e) {
                        // Accepted already: nothing more to do.
                    }
                }
            }
        }
    }
}
