package dev.streamlab.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.diagram.GroupTable;
import dev.streamlab.diagram.GroupView;
import dev.streamlab.diagram.LogStrip;
import dev.streamlab.diagram.LogView;
import dev.streamlab.diagram.LogView.Position;
import dev.streamlab.diagram.PartitionMap;
import dev.streamlab.diagram.Style;
import dev.streamlab.diagram.TopicView;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One real single-broker embedded cluster for the class; each test uses topics and groups of its own. */
class ClusterViewsIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static EmbeddedCluster cluster;
    private static Admin admin;
    private static ClusterViews views;

    @BeforeAll
    static void startCluster() {
        cluster = EmbeddedCluster.builder().brokers(1).start();
        admin = Admin.create(cluster.clientConfig());
        views = new ClusterViews(cluster.clientConfig());
    }

    @AfterAll
    static void stopCluster() {
        views.close();
        admin.close();
        cluster.close();
    }

    @Test
    void theLogWithEachGroupsPositionAndItsLastRecords() throws Exception {
        createTopic("orders", 1);
        produce("orders", 10);
        commit("ricardo", new TopicPartition("orders", 0), 2);
        commit("robin", new TopicPartition("orders", 0), 5);
        commit("viktor", new TopicPartition("orders", 0), 10);

        LogView log = views.log("orders", 0);

        assertThat(List.of(log.logStartOffset(), log.highWatermark(), log.logEndOffset()))
                .containsExactly(0L, 10L, 10L);
        assertThat(log.positions())
                .containsExactly(new Position("ricardo", 2), new Position("robin", 5), new Position("viktor", 10));
        assertThat(new LogStrip(Style.plain()).render(log))
                .contains("ricardo is here", "robin is here", "viktor is here");

        LogView withRecords = views.log("orders", 0, 3);
        assertThat(withRecords.records())
                .containsExactly(
                        new LogView.Record(7, "k7", "v7"),
                        new LogView.Record(8, "k8", "v8"),
                        new LogView.Record(9, "k9", "v9"));
    }

    @Test
    void deletedRecordsMoveTheLogStart() throws Exception {
        createTopic("retained", 1);
        produce("retained", 6);
        admin.deleteRecords(Map.of(new TopicPartition("retained", 0), RecordsToDelete.beforeOffset(4)))
                .all()
                .get(30, TimeUnit.SECONDS);

        LogView log = views.log("retained", 0);

        assertThat(log.logStartOffset()).isEqualTo(4);
        assertThat(log.logEndOffset()).isEqualTo(6);
    }

    @Test
    void aGroupWithALiveMemberItsCommittedOffsetsAndLag() throws Exception {
        createTopic("page-views", 2);
        produce("page-views", 8);
        Map<String, Object> config = new HashMap<>(cluster.clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "robin");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "robin-1");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("page-views"));
            await().atMost(DEADLINE).until(() -> {
                consumer.poll(Duration.ofMillis(100));
                return consumer.assignment().size() == 2;
            });
            consumer.commitSync(Map.of(new TopicPartition("page-views", 0), new OffsetAndMetadata(1)));

            GroupView robin = await().atMost(DEADLINE)
                    .until(
                            () -> group("robin"),
                            g -> g.isPresent()
                                    && g.get().state().equals("active")
                                    && !g.get().members().isEmpty())
                    .orElseThrow();

            assertThat(robin.members()).singleElement().satisfies(m -> {
                assertThat(m.clientId()).isEqualTo("robin-1");
                assertThat(m.assignment())
                        .containsExactly(
                                new GroupView.TopicPartition("page-views", 0),
                                new GroupView.TopicPartition("page-views", 1));
            });
            long end0 = views.log("page-views", 0).highWatermark();
            assertThat(robin.offsets())
                    .containsExactly(
                            new GroupView.PartitionOffset(
                                    new GroupView.TopicPartition("page-views", 0), OptionalLong.of(1), end0),
                            new GroupView.PartitionOffset(
                                    new GroupView.TopicPartition("page-views", 1), OptionalLong.empty(), 8 - end0));
            // A consumer made by hand keeps Kafka's client default; the lessons' consumer(...) helper chooses
            // "consumer".
            assertThat(robin.protocol()).isEqualTo("classic");
            assertThat(new GroupTable(Style.plain()).render(List.of(robin))).contains("robin-1", "active", "classic");
        }
    }

    @Test
    void aTopicsPartitionsOnItsBrokers() throws Exception {
        createTopic("payments", 3);

        // A new partition's log end offset is -1 until its broker has described its log: compare once it is known.
        TopicView topic = dev.streamlab.cluster.Await.until(
                java.time.Duration.ofSeconds(30),
                () -> java.util.Optional.of(views.topic("payments", ClusterViews.brokersOf(cluster)))
                        .filter(t -> t.partitions().stream().allMatch(p -> p.logEndOffset() >= 0)),
                "The log end offsets of payments were not known within 30 s");

        assertThat(topic.brokers()).containsExactly(new TopicView.Broker(1, true));
        assertThat(topic.partitions())
                .hasSize(3)
                .allSatisfy(p -> assertThat(p.leader()).isEqualTo(1));
        assertThat(views.topic("payments")).isEqualTo(topic);
        assertThat(new PartitionMap(Style.plain()).render(topic)).contains("partition 2", "leader");
    }

    @Test
    void anUnknownTopicIsNamed() {
        assertThatThrownBy(() -> views.log("no-such-topic", 0))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("no-such-topic");
    }

    private static Optional<GroupView> group(String id) {
        return views.groups().stream().filter(g -> g.group().equals(id)).findFirst();
    }

    private static void createTopic(String name, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, Optional.of(partitions), Optional.empty())))
                .all()
                .get(30, TimeUnit.SECONDS);
    }

    private static void produce(String topic, int count) throws Exception {
        Map<String, Object> config = new HashMap<>(cluster.clientConfig());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void commit(String group, TopicPartition tp, long offset) throws Exception {
        admin.alterConsumerGroupOffsets(group, Map.of(tp, new OffsetAndMetadata(offset)))
                .all()
                .get(30, TimeUnit.SECONDS);
    }
}
