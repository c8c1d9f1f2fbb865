package dev.streamlab.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlab.cluster.EmbeddedCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@link Kafka#shareConsumer} on a real cluster: a new share group reads from the oldest record, a misuse gets Kafka's
 * own message with the learner's line on top, and a cluster without share groups gets one sentence saying so.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShareConsumerHelperIT {

    private static EmbeddedCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = EmbeddedCluster.builder().brokers(1).start();
        System.setProperty(Kafka.BOOTSTRAP_PROPERTY, cluster.bootstrapServers());
        Kafka.createTopic("tickets", 1);
        Kafka.send("tickets", "t-1", "printer on fire");
        Kafka.send("tickets", "t-2", "coffee machine empty");
    }

    @AfterAll
    static void stop() {
        System.clearProperty(Kafka.BOOTSTRAP_PROPERTY);
        cluster.close();
    }

    @Test
    @Order(1)
    void aNewShareGroupReadsFromTheOldestRecordAndAMisuseGetsKafkasMessage() {
        try (KafkaShareConsumer<String, String> desk = Kafka.shareConsumer("help-desk")) {
            desk.subscribe(List.of("tickets"));
            ConsumerRecords<String, String> tickets = poll(desk);
            ConsumerRecord<String, String> first = tickets.iterator().next();
            assertThat(first.key())
                    .as("the oldest record, though Kafka's default for a new share group is the newest")
                    .isEqualTo("t-1");
            assertThat(first.deliveryCount()).contains((short) 1);
            tickets.forEach(desk::acknowledge);
            assertThat(desk.commitSync().values()).allSatisfy(r -> assertThat(r).isEmpty());
            assertThatThrownBy(() -> desk.acknowledge(first, AcknowledgeType.REJECT))
                    .as("acknowledged twice")
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("The record cannot be acknowledged.")
                    .satisfies(e -> assertThat(e.getStackTrace()[0].getClassName())
                            .as("the learner's code comes first")
                            .isEqualTo(ShareConsumerHelperIT.class.getName()));
        }
    }

    @Test
    @Order(2)
    void queueNamesAShareGroupThatDoesNotExist() {
        try (var views = new dev.streamlab.inspect.ClusterViews(cluster.clientConfig())) {
            assertThat(views.queue("help-desk").members())
                    .as("the share group of the test before")
                    .isEmpty();
            assertThatThrownBy(() -> views.queue("nobody"))
                    .isInstanceOf(dev.streamlab.cluster.ClusterException.class)
                    .hasMessage("There is no share group nobody. A share consumer makes it when it first polls.");
        }
    }

    @Test
    @Order(3)
    void aClusterWithoutShareGroupsIsNamedInOneSentence() throws Exception {
        try (Admin admin = Admin.create(cluster.clientConfig())) {
            admin.updateFeatures(
                            Map.of(
                                    "share.version",
                                    new FeatureUpdate((short) 0, FeatureUpdate.UpgradeType.SAFE_DOWNGRADE)),
                            new UpdateFeaturesOptions())
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        assertThatThrownBy(() -> Kafka.shareConsumer("help-desk-2"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("This cluster has no share groups: its brokers need Kafka 4.2 or newer with"
                        + " the feature share.version at 1 or more");
    }

    private static ConsumerRecords<String, String> poll(KafkaShareConsumer<String, String> consumer) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        ConsumerRecords<String, String> records = ConsumerRecords.empty();
        while (records.isEmpty() && System.nanoTime() < deadline) {
            records = consumer.poll(Duration.ofMillis(200));
        }
        assertThat(records).as("records within 30 s").isNotEmpty();
        return records;
    }
}
