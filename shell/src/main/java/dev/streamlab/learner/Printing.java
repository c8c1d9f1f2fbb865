package dev.streamlab.learner;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;

/** How {@link Kafka}'s helpers print records on the cell's output, one a line. */
final class Printing {

    private Printing() {}

    static void print(ConsumerRecords<?, ?> records) {
        if (records.isEmpty()) {
            System.out.println("(no records)");
        }
        for (ConsumerRecord<?, ?> record : records) {
            print(record);
        }
    }

    static void print(ConsumerRecord<?, ?> record) {
        String delivery = record.deliveryCount().map(n -> "  delivery " + n).orElse("");
        System.out.printf(
                "%s-%d  offset %-4d  key=%-10s  value=%s%s%n",
                record.topic(), record.partition(), record.offset(), record.key(), record.value(), delivery);
    }

    static void print(RecordMetadata metadata) {
        System.out.printf("%s-%d  offset %d%n", metadata.topic(), metadata.partition(), metadata.offset());
    }

    static int pollAndPrint(KafkaConsumer<?, ?> consumer, int seconds) {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ConsumerRecords<?, ?> records;
        do {
            records = consumer.poll(Duration.ofMillis(200));
        } while (records.isEmpty() && System.nanoTime() < deadline);
        print(records);
        return records.count();
    }

    static ConsumerRecords<String, String> pollAndPrint(KafkaShareConsumer<String, String> consumer, int seconds) {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ConsumerRecords<String, String> records;
        do {
            records = consumer.poll(Duration.ofMillis(200));
        } while (records.isEmpty() && System.nanoTime() < deadline);
        print(records);
        return records;
    }
}
