package dev.streamlab.cluster.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlab.classroom.ClassAdmin;
import dev.streamlab.classroom.JoinFile;
import dev.streamlab.classroom.Roster;
import dev.streamlab.cluster.ClusterSecurity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * A secure cluster in containers, as {@code cluster up --secure --cluster containers} starts it: the admin's SCRAM
 * credential is in the controller's bootstrap metadata (nothing else could create it: every listener wants SASL), the
 * authorizer refuses learners outside their prefix, and a wrong password or no SASL at all gets nothing.
 */
@Testcontainers(disabledWithoutDocker = true)
class SecureContainersClusterIT {

    private static ContainersCluster cluster;
    private static Path dir;

    @BeforeAll
    static void startSecureCluster() throws Exception {
        dir = Files.createTempDirectory("streamlab-it-");
        cluster = ContainersCluster.builder()
                .brokers(2)
                .image(TestImage.name())
                .secure(ClusterSecurity.generate())
                .start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void theAdminLogsInWithTheCredentialFromTheBootstrapMetadata() throws Exception {
        assertThat(cluster.clientConfig())
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        try (Admin admin = Admin.create(cluster.clientConfig())) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .hasSize(2);
            // Replicated across both brokers: they log in to each other with SCRAM on their private network.
            admin.createTopics(List.of(new NewTopic("replicated", 1, (short) 2)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> wrong = new HashMap<>(cluster.clientConfig());
        wrong.put("sasl.jaas.config", ClusterSecurity.scramJaas("admin", "guess"));
        try (Admin admin = Admin.create(wrong)) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aClientWithoutSaslGetsNothing() {
        Map<String, Object> plaintext = Map.of("bootstrap.servers", cluster.bootstrapServers());
        try (Admin admin = Admin.create(plaintext)) {
            assertThatThrownBy(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
                            .nodes()
                            .get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    @Test
    void aLearnerWritesUnderTheirPrefixAndIsRefusedAClassmates() throws Exception {
        Map<String, Object> adminSettings = new HashMap<>(cluster.clientConfig());
        adminSettings.remove("bootstrap.servers");
        try (ClassAdmin admin = ClassAdmin.connect(cluster.bootstrapServers(), adminSettings, "admin.properties")) {
            admin.create(Roster.read(Files.writeString(dir.resolve("roster.txt"), "ana\nbob\n")), dir);
        }
        JoinFile ana = JoinFile.read(dir.resolve("join-ana.properties"));
        JoinFile bob = JoinFile.read(dir.resolve("join-bob.properties"));
        try (Admin bobAdmin = Admin.create(bob.clientConfig());
                Admin anaAdmin = Admin.create(ana.clientConfig())) {
            bobAdmin.createTopics(List.of(new NewTopic("bob.orders", 1, (short) 2)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            anaAdmin.createTopics(List.of(new NewTopic("ana.orders", 1, (short) 2)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(ana.clientConfig(), new StringSerializer(), new StringSerializer())) {
            assertThat(producer.send(new ProducerRecord<>("ana.orders", "k", "latte"))
                            .get(30, TimeUnit.SECONDS)
                            .offset())
                    .isZero();
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("bob.orders", "k", "tea"))
                            .get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }
}
