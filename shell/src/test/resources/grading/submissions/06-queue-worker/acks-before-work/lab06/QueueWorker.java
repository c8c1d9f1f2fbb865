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
 * Says each order is done before doing it: accepts it and commits that, then does the work and writes the result.
 * Without a crash every good order gets its result; a worker killed in the middle of the work has told Kafka the order is
 * done, and it is never delivered again. An order whose work fails is accepted already: it can be neither released nor
 * rejected.
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
                orders.acknowledge(order, AcknowledgeType.ACCEPT);
                orders.commitSync();
                try {
                    results.send(new ProducerRecord<>(resultsTopic, order.key(), work.process(order))).get();
                } catch (Work.TryAgainLater | Work.PoisonOrder e) {
                    // Accepted already: nothing more to do.
                }
            }
        }
    }
}
