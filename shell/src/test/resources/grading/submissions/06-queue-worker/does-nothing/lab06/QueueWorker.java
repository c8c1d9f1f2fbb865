package lab06;

import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ShareConsumer;
import org.apache.kafka.clients.producer.Producer;

/** Right settings, and a worker that waits without taking an order. */
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
            Thread.sleep(100);
        }
    }
}
