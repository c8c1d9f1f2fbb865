package dev.streamlab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.streamlab.cluster.Await;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.cluster.PartitionState;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /log, /partitions, /groups and /records on one real 2-broker cluster; each test leaves both brokers up. */
class DiagramCommandsIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static EmbeddedCluster cluster;
    private static Admin admin;
    private static ClusterCommands commands;

    @BeforeAll
    static void start() {
        cluster = EmbeddedCluster.builder().brokers(2).start();
        admin = Admin.create(cluster.clientConfig());
        commands = new ClusterCommands(cluster);
    }

    @AfterAll
    static void stop() {
        commands.close();
        admin.close();
        cluster.close();
    }

    @AfterEach
    void bothBrokersUp() {
        commands.run("/broker restart stopped");
    }

    @Test
    void partitionsMarkWhatChangedWhenTheLeaderDies() throws Exception {
        createTopic("payments", 1);
        String before = commands.run("/partitions payments");
        int leader = cluster.describeTopic("payments").get(0).leader();

        cluster.killBroker(leader);
        Await.until(DEADLINE, () -> cluster.describeTopic("payments").stream()
                .filter(p -> p.hasLeader() && p.leader() != leader).findFirst(), "no new leader for payments");
        String after = commands.run("/partitions payments");

        assertThat(before).contains("leader", "follower").doesNotContain("*");
        assertThat(after).contains("down*", "leader*", "* changed since the last view");
    }

    @Test
    void logShowsEachGroupsPositionAndGroupsTheirLag() throws Exception {
        createTopic("orders", 1);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(cluster.clientConfig(), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>("orders", "k" + i, "v" + i)).get(30, TimeUnit.SECONDS);
            }
        }
        admin.alterConsumerGroupOffsets("ricardo", Map.of(new TopicPartition("orders", 0), new OffsetAndMetadata(2)))
                .all().get(30, TimeUnit.SECONDS);

        assertThat(commands.run("/log orders")).contains("Log of orders, partition 0", "ricardo is here", "log end");
        assertThat(commands.run("/groups")).contains("ricardo", "orders-0").containsPattern("2\\s+5\\s+3");
        assertThat(commands.run("/records orders 0")).contains("key=k4");
    }

    private static void createTopic(String name, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, Optional.of(partitions), Optional.empty())))
                .all().get(30, TimeUnit.SECONDS);
        Await.until(DEADLINE, () -> cluster.describeTopic(name).stream().allMatch(PartitionState::hasLeader)
                ? Optional.of(true) : Optional.empty(), "topic " + name + " has no leaders");
    }
}
