package lab01.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamlab.grading.check.Hint;
import dev.streamlab.grading.check.LearnerCode;
import dev.streamlab.grading.check.Points;
import dev.streamlab.grading.check.SharedCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Checks the grader adds: the records the learner's code builds, written to a real one-broker cluster and read back from
 * the topic. What is judged is where they landed: one partition per customer, in order, customers spread out.
 */
class CustomerOrderChecks {

    @RegisterExtension
    static final SharedCluster KAFKA = SharedCluster.withBrokers(1);

    @RegisterExtension
    static final LearnerCode LEARNER = new LearnerCode();

    @Test
    @DisplayName("on a topic with 6 partitions, every customer's events arrive in the order they were sent, one partition each")
    @Points(5)
    @Hint("Order holds only within one partition. Use the customer id as the key.")
    void eventsKeepTheirOrder(Random random) throws Exception {
        String topic = "customer-events-" + random.nextInt(1_000_000);
        try (Admin admin = Admin.create(KAFKA.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        int customers = 10;
        int events = 300;
        Map<String, Object> config = new HashMap<>(KAFKA.clientConfig());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // Tiny batches: records without a key move to another partition every few records, as under real load.
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 100);
        String run = Long.toHexString(random.nextLong());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            int[] next = new int[customers];
            for (int i = 0; i < events; i++) {
                int c = random.nextInt(customers);
                JsonNode r = LEARNER.call("record", Map.of("topic", topic, "customer", "customer-" + run + "-" + c,
                        "event", "customer-" + c + "/" + next[c]++));
                assertEquals(topic, r.path("topic").asText(null), "The record's topic");
                Integer partition = r.path("partition").isNumber() ? r.path("partition").asInt() : null;
                String key = r.path("key").isTextual() ? r.path("key").asText() : null;
                producer.send(new ProducerRecord<>(topic, partition, key, r.path("value").asText(null))).get();
            }
        }
        Map<String, List<Integer>> seen = new HashMap<>();
        Map<String, Set<Integer>> partitions = new HashMap<>();
        Map<String, Object> consumerConfig = new HashMap<>(KAFKA.clientConfig());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> tps = new ArrayList<>();
            for (int p = 0; p < 6; p++) {
                tps.add(new TopicPartition(topic, p));
            }
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            int read = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (read < events && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    String[] parts = String.valueOf(r.value()).split("/");
                    assertEquals(2, parts.length, "A record on the topic is not one of the events sent: " + r.value());
                    seen.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
                    partitions.computeIfAbsent(parts[0], k -> new HashSet<>()).add(r.partition());
                    read++;
                }
            }
            assertEquals(events, read, "Every event sent should be read back.");
        }
        for (Map.Entry<String, List<Integer>> e : seen.entrySet()) {
            List<Integer> order = e.getValue();
            List<Integer> sorted = new ArrayList<>(order);
            sorted.sort(null);
            assertTrue(order.equals(sorted), "The events of " + e.getKey() + " came back out of order (they were in partitions "
                    + partitions.get(e.getKey()) + "): " + order);
            assertEquals(1, partitions.get(e.getKey()).size(), "The events of " + e.getKey() + " are spread over partitions "
                    + partitions.get(e.getKey()));
        }
        Set<Integer> used = new HashSet<>();
        partitions.values().forEach(used::addAll);
        assertTrue(used.size() > 1, customers + " customers all landed in partition " + used + ": the topic's other partitions stay"
                + " idle. Give each customer a key of its own.");
    }
}
