package dev.streamlab.benchref;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * Starts 1 controller and 3 brokers with Kafka's KafkaClusterTestKit, and prints {@code ready-ms=N}: the time
 * until a topic with replication factor 3 accepts an {@code acks=all} write. streamlab's own probe does the same.
 */
public final class TestKitClusterReady {

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(false)
                .setNumControllerNodes(1)
                .setNumBrokerNodes(3)
                .build();
        try (KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes).build()) {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("ready", 1, (short) 3)))
                        .all()
                        .get(60, TimeUnit.SECONDS);
            }
            Map<String, Object> config = Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    cluster.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG,
                    "all");
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("ready", "hello")).get(60, TimeUnit.SECONDS);
            }
            System.out.println("ready-ms=" + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }
}
