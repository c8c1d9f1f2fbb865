package dev.streamlab.grading;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Run by {@link ProcessLimitsTest} under process limits: a Kafka producer starts, sends (to no broker: it gives up after
 * half a second) and closes, so the client's classes and threads are all there.
 */
public final class KafkaClientProbe {

    private KafkaClientProbe() {}

    public static void main(String[] args) {
        Map<String, Object> config = Map.of(
                "bootstrap.servers",
                "127.0.0.1:1",
                "max.block.ms",
                500,
                "key.serializer",
                StringSerializer.class,
                "value.serializer",
                StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>("t", "k", "v"), (metadata, e) -> {});
        } catch (RuntimeException expected) {
            // No broker: the send times out.
        }
        System.out.println("the client ran");
    }
}
