package dev.streamlab.cluster.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamlab.cluster.ClusterListener;
import dev.streamlab.cluster.PartitionState;
import dev.streamlab.drill.FailoverDrill;
import dev.streamlab.drill.FailoverReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/** One real 3-broker cluster in Docker for the whole class; each test leaves every broker running. */
@Testcontainers(disabledWithoutDocker = true)
class ContainersClusterIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static ContainersCluster cluster;
    private static Admin admin;

    @BeforeAll
    static void startCluster() {
        cluster = ContainersCluster.builder().brokers(3).image(TestImage.name()).start();
        admin = Admin.create(cluster.clientConfig());
    }

    @AfterAll
    static void stopCluster() {
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void everyBrokerRunsAgain() {
        for (int id : cluster.brokerIds()) {
            if (!cluster.isRunning(id)) {
                cluster.restartBroker(id);
            }
        }
    }

    @Test
    void brokersAreReachedOnLoopbackAtTheirPinnedPorts() {
        assertThat(cluster.kind()).isEqualTo("containers");
        assertThat(cluster.brokerIds()).containsExactly(1, 2, 3);
        assertThat(cluster.bootstrapServers().split(",")).hasSize(3).allMatch(a -> a.matches("127\\.0\\.0\\.1:\\d+"));
    }

    @Test
    void newTopicsGetTheTeachingDefaults() throws Exception {
        admin.createTopics(List.of(new NewTopic("defaults", Optional.of(2), Optional.empty())))
                .all()
                .get(30, TimeUnit.SECONDS);

        List<PartitionState> partitions = await().atMost(DEADLINE)
                .ignoreExceptions()
                .until(() -> cluster.describeTopic("defaults"), p -> p.size() == 2);
        assertThat(partitions)
                .hasSize(2)
                .allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
        var resource = new ConfigResource(ConfigResource.Type.TOPIC, "defaults");
        var config = admin.describeConfigs(List.of(resource))
                .all()
                .get(30, TimeUnit.SECONDS)
                .get(resource);
        assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
        assertThat(config.get("unclean.leader.election.enable").value()).isEqualTo("false");
    }

    @Test
    void failoverUnderLoadLosesNoAcknowledgedRecord() {
        FailoverReport report = new FailoverDrill(cluster, ClusterListener.SILENT, 500)
                .topic("failover")
                .run();

        assertThat(report.acknowledged()).isGreaterThanOrEqualTo(1_000);
        assertThat(report.lost()).isZero();
        assertThat(report.read()).isEqualTo(report.acknowledged());
        assertThat(report.newLeader()).isNotEqualTo(report.killedBroker());
        assertThat(cluster.isRunning(report.killedBroker())).isFalse();
    }

    @Test
    void aRestartedBrokerKeepsItsAddressAndClientsReconnect() throws Exception {
        createTopic("restart");
        int leader = cluster.describeTopic("restart").get(0).leader();
        String leaderAddress = address(leader);
        // This producer only knows the leader's address: it can only work again if the broker comes back there.
        try (KafkaProducer<String, String> producer = producer(leaderAddress)) {
            producer.send(new ProducerRecord<>("restart", "before")).get(30, TimeUnit.SECONDS);

            cluster.killBroker(leader);
            assertThat(cluster.isRunning(leader)).isFalse();
            await().atMost(DEADLINE).until(() -> {
                int now = cluster.describeTopic("restart").get(0).leader();
                return now != leader && now != PartitionState.NO_LEADER;
            });

            cluster.restartBroker(leader);
            assertThat(cluster.isRunning(leader)).isTrue();
            // Each broker learns of the restarted one from the controller in its own time.
            await().atMost(DEADLINE).ignoreExceptions().until(() -> address(leader) != null);
            assertThat(address(leader)).isEqualTo(leaderAddress);
            await().atMost(DEADLINE)
                    .until(() -> cluster.describeTopic("restart").get(0).isr().contains(leader));
            admin.electLeaders(ElectionType.PREFERRED, Set.of(new TopicPartition("restart", 0)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            await().atMost(DEADLINE)
                    .until(() -> cluster.describeTopic("restart").get(0).leader() == leader);

            producer.send(new ProducerRecord<>("restart", "after")).get(30, TimeUnit.SECONDS);
        }
        assertThat(cluster.describeTopic("restart").get(0).highWatermark()).isEqualTo(2);
    }

    @Test
    void aGracefulStopHandsLeadershipOverBeforeTheBrokerGoes() throws Exception {
        createTopic("graceful");
        int leader = cluster.describeTopic("graceful").get(0).leader();

        cluster.stopBroker(leader);

        // docker stop returned only after Kafka's controlled shutdown moved the leadership.
        PartitionState after = cluster.describeTopic("graceful").get(0);
        assertThat(after.leader()).isNotEqualTo(leader).isNotEqualTo(PartitionState.NO_LEADER);
        assertThat(after.isr()).doesNotContain(leader);
    }

    private static void createTopic(String topic) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 3))).all().get(30, TimeUnit.SECONDS);
        // The controller has the topic; each broker learns of it in its own time, as in EmbeddedClusterIT.
        await().atMost(DEADLINE)
                .ignoreExceptions()
                .until(() -> cluster.describeTopic(topic).stream()
                        .allMatch(p -> p.isr().size() == 3));
    }

    private static String address(int brokerId) throws Exception {
        return admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream()
                .filter(n -> n.id() == brokerId)
                .map(n -> n.host() + ":" + n.port())
                .findFirst()
                .orElseThrow();
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        60_000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        10_000),
                new StringSerializer(),
                new StringSerializer());
    }
}
