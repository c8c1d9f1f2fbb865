package dev.streamlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.ClusterSecurity;
import dev.streamlab.cluster.EmbeddedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class on a real secure 3-broker cluster that streamlab starts (SASL/SCRAM, StandardAuthorizer): the instructor's
 * create, list and remove, each bad input, and learners who try a classmate's topics. Kafka's authorizer decides.
 */
class ClassAdminIT {

    private static EmbeddedCluster cluster;
    private static Map<String, Object> adminSettings;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSecureCluster() {
        cluster = EmbeddedCluster.builder()
                .brokers(3)
                .secure(ClusterSecurity.generate())
                .start();
        adminSettings = new HashMap<>(cluster.clientConfig());
        adminSettings.remove("bootstrap.servers");
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    private ClassAdmin classAdmin() {
        return ClassAdmin.connect(cluster.bootstrapServers(), adminSettings, "admin.properties");
    }

    private Roster roster(String... names) {
        return Roster.parse(List.of(names), "roster.txt");
    }

    @Test
    void eachLearnerOwnsTheirPrefixAndNothingElse() throws Exception {
        ClassAdmin.Created created;
        try (ClassAdmin admin = classAdmin()) {
            created = admin.create(roster("ana", "bob"), dir);
        }
        assertThat(created.joinFiles())
                .extracting(p -> p.getFileName().toString())
                .containsExactly("join-ana.properties", "join-bob.properties");
        JoinFile ana = JoinFile.read(dir.resolve("join-ana.properties"));
        JoinFile bob = JoinFile.read(dir.resolve("join-bob.properties"));

        try (Admin anaAdmin = Admin.create(ana.clientConfig());
                Admin bobAdmin = Admin.create(bob.clientConfig())) {
            anaAdmin.createTopics(List.of(new NewTopic("ana.orders", 3, (short) 3)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            bobAdmin.createTopics(List.of(new NewTopic("bob.orders", 3, (short) 3)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> anaAdmin.createTopics(List.of(new NewTopic("orders", 1, (short) 3)))
                            .all()
                            .get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() ->
                            anaAdmin.deleteTopics(List.of("bob.orders")).all().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            assertThat(anaAdmin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .as("ana sees only her own topics, and the progress topic she may write to")
                    .containsExactlyInAnyOrder("ana.orders", ProgressEvent.topicOf("ana"));
        }

        produce(bob, "bob.orders", "bob's secret");
        produce(ana, "ana.orders", "ana's order");
        assertThat(consume(ana, "ana.orders", "ana.readers")).containsExactly("ana's order");
        assertThatThrownBy(() -> consume(ana, "bob.orders", "ana.spies"))
                .isInstanceOf(TopicAuthorizationException.class)
                .satisfies(e -> assertThat(ClassAccess.explain(e, "ana"))
                        .hasValue("Kafka's authorizer refused ana access to"
                                + " topic bob.orders: in this class ana's names start with 'ana.', and other names belong to"
                                + " classmates or to the cluster."));
        assertThatThrownBy(() -> consume(ana, "bob.orders", "bob.readers"))
                .as("a classmate's group does not help either")
                .isInstanceOf(RuntimeException.class);

        try (ClassAdmin admin = classAdmin()) {
            assertThat(admin.list())
                    .extracting(ClassAdmin.Member::learner, ClassAdmin.Member::acls, ClassAdmin.Member::topics)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("ana", 5, List.of("ana.orders")),
                            org.assertj.core.groups.Tuple.tuple("bob", 5, List.of("bob.orders")));
            ClassAdmin.Removed removed = admin.remove(List.of(), true);
            assertThat(removed.learners()).containsExactly("ana", "bob");
            assertThat(removed.acls())
                    .as("3 prefixed and 2 on the progress topic, each")
                    .isEqualTo(10);
            assertThat(removed.topics()).containsExactlyInAnyOrder("ana.orders", "bob.orders");
            assertThat(admin.list()).isEmpty();
        }
        try (Admin superUser = Admin.create(cluster.clientConfig())) {
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> assertThat(superUser.listTopics().names().get())
                                    .doesNotContain(
                                            "ana.orders",
                                            "bob.orders",
                                            ProgressEvent.topicOf("ana"),
                                            ProgressEvent.topicOf("bob")));
        }
        assertThatThrownBy(() -> produce(ana, "ana.orders", "after the class"))
                .as("a join file of a removed class")
                .isInstanceOf(SaslAuthenticationException.class)
                .satisfies(e -> assertThat(ClassAccess.explain(e, "ana"))
                        .get()
                        .asString()
                        .startsWith("The class cluster refused ana's password: the class may have been removed"));
    }

    @Test
    void aLearnerWhoIsAlreadyInAClassStopsTheCreateBeforeAnythingIsMade() {
        try (ClassAdmin admin = classAdmin()) {
            admin.create(roster("cid"), dir.resolve("first"));
            assertThatThrownBy(() -> admin.create(roster("dan", "cid"), dir.resolve("second")))
                    .isInstanceOf(ClusterException.class)
                    .hasMessageContaining("cid already has a credential on " + cluster.bootstrapServers())
                    .hasMessageEndingWith("Nothing was changed.");
            assertThat(admin.list()).extracting(ClassAdmin.Member::learner).containsExactly("cid");
            assertThat(dir.resolve("second")).doesNotExist();
            assertThatThrownBy(() -> admin.remove(List.of("cid", "zed"), false))
                    .hasMessageStartingWith("zed is not a learner of a class on")
                    .hasMessageEndingWith("Nothing was removed.");
            assertThat(admin.remove(List.of("cid"), false).learners()).containsExactly("cid");
        }
    }

    @Test
    void joinFilesAreNeverOverwritten() throws Exception {
        Files.writeString(dir.resolve("join-eve.properties"), "someone's\n");
        try (ClassAdmin admin = classAdmin()) {
            assertThatThrownBy(() -> admin.create(roster("eve"), dir))
                    .hasMessageContaining("join-eve.properties already exists")
                    .hasMessageEndingWith("Nothing was changed.");
            assertThat(admin.list()).extracting(ClassAdmin.Member::learner).doesNotContain("eve");
        }
        assertThat(Files.readString(dir.resolve("join-eve.properties"))).isEqualTo("someone's\n");
    }

    @Test
    void aLearnersSettingsCannotRunAClassAndAWrongPasswordIsNamed() {
        Path first = dir.resolve("first");
        try (ClassAdmin admin = classAdmin()) {
            admin.create(roster("fay"), first);
        }
        JoinFile fay = JoinFile.read(first.resolve("join-fay.properties"));
        Map<String, Object> faySettings = new HashMap<>(fay.clientConfig());
        try (ClassAdmin asFay = ClassAdmin.connect(cluster.bootstrapServers(), faySettings, "join-fay.properties")) {
            assertThatThrownBy(() -> asFay.create(roster("gus"), dir.resolve("second")))
                    .hasMessage(
                            "The class was not created: the user in join-fay.properties may not create credentials,"
                                    + " ACLs and quotas on " + cluster.bootstrapServers()
                                    + " (it needs ALTER and ALTER_CONFIGS on the"
                                    + " cluster). Use a super user's"
                                    + " settings (one named in the brokers' super.users) as --command-config. Nothing was changed.");
        }
        Map<String, Object> wrong = new HashMap<>(adminSettings);
        wrong.put("sasl.jaas.config", ClusterSecurity.scramJaas("admin", "not-the-password"));
        try (ClassAdmin asNobody = ClassAdmin.connect(cluster.bootstrapServers(), wrong, "admin.properties")) {
            assertThatThrownBy(() -> asNobody.list())
                    .isInstanceOf(ClusterException.class)
                    .hasMessageStartingWith("The cluster at " + cluster.bootstrapServers()
                            + " refused the credentials in admin.properties (wrong user or password).");
        }
        try (ClassAdmin admin = classAdmin()) {
            assertThat(admin.list())
                    .extracting(ClassAdmin.Member::learner)
                    .contains("fay")
                    .doesNotContain("gus");
            admin.remove(List.of("fay"), true);
        }
    }

    @Test
    void aQuotaTheClusterRefusesRollsTheClassBack() {
        try (ClassAdmin admin = classAdmin()) {
            LearnerQuota halfAByte = new LearnerQuota(1024.5, 2048.0, 25.0, 10.0);
            assertThatThrownBy(() -> admin.create(roster("jo"), dir, halfAByte))
                    .isInstanceOf(ClusterException.class)
                    .hasMessageStartingWith("The class was not created: ")
                    .hasMessageEndingWith("Nothing of it was left behind.");
            assertThat(admin.list()).extracting(ClassAdmin.Member::learner).doesNotContain("jo");
            assertThat(admin.quotas()).doesNotContainKey("jo");
        }
    }

    @Test
    void onACLusterWithoutAnAuthorizerAHalfMadeClassIsRolledBack() throws Exception {
        try (EmbeddedCluster open = EmbeddedCluster.builder().brokers(1).start();
                ClassAdmin admin = ClassAdmin.connect(open.bootstrapServers(), Map.of(), "admin.properties")) {
            assertThatThrownBy(() -> admin.create(roster("hal", "ida"), dir))
                    .isInstanceOf(ClusterException.class)
                    .hasMessageContaining("has no authorizer, so ACLs cannot keep learners apart")
                    .hasMessageEndingWith("Nothing of it was left behind.");
            try (Admin plain = Admin.create(open.clientConfig())) {
                assertThat(plain.describeUserScramCredentials().users().get(30, TimeUnit.SECONDS))
                        .as("the credentials made before the ACLs failed are gone")
                        .isEmpty();
            }
            try (var files = Files.list(dir)) {
                assertThat(files).as("no join file").isEmpty();
            }
        }
    }

    private static void produce(JoinFile learner, String topic, String value) throws Exception {
        Map<String, Object> config = new HashMap<>(learner.clientConfig());
        config.put("max.block.ms", 15_000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            try {
                producer.send(new ProducerRecord<>(topic, value)).get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw (Exception) e.getCause();
            }
        } catch (org.apache.kafka.common.KafkaException e) {
            throw e.getCause() instanceof SaslAuthenticationException s ? s : e;
        }
    }

    private static List<String> consume(JoinFile learner, String topic, String group) {
        Map<String, Object> config = new HashMap<>(learner.clientConfig());
        config.put("group.id", group);
        config.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    List<String> values = new java.util.ArrayList<>();
                    records.forEach(r -> values.add(r.value()));
                    return values;
                }
            }
            return List.of();
        }
    }
}
