package lab02;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Wrong on purpose: commitSync() commits the position after poll, including records never handled. */
public final class CommittingConsumer {

    private CommittingConsumer() {
    }

    public static Map<String, Object> settings() {
        return Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }

    public static int processSome(org.apache.kafka.clients.consumer.Consumer<String, String> consumer,
                                  Consumer<ConsumerRecord<String, String>> handler, int limit) {
        int handled = 0;
        long idleSince = System.nanoTime();
        while (handled < limit && System.nanoTime() - idleSince < Duration.ofSeconds(5).toNanos()) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (handled == limit) {
                    break;
                }
                handler.accept(record);
                handled++;
                idleSince = System.nanoTime();
            }
            consumer.commitSync();
        }
        return handled;
    }
}
