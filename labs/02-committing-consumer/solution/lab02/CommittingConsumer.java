package lab02;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Lab 2, reference solution: commit the offset after the last handled record, never the poll position. */
public final class CommittingConsumer {

    private static final Duration IDLE = Duration.ofSeconds(5);

    private CommittingConsumer() {
    }

    public static Map<String, Object> settings() {
        return Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }

    public static int processSome(org.apache.kafka.clients.consumer.Consumer<String, String> consumer,
                                  Consumer<ConsumerRecord<String, String>> handler, int limit) {
        int handled = 0;
        long idleSince = System.nanoTime();
        while (handled < limit && System.nanoTime() - idleSince < IDLE.toNanos()) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (handled == limit) {
                    break;
                }
                handler.accept(record);
                handled++;
                // The committed offset is the next record to read: this one plus one.
                consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1)));
                idleSince = System.nanoTime();
            }
        }
        return handled;
    }
}
