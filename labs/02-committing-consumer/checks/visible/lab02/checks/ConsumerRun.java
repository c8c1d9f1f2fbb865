package lab02.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import lab02.CommittingConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Helpers: a topic with numbered records, and one "run" of the learner's consumer (start, process, close). */
final class ConsumerRun {

    private ConsumerRun() {
    }

    static void createTopicWith(Map<String, Object> client, String topic, int records) throws Exception {
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(client, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "record-" + i));
            }
            producer.flush();
        }
    }

    /** Starts a consumer in the group with the learner's settings, lets it process up to {@code limit}, closes it. */
    static List<String> run(Map<String, Object> client, String topic, String group, int limit,
                            Consumer<ConsumerRecord<String, String>> extra) {
        Map<String, Object> config = new HashMap<>(CommittingConsumer.settings());
        config.putAll(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        List<String> handled = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            try {
                CommittingConsumer.processSome(consumer, r -> {
                    extra.accept(r);
                    handled.add(r.value());
                }, limit);
            } catch (HandlerFailed expected) {
                // The check's own handler failed on purpose.
            }
        }
        return handled;
    }

    static List<String> numbered(int from, int to) {
        List<String> values = new ArrayList<>();
        for (int i = from; i < to; i++) {
            values.add("record-" + i);
        }
        return values;
    }

    /** Thrown by a check's handler to simulate processing that fails. */
    static final class HandlerFailed extends RuntimeException {
        HandlerFailed(String message) {
            super(message);
        }
    }
}
