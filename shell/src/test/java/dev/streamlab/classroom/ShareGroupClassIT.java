package dev.streamlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlab.cluster.ClusterSecurity;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.cluster.Namespace;
import dev.streamlab.diagram.QueueView;
import dev.streamlab.inspect.ClusterViews;
import dev.streamlab.learner.Kafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Share groups in a class, on a real secure cluster: a learner's share consumer (the helper, in their namespace) works
 * under the ACLs {@link ClassAdmin} gives, and a learner who tries to join, describe or reconfigure a classmate's share
 * group is refused by Kafka's authorizer.
 */
class ShareGroupClassIT {

    private static EmbeddedCluster cluster;
    private static JoinFile ana;
    private static JoinFile bob;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startClass() throws Exception {
        cluster = EmbeddedCluster.builder()
                .brokers(1)
                .secure(ClusterSecurity.generate())
                .start();
        Map<String, Object> adminSettings = new HashMap<>(cluster.clientConfig());
        adminSettings.remove("bootstrap.servers");
        try (ClassAdmin admin = ClassAdmin.connect(cluster.bootstrapServers(), adminSettings, "admin.properties")) {
            admin.create(Roster.parse(List.of("ana", "bob"), "roster.txt"), dir);
        }
        ana = JoinFile.read(dir.resolve("join-ana.properties"));
        bob = JoinFile.read(dir.resolve("join-bob.properties"));
        try (Admin bobAdmin = Admin.create(bob.clientConfig())) {
            bobAdmin.createTopics(List.of(new NewTopic("bob.kitchen", 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        try (var producer = new KafkaProducer<>(bob.clientConfig(), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("bob.kitchen", "o-1", "bob's order"))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopCluster() {
        List.of(Kafka.BOOTSTRAP_PROPERTY, Kafka.NAMESPACE_PROPERTY).forEach(System::clearProperty);
        System.getProperties().stringPropertyNames().stream()
                .filter(n -> n.startsWith(Kafka.CLIENT_PREFIX))
                .toList()
                .forEach(System::clearProperty);
        cluster.close();
    }

    @Test
    void bobsShareConsumerHelperWorksInHisNamespace() throws Exception {
        // The helpers read the cluster and the learner's prefix from system properties, as in the learner's JVM.
        bob.clientConfig().forEach((k, v) -> {
            if (!k.equals("bootstrap.servers")) {
                System.setProperty(Kafka.CLIENT_PREFIX + k, String.valueOf(v));
            }
        });
        System.setProperty(Kafka.BOOTSTRAP_PROPERTY, cluster.bootstrapServers());
        System.setProperty(Kafka.NAMESPACE_PROPERTY, "bob.");
        try (KafkaShareConsumer<String, String> cook = Kafka.shareConsumer("kitchen")) {
            cook.subscribe(List.of("kitchen"));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (records.isEmpty() && System.nanoTime() < deadline) {
                records = cook.poll(Duration.ofMillis(200));
            }
            assertThat(records.count())
                    .as("a new share group starts at the oldest record")
                    .isEqualTo(1);
            ConsumerRecord<String, String> order = records.iterator().next();
            assertThat(order.topic()).as("named as bob knows it").isEqualTo("kitchen");
            assertThat(order.deliveryCount()).contains((short) 1);
            cook.acknowledge(order);
            assertThat(cook.commitSync().values())
                    .allSatisfy(result -> assertThat(result).isEmpty());
            assertThatThrownBy(() -> cook.acknowledge(order))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("The record cannot be acknowledged.");
        }
        try (ClusterViews views = new ClusterViews(bob.clientConfig(), new Namespace("bob."))) {
            QueueView queue = views.queue("kitchen");
            assertThat(queue.group()).isEqualTo("kitchen");
            assertThat(queue.partitions()).singleElement().satisfies(p -> {
                assertThat(p.partition().topic()).isEqualTo("kitchen");
                assertThat(p.lag()).isZero();
            });
            assertThat(queue.statesKnown())
                    .as("a learner may not read Kafka's internal __share_group_state")
                    .isFalse();
        }
        try (ClusterViews views = new ClusterViews(cluster.clientConfig())) {
            assertThat(views.queue("bob.kitchen").partitions())
                    .singleElement()
                    .satisfies(p -> assertThat(p.batches())
                            .anySatisfy(b -> assertThat(b.state()).isEqualTo(QueueView.RecordState.ACKNOWLEDGED)));
        }
    }

    @Test
    void anaCannotJoinDescribeOrReconfigureBobsShareGroup() throws Exception {
        try (Admin anaAdmin = Admin.create(ana.clientConfig())) {
            anaAdmin.createTopics(List.of(new NewTopic("ana.kitchen", 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        assertThatThrownBy(() -> spyOn("bob.kitchen", "ana.kitchen"))
                .as("bob's topic, through her own share group")
                .isInstanceOf(org.apache.kafka.common.errors.TopicAuthorizationException.class);
        assertThatThrownBy(() -> spyOn("ana.kitchen", "bob.kitchen"))
                .as("her own topic, in bob's share group")
                .isInstanceOf(GroupAuthorizationException.class);
        try (Admin anaAdmin = Admin.create(ana.clientConfig())) {
            assertThatThrownBy(() -> anaAdmin.describeShareGroups(List.of("bob.kitchen"))
                            .all()
                            .get(30, TimeUnit.SECONDS))
                    .as("describing it")
                    .hasCauseInstanceOf(GroupAuthorizationException.class);
            ConfigResource bobsGroup = new ConfigResource(ConfigResource.Type.GROUP, "bob.kitchen");
            assertThatThrownBy(() -> anaAdmin.incrementalAlterConfigs(Map.of(
                                    bobsGroup,
                                    List.of(new AlterConfigOp(
                                            new ConfigEntry("share.auto.offset.reset", "latest"),
                                            AlterConfigOp.OpType.SET))))
                            .all()
                            .get(30, TimeUnit.SECONDS))
                    .as("changing its settings")
                    .hasCauseInstanceOf(GroupAuthorizationException.class);
        }
    }

    /** Ana's share consumer in {@code group} on {@code topic}, polled for up to 30 s. */
    private static void spyOn(String topic, String group) {
        Map<String, Object> config = new HashMap<>(ana.clientConfig());
        config.put("group.id", group);
        config.put("share.acknowledgement.mode", "explicit");
        try (var spy = new KafkaShareConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            spy.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                spy.poll(Duration.ofMillis(200)).forEach(r -> {
                    throw new AssertionError("ana read a record: " + r.value());
                });
            }
        }
    }
}
