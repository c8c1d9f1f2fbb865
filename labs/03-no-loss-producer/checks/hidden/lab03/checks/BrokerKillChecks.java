package lab03.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.streamlab.cluster.Await;
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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The proof: write with the learner's settings to a real 3-broker cluster and kill the leader half-way. */
class BrokerKillChecks {

    @RegisterExtension
    static final SharedCluster KAFKA = SharedCluster.withBrokers(3);

    @RegisterExtension
    static final LearnerCode LEARNER = new LearnerCode();

    @Test
    @DisplayName("the leader is killed while writing: every acknowledged record is there, once, and no send failed")
    @Points(5)
    @Hint("acks=all, enable.idempotence=true, retries high enough to outlast a new leader election, and min.insync.replicas=2.")
    void nothingLostWhenTheLeaderDies(Random random) throws Exception {
        String topic = "payments-" + random.nextInt(1_000_000);
        String minInSync;
        try (Admin admin = Admin.create(KAFKA.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 3).configs(LearnerSettings.topic(LEARNER)))).all().get();
            minInSync = LearnerSettings.topicsOwnMinInSync(admin, topic);
        }
        int records = 1500 + random.nextInt(500);
        int killAt = records / 3 + random.nextInt(records / 3);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<String> failures = new ArrayList<>();
        AtomicInteger failed = new AtomicInteger();
        Map<String, Object> config = new HashMap<>(LearnerSettings.producer(LEARNER));
        config.putAll(KAFKA.clientConfig());
        int killed = KAFKA.cluster().describeTopic(topic).get(0).leader();
        int leader = killed;
        Thread killer = new Thread(() -> { });
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < records; i++) {
                String value = "payment-" + i;
                producer.send(new ProducerRecord<>(topic, value), (metadata, error) -> {
                    if (error == null) {
                        acknowledged.add(value);
                    } else if (failed.incrementAndGet() <= 3) {
                        synchronized (failures) {
                            failures.add(error.toString());
                        }
                    }
                });
                if (i % 20 == 0) {
                    producer.flush();
                }
                if (i == killAt) {
                    // Killed from another thread while writing goes on, so requests are in flight when the leader dies.
                    killer = new Thread(() -> KAFKA.cluster().killBroker(leader), "lab03-killer");
                    killer.start();
                }
            }
            producer.flush();
        }
        killer.join();
        Map<String, Integer> read = readAll(topic);
        List<String> lost = acknowledged.stream().filter(v -> !read.containsKey(v)).sorted().limit(5).toList();
        List<String> twice = read.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().limit(5).toList();
        assertEquals(0, failed.get(), failed.get() + " of " + records + " sends failed after broker " + killed
                + " was killed, e.g. " + failures);
        assertTrue(lost.isEmpty(), "Acknowledged but lost after the kill of broker " + killed + ": " + lost);
        assertTrue(twice.isEmpty(), "Written more than once (a retry wrote a duplicate): " + twice);
        assertEquals(records, acknowledged.size(), "Acknowledged records");
        // Surviving one kill can be luck: a leader that acknowledges alone loses what its followers had not copied yet,
        // and on a fast local cluster they are seldom behind. The proof counts only with the settings that guarantee it.
        String acks = String.valueOf(config.get("acks")).strip();
        assertTrue(acks.equals("all") || acks.equals("-1"), "Nothing was lost this time, but only by luck: with acks=" + acks
                + " the leader acknowledges a record alone, and a leader that dies before its followers copy it loses it."
                + " Set acks=all yourself.");
        assertTrue(minInSync != null && Integer.parseInt(minInSync) >= 2, "Nothing was lost this time, but only by luck: the"
                + " topic's own min.insync.replicas is " + minInSync + " (the cluster's default is not yours to count on), so"
                + " acks=all can mean the leader alone.");
    }

    private static Map<String, Integer> readAll(String topic) {
        Map<String, Object> config = new HashMap<>(KAFKA.clientConfig());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition p0 = new TopicPartition(topic, 0);
            consumer.assign(List.of(p0));
            consumer.seekToBeginning(List.of(p0));
            long end = Await.until(Duration.ofSeconds(30),
                    () -> Optional.of(consumer.endOffsets(List.of(p0), Duration.ofSeconds(5)).get(p0)),
                    "Could not find the end of " + topic);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(p0) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    counts.merge(r.value(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

}
