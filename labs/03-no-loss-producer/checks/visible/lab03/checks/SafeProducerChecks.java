package lab03.checks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.streamlab.grading.check.Hint;
import dev.streamlab.grading.check.LearnerCode;
import dev.streamlab.grading.check.Points;
import dev.streamlab.grading.check.SharedCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Checks you can run yourself: {@code ./streamlab grade 03 --visible-only}. Your settings are used for real on a
 * one-broker cluster, and what the broker saw is judged.
 */
class SafeProducerChecks {

    @RegisterExtension
    static final SharedCluster KAFKA = SharedCluster.withBrokers(1);

    @RegisterExtension
    static final LearnerCode LEARNER = new LearnerCode();

    @Test
    @DisplayName("acks=all: a record counts as written only when all in-sync replicas have it")
    @Points(1)
    @Hint("With acks=1 only the leader has the record when the producer hears 'done'. If that leader dies, the record is gone.")
    void acksAll() {
        Object acks = LearnerSettings.producer(LEARNER).get("acks");
        assertTrue("all".equals(String.valueOf(acks)) || "-1".equals(String.valueOf(acks)), "acks is " + acks);
    }

    @Test
    @DisplayName("idempotence is on: enable.idempotence=true, and the broker sees an idempotent producer")
    @Points(1)
    @Hint("enable.idempotence=true gives each record a sequence number, so the broker drops a retried duplicate.")
    void idempotence(Random random) throws Exception {
        Map<String, Object> config = new HashMap<>(LearnerSettings.producer(LEARNER));
        // Kafka's default is on too, but the lab asks to say it: a default can change with a version or another setting.
        assertTrue("true".equals(String.valueOf(config.get("enable.idempotence"))), "enable.idempotence is "
                + config.get("enable.idempotence"));
        String topic = "payments-" + random.nextInt(1_000_000);
        try (Admin admin = Admin.create(KAFKA.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            config.putAll(KAFKA.clientConfig());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>(topic, "payment-" + i)).get();
                }
            }
            TopicPartition p0 = new TopicPartition(topic, 0);
            List<ProducerState> producers = admin.describeProducers(List.of(p0)).partitionResult(p0).get().activeProducers();
            assertFalse(producers.isEmpty(), "The broker saw no idempotent producer write to " + topic
                    + ": with these settings a retry can write a record twice.");
        }
    }

    @Test
    @DisplayName("min.insync.replicas is at least 2 on the topic, as the broker reads it")
    @Points(1)
    @Hint("With min.insync.replicas=1, acks=all can mean 'the leader alone'. Ask for 2 of the 3 replicas.")
    void minInSyncReplicas(Random random) throws Exception {
        String topic = "payments-" + random.nextInt(1_000_000);
        try (Admin admin = Admin.create(KAFKA.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(LearnerSettings.topic(LEARNER)))).all().get();
            String value = LearnerSettings.topicsOwnMinInSync(admin, topic);
            assertTrue(value != null && Integer.parseInt(value) >= 2, "min.insync.replicas is " + (value == null ? "not set on the"
                    + " topic (the broker's default applies)" : value));
        }
    }
}
