package dev.streamlab.bench;

import dev.streamlab.cluster.EmbeddedCluster;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Run in a fresh JVM by the benchmark: starts a 3-broker embedded cluster and prints {@code ready-ms=N}, the time
 * until a topic with replication factor 3 accepts an {@code acks=all} write. The reference probe
 * ({@code bench-reference}) does exactly the same with Kafka's KafkaClusterTestKit.
 */
public final class EmbeddedClusterReady {

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        try (EmbeddedCluster cluster = EmbeddedCluster.builder().brokers(3).start()) {
            try (Admin admin = Admin.create(cluster.clientConfig())) {
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
