package dev.streamlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.streamlab.drill.FailoverDrill;
import dev.streamlab.drill.FailoverReport;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One real 3-broker embedded cluster for the whole class; each test leaves every broker running. */
class EmbeddedClusterIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static EmbeddedCluster cluster;
    private static Admin admin;

    @BeforeAll
    static void startCluster() {
        cluster = EmbeddedCluster.builder().brokers(3).start();
        admin = Admin.create(cluster.clientConfig());
    }

    @AfterAll
    static void stopCluster() {
        admin.close();
        cluster.close();
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
    void newTopicsGetTheTeachingDefaults() throws Exception {
        admin.createTopics(List.of(new NewTopic("defaults", java.util.Optional.of(2), java.util.Optional.empty())))
                .all()
                .get(30, TimeUnit.SECONDS);

        List<PartitionState> partitions = cluster.describeTopic("defaults");
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
    void describesLeadersReplicasAndOffsets() throws Exception {
        createTopic("described", 1);
        try (KafkaProducer<String, String> producer = producer(cluster.bootstrapServers())) {
            for (int i = 0; i < 7; i++) {
                producer.send(new ProducerRecord<>("described", "k" + i, "v" + i))
                        .get(30, TimeUnit.SECONDS);
            }
        }

        PartitionState p0 = cluster.describeTopic("described").get(0);
        assertThat(p0.replicas()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(p0.replicas()).contains(p0.leader());
        assertThat(p0.isr()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(p0.highWatermark()).isEqualTo(7);
        assertThat(p0.logEndOffset()).isEqualTo(7);
        assertThat(p0.leaderEpoch()).isGreaterThanOrEqualTo(0);
        assertThat(p0.outOfSyncReplicas()).isEmpty();
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
        createTopic("restart", 1);
        int leader = cluster.describeTopic("restart").get(0).leader();
        String leaderAddress = address(leader);
        // This producer only knows the leader's address: it can only work again if the broker comes back there.
        try (KafkaProducer<String, String> producer = producer(leaderAddress)) {
            producer.send(new ProducerRecord<>("restart", "before")).get(30, TimeUnit.SECONDS);

            cluster.killBroker(leader);
            await().atMost(DEADLINE).until(() -> newLeaderOf("restart", leader));

            cluster.restartBroker(leader);
            assertThat(cluster.isRunning(leader)).isTrue();
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
        createTopic("graceful", 1);
        int leader = cluster.describeTopic("graceful").get(0).leader();

        cluster.stopBroker(leader);

        // No session has to time out: the controller moved leadership during the controlled shutdown.
        PartitionState after = cluster.describeTopic("graceful").get(0);
        assertThat(after.leader()).isNotEqualTo(leader).isNotEqualTo(PartitionState.NO_LEADER);
        assertThat(after.isr()).doesNotContain(leader);
    }

    @Test
    void twoDeadBrokersMakeAcksAllWritesFailWithNotEnoughReplicas() throws Exception {
        createTopic("durable", 1);
        int leader = cluster.describeTopic("durable").get(0).leader();
        List<Integer> followers =
                cluster.brokerIds().stream().filter(id -> id != leader).toList();

        cluster.killBroker(followers.get(0));
        cluster.killBroker(followers.get(1));
        await().atMost(DEADLINE)
                .until(() -> cluster.describeTopic("durable").get(0).isr().equals(List.of(leader)));

        Map<String, Object> config = new HashMap<>(cluster.clientConfig());
        // No retries, so the broker's refusal reaches us instead of a delivery timeout.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        config.put(ProducerConfig.RETRIES_CONFIG, 0);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("durable", "refused"))
                            .get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(NotEnoughReplicasException.class);
        }
    }

    @Test
    void unknownBrokersAreNamedInTheError() {
        assertThatThrownBy(() -> cluster.killBroker(7))
                .isInstanceOf(ClusterException.class)
                .hasMessage("There is no broker 7. This cluster has brokers 1, 2, 3.");
    }

    private static boolean newLeaderOf(String topic, int oldLeader) {
        PartitionState p = cluster.describeTopic(topic).get(0);
        return p.hasLeader() && p.leader() != oldLeader;
    }

    private static String address(int brokerId) {
        return cluster.bootstrapServers().split(",")[cluster.brokerIds().indexOf(brokerId)];
    }

    private static void createTopic(String name, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 3)))
                .all()
                .get(30, TimeUnit.SECONDS);
        await().atMost(DEADLINE)
                .until(() -> cluster.describeTopic(name).stream()
                        .allMatch(p -> p.isr().size() == 3));
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        Map<String, Object> config =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
