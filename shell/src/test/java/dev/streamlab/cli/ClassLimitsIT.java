package dev.streamlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlab.classroom.AdminConfigFile;
import dev.streamlab.classroom.ClassAccess;
import dev.streamlab.classroom.ClassAdmin;
import dev.streamlab.classroom.JoinFile;
import dev.streamlab.cluster.Await;
import dev.streamlab.cluster.ClusterListener;
import dev.streamlab.cluster.ClusterSecurity;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.cluster.ExternalCluster;
import dev.streamlab.cluster.Namespace;
import dev.streamlab.cluster.policy.ClassLimits;
import dev.streamlab.notebook.CellResult;
import dev.streamlab.notebook.JavaOutcome;
import dev.streamlab.notebook.Notebook;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.ThrottlingQuotaExceededException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class cluster's limits as a learner who tries to hog it would meet them, on a real secure broker that streamlab
 * starts, with a class of two made by {@code class create} as typed: Kafka's topic policy refuses a topic or a
 * setting over the caps with its own sentence, the broker refuses a record over max.message.bytes, the controller
 * holds back partitions made in a loop, the broker throttles a learner producing flat out while a classmate's
 * produce-and-read cycles still get through, and a flood of connections from one machine stops at the cap.
 */
class ClassLimitsIT {

    private static final int CONNECTIONS_PER_IP = 40;
    private static final Duration CYCLE_TIMEOUT = Duration.ofSeconds(15);

    private static EmbeddedCluster cluster;
    private static Path admin;
    private static JoinFile ana;
    private static JoinFile bob;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startAClassOfTwo() throws Exception {
        ClassLimits limits = new ClassLimits(
                ClassLimits.DEFAULTS.maxPartitions(),
                ClassLimits.DEFAULTS.maxReplicationFactor(),
                ClassLimits.DEFAULTS.maxMessageBytes(),
                ClassLimits.DEFAULTS.maxRetentionBytes(),
                ClassLimits.DEFAULTS.maxSegmentBytes(),
                CONNECTIONS_PER_IP);
        cluster = EmbeddedCluster.builder()
                .brokers(1)
                .secure(ClusterSecurity.generate().withLimits(limits))
                .start();
        admin = AdminConfigFile.write(
                dir.resolve("admin.properties"),
                cluster.bootstrapServers(),
                cluster.security().orElseThrow());
        Path roster = Files.writeString(dir.resolve("roster.txt"), "ana\nbob\n");
        CommandLineRun created = classCommand(
                "create",
                "--roster",
                roster.toString(),
                "--out",
                dir.resolve("joins").toString(),
                "--partition-rate",
                "2");
        assertThat(created.exitCode()).as(created.err()).isEqualTo(ExitCode.OK);
        ana = JoinFile.read(dir.resolve("joins/join-ana.properties"));
        bob = JoinFile.read(dir.resolve("joins/join-bob.properties"));
        // Before the loop below spends ana's partition quota.
        try (Admin a = Admin.create(ana.clientConfig());
                Admin b = Admin.create(bob.clientConfig())) {
            a.createTopics(List.of(new NewTopic("ana.orders", 1, (short) 1), new NewTopic("ana.flood", 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            b.createTopics(List.of(new NewTopic("bob.cycles", 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    private static CommandLineRun classCommand(String sub, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "class", sub, "--bootstrap-server", cluster.bootstrapServers(), "--command-config", admin.toString()));
        args.addAll(List.of(more));
        return CommandLineRun.of(args.toArray(String[]::new));
    }

    @Test
    void classListShowsEachLearnersQuotasAndRemoveTakesThemAway() throws Exception {
        CommandLineRun listed = classCommand("list");
        assertThat(listed.exitCode()).as(listed.err()).isEqualTo(ExitCode.OK);
        List<String> lines = listed.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("learner  ACLs  produce  fetch    requests  partitions  topics");
        assertThat(lines)
                .anyMatch(l -> l.startsWith("ana      5     1 MiB/s  2 MiB/s  25 %      2/s         ana."))
                .anyMatch(l -> l.equals("bob      5     1 MiB/s  2 MiB/s  25 %      2/s         bob.cycles"));

        Path roster = Files.writeString(dir.resolve("late.txt"), "cy\n");
        assertThat(classCommand(
                                "create",
                                "--roster",
                                roster.toString(),
                                "--out",
                                dir.resolve("late").toString(),
                                "--produce-rate",
                                "524288",
                                "--request-percentage",
                                "12.5")
                        .exitCode())
                .isEqualTo(ExitCode.OK);
        assertThat(classCommand("list").out().lines())
                .contains("cy       5     512 KiB/s  2 MiB/s  12.50 %   10/s        -");
        CommandLineRun removed = classCommand("remove", "--learner", "cy");
        assertThat(removed.exitCode()).as(removed.err()).isEqualTo(ExitCode.OK);
        Map<String, Object> settings = new HashMap<>(cluster.clientConfig());
        try (ClassAdmin classAdmin = ClassAdmin.connect(cluster.bootstrapServers(), settings, "admin.properties")) {
            assertThat(classAdmin.quotas()).containsOnlyKeys("ana", "bob");
        }
        assertThat(classCommand("create", "--roster", roster.toString(), "--fetch-rate", "0")
                        .err())
                .contains("--fetch-rate must be more than 0, not 0.");
    }

    @Test
    void aTopicOrASettingOverTheCapsIsRefusedWithTheBrokersSentence() throws Exception {
        try (Admin a = Admin.create(ana.clientConfig())) {
            assertThatThrownBy(() -> a.createTopics(List.of(new NewTopic("ana.huge", 1000, (short) 1)))
                            .all()
                            .get(30, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(PolicyViolationException.class)
                    .hasMessage("A topic may have at most 12 partitions in this class, and ana.huge asked for 1000.")
                    .satisfies(e -> assertThat(ClassAccess.explain(e, "ana")).hasValue(e.getMessage()));
            assertThatThrownBy(() -> a.createTopics(List.of(new NewTopic("ana.fat", 1, (short) 1)
                                    .configs(Map.of("max.message.bytes", "104857600"))))
                            .all()
                            .get(30, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(PolicyViolationException.class);

            ConfigResource orders = new ConfigResource(ConfigResource.Type.TOPIC, "ana.orders");
            assertThatThrownBy(() -> alter(a, orders, "max.message.bytes", "104857600"))
                    .cause()
                    .isInstanceOf(PolicyViolationException.class)
                    .hasMessage("max.message.bytes may be at most 1048588 (about 1 MiB) in this class, not 104857600.");
            assertThatThrownBy(() -> alter(a, orders, "unclean.leader.election.enable", "true"))
                    .cause()
                    .isInstanceOf(PolicyViolationException.class)
                    .hasMessageStartingWith("unclean.leader.election");
            assertThatThrownBy(() -> alter(a, orders, "retention.bytes", "-1"))
                    .cause()
                    .isInstanceOf(PolicyViolationException.class)
                    .hasMessageStartingWith("retention.bytes may be at most");
            alter(a, orders, "retention.ms", "3600000");
            ConfigEntry kept = a.describeConfigs(List.of(orders))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(orders)
                    .get("max.message.bytes");
            assertThat(kept.value()).isEqualTo("1048588");
        }

        Map<String, Object> bigRequests = new HashMap<>(ana.clientConfig());
        bigRequests.put("max.request.size", 8 * 1024 * 1024);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(bigRequests, new ByteArraySerializer(), new ByteArraySerializer())) {
            byte[] fiveMegabytes = new byte[5 * 1024 * 1024];
            new Random(7).nextBytes(fiveMegabytes);
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("ana.orders", fiveMegabytes))
                            .get(30, TimeUnit.SECONDS))
                    .as("the broker, not the client, refuses it: the client would send 8 MiB")
                    .cause()
                    .isInstanceOf(RecordTooLargeException.class);
        }
    }

    private static void alter(Admin a, ConfigResource topic, String key, String value) throws Exception {
        a.incrementalAlterConfigs(Map.of(
                        topic, List.of(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET))))
                .all()
                .get(30, TimeUnit.SECONDS);
    }

    @Test
    void aCellOverALimitShowsTheBrokersSentenceAsItsProblem() {
        JoinFile join = ana;
        try (ExternalCluster anaCluster = ExternalCluster.connect(
                        join.bootstrapServers(),
                        dir.resolve("joins/join-ana.properties"),
                        ClusterListener.SILENT,
                        new Namespace(join.prefix()));
                Notebook notebook = new Notebook(anaCluster)) {
            CellResult huge = notebook.runTyped("createTopic(\"huge\", 1000)");
            assertThat(huge.outcome()).isEqualTo(JavaOutcome.EXCEPTION);
            assertThat(huge.problem())
                    .isEqualTo("A topic may have at most 12 partitions in this class, and ana.huge asked for 1000.");
            CellResult raised = notebook.runTyped("""
                    try (var admin = admin()) {
                        var t = new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "orders");
                        admin.incrementalAlterConfigs(Map.of(t, List.of(new org.apache.kafka.clients.admin.AlterConfigOp(
                                new org.apache.kafka.clients.admin.ConfigEntry("max.message.bytes", "104857600"),
                                org.apache.kafka.clients.admin.AlterConfigOp.OpType.SET)))).all().get();
                    }
                    """);
            assertThat(raised.problem())
                    .isEqualTo("max.message.bytes may be at most 1048588 (about 1 MiB) in this class, not"
                            + " 104857600.");
        }
    }

    @Test
    void partitionsMadeInALoopAreHeldBackByTheMutationQuota() {
        CreateTopicsOptions noRetry = new CreateTopicsOptions().retryOnQuotaViolation(false);
        Optional<ThrottlingQuotaExceededException> held = Optional.empty();
        try (Admin a = Admin.create(ana.clientConfig())) {
            for (int i = 0; i < 40 && held.isEmpty(); i++) {
                try {
                    a.createTopics(List.of(new NewTopic("ana.burst-" + i, 5, (short) 1)), noRetry)
                            .all()
                            .get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ThrottlingQuotaExceededException.class);
                    held = Optional.of((ThrottlingQuotaExceededException) e.getCause());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertThat(held)
                .as("40 topics of 5 partitions at 2 partitions a second")
                .get()
                .satisfies(e -> assertThat(e.throttleTimeMs()).isPositive())
                .satisfies(e -> assertThat(ClassAccess.explain(e, "ana"))
                        .get()
                        .asString()
                        .contains("wait a few seconds"));
    }

    @Test
    void aLearnerProducingFlatOutIsThrottledWhileAClassmatesCyclesGetThrough() throws Exception {
        Map<String, Object> flood = new HashMap<>(ana.clientConfig());
        flood.put("linger.ms", 5);
        flood.put("batch.size", 256 * 1024);
        flood.put("buffer.memory", 4 * 1024 * 1024);
        flood.put("max.block.ms", 1000);
        AtomicBoolean stop = new AtomicBoolean();
        try (KafkaProducer<byte[], byte[]> a =
                new KafkaProducer<>(flood, new ByteArraySerializer(), new ByteArraySerializer())) {
            byte[] value = new byte[16 * 1024];
            new Random(11).nextBytes(value);
            Thread flooding = new Thread(
                    () -> {
                        while (!stop.get()) {
                            try {
                                a.send(new ProducerRecord<>("ana.flood", value));
                            } catch (org.apache.kafka.common.errors.TimeoutException full) {
                                // the buffer is full because the broker holds ana back: keep pushing
                            }
                        }
                    },
                    "ana-flood");
            flooding.start();
            try {
                double throttled = Await.until(
                        Duration.ofSeconds(60),
                        () -> Optional.of(metric(a, "produce-throttle-time-max"))
                                .filter(ms -> ms > 0),
                        "ana's producer was never throttled");
                assertThat(throttled).isPositive();
                for (int cycle = 0; cycle < 5; cycle++) {
                    assertThat(produceAndRead(bob, "bob.cycles", "cycle " + cycle))
                            .isEqualTo("cycle " + cycle);
                }
            } finally {
                stop.set(true);
                flooding.join(10_000);
                a.close(Duration.ZERO);
            }
        }
    }

    private static double metric(KafkaProducer<?, ?> producer, String name) {
        for (Map.Entry<MetricName, ? extends Metric> m : producer.metrics().entrySet()) {
            if (m.getKey().name().equals(name) && m.getKey().group().equals("producer-metrics")) {
                Object value = m.getValue().metricValue();
                return value instanceof Double d && !d.isNaN() ? d : 0;
            }
        }
        return 0;
    }

    /** One classmate's cycle: a record sent and read back, each within {@link #CYCLE_TIMEOUT}. */
    private static String produceAndRead(JoinFile learner, String topic, String value) throws Exception {
        RecordMetadata sent;
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(learner.clientConfig(), new StringSerializer(), new StringSerializer())) {
            sent = producer.send(new ProducerRecord<>(topic, value))
                    .get(CYCLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        TopicPartition partition = new TopicPartition(topic, sent.partition());
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(learner.clientConfig(), new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, sent.offset());
            return Await.until(
                    CYCLE_TIMEOUT,
                    () -> {
                        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                            return Optional.of(r.value());
                        }
                        return Optional.empty();
                    },
                    learner.learner() + " did not read back " + value + " within " + CYCLE_TIMEOUT.toSeconds() + " s");
        }
    }

    @Test
    void connectionsFromOneMachineStopAtTheCap() throws Exception {
        String[] hostPort = cluster.bootstrapServers().split(",")[0].split(":");
        InetSocketAddress broker = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
        List<SocketChannel> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS_PER_IP + 20; i++) {
                SocketChannel s = SocketChannel.open(broker);
                s.configureBlocking(false);
                sockets.add(s);
            }
            // The broker accepts each socket, then closes at once those over its cap for this address.
            long refused = Await.until(
                    Duration.ofSeconds(30),
                    () -> {
                        long closed = sockets.stream()
                                .filter(ClassLimitsIT::closedByBroker)
                                .count();
                        return closed >= 20 ? Optional.of(closed) : Optional.empty();
                    },
                    "the broker kept more than " + CONNECTIONS_PER_IP + " connections from one address open");
            assertThat(refused).isGreaterThanOrEqualTo(20);
        } finally {
            for (SocketChannel s : sockets) {
                s.close();
            }
        }
    }

    private static boolean closedByBroker(SocketChannel socket) {
        try {
            return socket.read(ByteBuffer.allocate(1)) < 0;
        } catch (java.io.IOException reset) {
            return true;
        }
    }
}
