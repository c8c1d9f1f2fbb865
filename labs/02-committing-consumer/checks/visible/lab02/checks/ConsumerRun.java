package lab02.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamlab.grading.check.LearnerCode;
import dev.streamlab.grading.check.SharedCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A topic of records whose values the learner's code cannot guess, and one "run" of the learner's consumer in its own
 * JVM (start, process, close). What a run handled is judged against what this topic holds, and the group's committed
 * offset is read from Kafka, not from the learner's code.
 */
final class ConsumerRun {

    private final SharedCluster kafka;
    private final LearnerCode learner;
    final String topic;
    final String group;
    final List<String> values = new ArrayList<>();

    ConsumerRun(SharedCluster kafka, LearnerCode learner, Random random, int records) throws Exception {
        this.kafka = kafka;
        this.learner = learner;
        this.topic = "payments-" + random.nextInt(1_000_000);
        this.group = "group-" + topic;
        for (int i = 0; i < records; i++) {
            values.add("payment-" + i + "-" + Long.toHexString(random.nextLong()));
        }
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.clientConfig(), new StringSerializer(),
                new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value));
            }
            producer.flush();
        }
    }

    /** One run of the learner's consumer in the group, up to {@code limit} records, failing at offset {@code failAt} (or -1). */
    List<String> run(int limit, long failAt) {
        JsonNode result = learner.call("run", Map.of("bootstrap", kafka.clientConfig().get("bootstrap.servers"), "topic", topic,
                "group", group, "limit", limit, "failAt", failAt));
        List<String> handled = new ArrayList<>();
        for (JsonNode r : result.path("handled")) {
            long offset = r.path("offset").asLong(-1);
            String value = r.path("value").asText();
            if (offset < 0 || offset >= values.size() || !values.get((int) offset).equals(value)) {
                throw new AssertionError("Your handler was given a record that is not on the topic at offset " + offset + ": " + value);
            }
            handled.add(value);
        }
        return handled;
    }

    List<String> run(int limit) {
        return run(limit, -1);
    }

    /** The group's committed offset, read from Kafka: the next record a restarted consumer reads. */
    long committed() throws Exception {
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            OffsetAndMetadata committed = offsets.get(new TopicPartition(topic, 0));
            return committed == null ? -1 : committed.offset();
        }
    }

    void assertCommitted(long expected, String when) throws Exception {
        long committed = committed();
        assertEquals(expected, committed, "The offset committed " + when + " (read from Kafka; -1 is none): the next record to"
                + " read should be " + expected);
    }

    List<String> values(int from, int to) {
        return values.subList(from, to);
    }
}
