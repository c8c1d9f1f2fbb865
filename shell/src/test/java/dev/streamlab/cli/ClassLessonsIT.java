package dev.streamlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlab.classroom.AdminConfigFile;
import dev.streamlab.classroom.ClassAccess;
import dev.streamlab.classroom.ClassView;
import dev.streamlab.classroom.ClassWatch;
import dev.streamlab.classroom.JoinFile;
import dev.streamlab.classroom.ProgressEvent;
import dev.streamlab.cluster.Await;
import dev.streamlab.cluster.ClusterListener;
import dev.streamlab.cluster.ClusterSecurity;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.cluster.ExternalCluster;
import dev.streamlab.cluster.ListenAddress;
import dev.streamlab.cluster.Namespace;
import dev.streamlab.notebook.CellResult;
import dev.streamlab.notebook.JavaOutcome;
import dev.streamlab.notebook.Notebook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when": on a secure 3-broker cluster streamlab starts, the instructor's {@code class create}, then
 * two learners' {@code check 01 02 --class FILE} at the same time, 0 failures each, each in their own namespace, and a
 * learner who reads a classmate's topic refused by Kafka's authorizer. Then every lesson, 00 to 06, as a learner while a
 * classmate runs lesson 04's Connect worker; a connector aimed at a classmate's topic; a Streams app written by hand.
 */
class ClassLessonsIT {

    private static final String ROOM = "127.0.0.2";

    private static EmbeddedCluster cluster;
    private static Path admin;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSecureCluster() throws Exception {
        // As a room's cluster: clients reach it on another address than 127.0.0.1 (a second loopback address, so
        // nothing
        // leaves this machine), over TLS with the certificate the join files carry.
        cluster = EmbeddedCluster.builder()
                .brokers(3)
                .secure(ClusterSecurity.generate())
                .listen(ListenAddress.of(ROOM, ROOM))
                .start();
        admin = AdminConfigFile.write(dir.resolve("admin.properties"), cluster.clientConfig());
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void aCellThatReachesForAClassmatesTopicIsRefusedByTheClusterInOneSentence() throws Exception {
        Path joins = createClass("cat", "dan");
        try (ExternalCluster danCluster = learner(joins.resolve("join-dan.properties"));
                ExternalCluster catCluster = learner(joins.resolve("join-cat.properties"));
                Notebook dan = new Notebook(danCluster);
                Notebook cat = new Notebook(catCluster)) {
            assertThat(dan.runTyped("createTopic(\"diary\", 1)").output()).contains("Created topic diary");
            assertThat(dan.runTyped("send(\"diary\", \"k\", \"dan's secret\")").outcome())
                    .isEqualTo(JavaOutcome.OK);
            assertThat(cat.runTyped("createTopic(\"diary\", 1)").output())
                    .as("cat's diary is her own, beside dan's")
                    .contains("Created topic diary");
            assertThat(cat.runTyped("createTopic(\"diary\", 1)").output()).contains("Topic diary already exists");
            assertThat(cat.runTyped("""
                    try (var admin = admin()) {
                        var t = new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "diary");
                        System.out.println("min.insync.replicas=" + admin.describeConfigs(List.of(t)).all().get().get(t)
                                .get("min.insync.replicas").value());
                        System.out.println("described " + admin.describeTopics(List.of("diary")).allTopicNames().get().keySet());
                        var made = admin.createTopics(List.of(new NewTopic("notes", 2, (short) 3)));
                        System.out.println("created " + made.values().keySet() + " with " + made.numPartitions("notes").get());
                    }
                    """).output())
                    .as("results read by the learner's names")
                    .contains("min.insync.replicas=2", "described [diary]", "created [notes] with 2");

            CellResult spy = cat.runTyped("""
                    var spy = new KafkaConsumer<String, String>(clientConfig(),
                            new org.apache.kafka.common.serialization.StringDeserializer(),
                            new org.apache.kafka.common.serialization.StringDeserializer());
                    spy.assign(List.of(new TopicPartition("dan.diary", 0)));
                    spy.seekToBeginning(spy.assignment());
                    spy.poll(Duration.ofSeconds(10));
                    """);
            assertThat(spy.outcome()).isEqualTo(JavaOutcome.EXCEPTION);
            assertThat(spy.output()).contains("TopicAuthorizationException").doesNotContain("dan's secret");
            assertThat(spy.problem())
                    .isEqualTo("Kafka's authorizer refused cat access to topic dan.diary: in this class"
                            + " cat's names start with 'cat.', and other names belong to classmates or to the cluster; the helpers"
                            + " producer(), consumer() and admin() put your names there for you.");

            CellResult helper = cat.runTyped("""
                    var mine = consumer("readers");
                    mine.subscribe(List.of("dan.diary"));
                    pollAndPrint(mine, 3);
                    """);
            assertThat(helper.output())
                    .as("through the helpers, 'dan.diary' is cat's own cat.dan.diary, which is empty")
                    .contains("(no records)")
                    .doesNotContain("dan's secret");
        }
    }

    /**
     * Every lesson as one learner of a class (their output shown, so every name they see is checked), while a
     * classmate runs lesson 04 at the same time: both start a Connect worker with connectors of the same names.
     */
    @Test
    void twoLearnersTakeEveryLessonAtOnceTheirProgressShowsAndNeitherCanPublishAsTheOther() throws Exception {
        Path joins = createClass("gil", "hal");
        Map<String, Object> instructor = new HashMap<>(ExternalCluster.readClientProperties(admin));
        instructor.put("bootstrap.servers", cluster.bootstrapServers());
        List<String> lessons = List.of(
                "00-welcome",
                "01-the-log",
                "02-consumer-positions",
                "03-replication-and-failover",
                "04-kafka-connect",
                "05-stream-processing",
                "06-queues");
        try (ClassWatch watch = ClassWatch.startOnClassCluster(
                instructor, ClassWatch.Page.loopback(0), ClassView.StuckRule.DEFAULT, java.time.Clock.systemUTC())) {
            long start = System.nanoTime();
            CompletableFuture<CommandLineRun> gil = CompletableFuture.supplyAsync(() -> CommandLineRun.of(
                    "check",
                    "--show-output",
                    "--class",
                    joins.resolve("join-gil.properties").toString(),
                    "00",
                    "01",
                    "02",
                    "03",
                    "04",
                    "05",
                    "06"));
            CompletableFuture<CommandLineRun> hal = CompletableFuture.supplyAsync(() -> CommandLineRun.of(
                    "check",
                    "--class",
                    joins.resolve("join-hal.properties").toString(),
                    "00",
                    "01",
                    "02",
                    "03",
                    "04",
                    "05",
                    "06"));
            for (CommandLineRun run : List.of(gil.get(), hal.get())) {
                assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
                assertThat(run.out()).contains(" passed, 0 failed");
                assertThat(run.out()).as("the learner sees the lesson's names").doesNotContain("gil.", "hal.");
                assertThat(run.out())
                        .as("only 00's and 03's broker kills are skipped")
                        .contains("04 cell 12")
                        .satisfies(out -> assertThat(out.lines()
                                        .filter(l -> l.startsWith("skip"))
                                        .map(l -> l.substring(5, 7))
                                        .distinct()
                                        .toList())
                                .containsOnly("00", "03"));
            }
            System.out.printf(
                    "Lessons 00-06 by two learners of a class at once: %.0f s%n", (System.nanoTime() - start) / 1e9);

            for (String learner : List.of("gil", "hal")) {
                dev.streamlab.cluster.Await.until(
                        Duration.ofSeconds(60),
                        () -> java.util.Optional.ofNullable(watch.view().learner(learner))
                                .filter(l -> l.finished().containsAll(lessons)),
                        learner + "'s seven lessons do not show in the class view: " + watch.view());
            }
            JoinFile gilFile = JoinFile.read(joins.resolve("join-gil.properties"));
            try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(
                    gilFile.clientConfig(),
                    new org.apache.kafka.common.serialization.StringSerializer(),
                    new org.apache.kafka.common.serialization.StringSerializer())) {
                assertThatThrownBy(() -> producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                                        ProgressEvent.topicOf("hal"), "hal", "{\"v\":1,\"learner\":\"hal\"}"))
                                .get())
                        .as("gil publishing as hal")
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
        try (Admin superUser = Admin.create(cluster.clientConfig())) {
            Set<String> topics = superUser.listTopics().names().get();
            for (String learner : List.of("gil", "hal")) {
                assertThat(topics)
                        .contains(
                                learner + ".customers", learner + ".customer-events", learner + ".customers-priority");
            }
            assertThat(topics).noneMatch(t -> t.startsWith("customer") || t.startsWith("connect"));
            Set<String> groups = superUser.listGroups().all().get().stream()
                    .map(g -> g.groupId())
                    .collect(java.util.stream.Collectors.toSet());
            assertThat(groups)
                    .as("each sink's consumer group is its learner's")
                    .contains("gil.connect-priority-out", "hal.connect-priority-out")
                    .noneMatch(g -> g.startsWith("connect"));
            assertThat(topics)
                    .as("lesson 05's fraud detector in gil's namespace")
                    .contains("gil.authorization_attempts", "gil.possible_fraud", "gil.possible_fraud_sql")
                    .doesNotContain("authorization_attempts", "possible_fraud_sql")
                    .anyMatch(t -> t.startsWith("gil.fraud-detector-"))
                    .noneMatch(t -> t.startsWith("fraud-detector") || t.equals("possible_fraud"));
        }
    }

    /**
     * The attack on lesson 04 in a class: a learner's own worker, told through its REST API (no name mapping) to sink a
     * classmate's topic into a file. The worker runs with the learner's credentials, so Kafka's authorizer refuses it.
     */
    @Test
    void aConnectorThatReadsAClassmatesTopicThroughTheRestApiIsRefusedByTheCluster() throws Exception {
        Path joins = createClass("jo", "kim");
        try (ExternalCluster kimCluster = learner(joins.resolve("join-kim.properties"));
                ExternalCluster joCluster = learner(joins.resolve("join-jo.properties"));
                Notebook kim = new Notebook(kimCluster);
                Notebook jo = new Notebook(joCluster)) {
            assertThat(kim.runTyped(
                                    "createTopic(\"diary\", 1); send(\"diary\", \"k\", \"{\\\"secret\\\": \\\"kim's\\\"}\");")
                            .outcome())
                    .isEqualTo(JavaOutcome.OK);
            CellResult spy = jo.runTyped("""
                    var connect = dev.streamlab.connect.ConnectWorkers.start();
                    var raw = new dev.streamlab.connect.ConnectRestClient(connect.restUrl(), connect.restClient().sslContext());
                    var out = java.nio.file.Files.createTempDirectory("spy").resolve("diary.jsonl");
                    var sink = new LinkedHashMap<String, String>();
                    sink.put("connector.class", "dev.streamlab.connect.JsonLinesSinkConnector");
                    sink.put("topics", "kim.diary");
                    sink.put("file", out.toString());
                    sink.put("consumer.override.group.id", "jo.spy");
                    raw.putConnector("spy", sink);
                    var failed = dev.streamlab.cluster.Await.until(Duration.ofSeconds(30), () -> raw.status("spy").failed()
                            ? Optional.of(raw.status("spy")) : Optional.empty(), "the spy still runs: " + raw.state("spy"));
                    System.out.println(failed.tasks().get(0).trace().lines().filter(l -> l.contains("AuthorizationException"))
                            .findFirst().orElse(failed.describe()));
                    System.out.println("lines read: " + (java.nio.file.Files.exists(out) ? java.nio.file.Files.readAllLines(out).size() : 0));
                    connect.close();
                    java.nio.file.Files.deleteIfExists(out);
                    java.nio.file.Files.delete(out.getParent());
                    """);
            assertThat(spy.outcome()).as(spy.output()).isEqualTo(JavaOutcome.OK);
            assertThat(spy.output())
                    .contains("TopicAuthorizationException", "kim.diary", "lines read: 0")
                    .doesNotContain("kim's");
            assertThat(spy.problem())
                    .startsWith("Kafka's authorizer refused jo access to topic kim.diary: in this class"
                            + " jo's names start with 'jo.'");
        }
    }

    @Test
    void aStreamsAppWrittenByHandThatForgetsThePrefixIsRefusedInOneSentenceAndTheHelpersPutItThere() throws Exception {
        Path joins = createClass("ida");
        try (ExternalCluster idaCluster = learner(joins.resolve("join-ida.properties"));
                Notebook ida = new Notebook(idaCluster)) {
            assertThat(ida.runTyped(
                                    "createTopic(\"orders\", 1); createTopic(\"orders-upper\", 1); send(\"orders\", \"k\", \"coffee\");")
                            .outcome())
                    .isEqualTo(JavaOutcome.OK);

            CellResult forgot = ida.runTyped("""
                    var props = new Properties();
                    props.putAll(clientConfig());
                    props.put("application.id", "shouter");
                    props.put("default.key.serde", "org.apache.kafka.common.serialization.Serdes$StringSerde");
                    props.put("default.value.serde", "org.apache.kafka.common.serialization.Serdes$StringSerde");
                    var builder = new org.apache.kafka.streams.StreamsBuilder();
                    builder.stream(topic("orders")).to(topic("orders-upper"));
                    var app = new org.apache.kafka.streams.KafkaStreams(builder.build(), props);
                    app.start();
                    dev.streamlab.cluster.Await.until(Duration.ofSeconds(30), () -> app.state() == org.apache.kafka.streams.KafkaStreams.State.ERROR
                            ? Optional.of(true) : Optional.empty(), "still " + app.state());
                    app.close();
                    System.out.println("state " + app.state());
                    """);
            assertThat(forgot.output()).as(forgot.output()).contains("state ERROR");
            assertThat(forgot.problem())
                    .as(forgot.output())
                    .isEqualTo("Kafka's authorizer refused ida access to consumer"
                            + " group shouter: in this class ida's names start with 'ida.', and other names belong to classmates or"
                            + " to the cluster; for Kafka Streams, streamsConfig(\"my-app\") puts the application id there"
                            + " (ida.my-app) and topic(\"orders\") a topic's name (ida.orders).");

            assertThat(ida.runTyped("""
                    var quickBuilder = new org.apache.kafka.streams.StreamsBuilder();
                    quickBuilder.stream(topic("orders")).to(topic("orders-upper"));
                    var quick = new org.apache.kafka.streams.KafkaStreams(quickBuilder.build(), props);
                    quick.start();
                    """).problem())
                    .as("started, not refused yet")
                    .isNull();
            String told = Await.until(
                    Duration.ofSeconds(30),
                    () -> Optional.ofNullable(ida.runTyped("quick.state()").problem()),
                    "No cell after quick.start() said why the app stopped.");
            assertThat(told)
                    .as("the refusal came while no cell ran, or while one looked")
                    .contains(
                            "Kafka's authorizer refused ida access to consumer group shouter:",
                            "streamsConfig(\"my-app\")");
            ida.runTyped("quick.close();");

            CellResult helped = ida.runTyped("""
                    var shouting = new org.apache.kafka.streams.StreamsBuilder();
                    shouting.<String, String>stream(topic("orders")).mapValues(v -> v.toUpperCase()).to(topic("orders-upper"));
                    var shouter = new org.apache.kafka.streams.KafkaStreams(shouting.build(), streamsConfig("shouter"));
                    shouter.start();
                    var upper = consumer("upper-reader");
                    upper.subscribe(List.of("orders-upper"));
                    pollAndPrint(upper, 30);
                    upper.close();
                    shouter.close();
                    """);
            assertThat(helped.outcome()).as(helped.output()).isEqualTo(JavaOutcome.OK);
            assertThat(helped.output())
                    .contains("orders-upper-0  offset 0", "value=COFFEE")
                    .doesNotContain("ida.");
        }
        try (Admin superUser = Admin.create(cluster.clientConfig())) {
            assertThat(superUser.listGroups().all().get())
                    .anyMatch(g -> g.groupId().equals("ida.shouter"))
                    .noneMatch(g -> g.groupId().equals("shouter"));
        }
    }

    /** The instructor's {@code class create} for these learners; returns the folder of their join files. */
    private static Path createClass(String... learners) throws Exception {
        Path roster = Files.writeString(
                dir.resolve("roster-" + String.join("-", learners) + ".txt"), String.join("\n", learners) + "\n");
        Path joins = dir.resolve("joins-" + String.join("-", learners));
        CommandLineRun created = CommandLineRun.of(
                "class",
                "create",
                "--roster",
                roster.toString(),
                "--bootstrap-server",
                cluster.bootstrapServers(),
                "--command-config",
                admin.toString(),
                "--out",
                joins.toString());
        assertThat(created.exitCode()).as(created.err()).isEqualTo(ExitCode.OK);
        return joins;
    }

    private static ExternalCluster learner(Path joinFile) {
        JoinFile join = JoinFile.read(joinFile);
        return ExternalCluster.connect(
                join.bootstrapServers(), joinFile, ClusterListener.SILENT, new Namespace(join.prefix()));
    }

    @Test
    void twoLearnersTakeLessonsOneAndTwoAtTheSameTimeEachInTheirOwnNamespace() throws Exception {
        Path joins = createClass("ana", "bob");
        Path ana = joins.resolve("join-ana.properties");
        Path bob = joins.resolve("join-bob.properties");

        CompletableFuture<CommandLineRun> anaChecks =
                CompletableFuture.supplyAsync(() -> CommandLineRun.of("check", "--class", ana.toString(), "01", "02"));
        CompletableFuture<CommandLineRun> bobChecks =
                CompletableFuture.supplyAsync(() -> CommandLineRun.of("check", "--class", bob.toString(), "01", "02"));
        for (CommandLineRun run : List.of(anaChecks.get(), bobChecks.get())) {
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
            assertThat(run.out()).contains(" passed, 0 failed").doesNotContain("skipped");
            assertThat(run.out()).as("the learner sees the lesson's names").doesNotContain("ana.", "bob.");
        }

        try (Admin superUser = Admin.create(cluster.clientConfig())) {
            Set<String> topics = superUser.listTopics().names().get();
            assertThat(topics)
                    .contains(
                            "ana.orders", "ana.page-views", "ana.clicks", "bob.orders", "bob.page-views", "bob.clicks")
                    .doesNotContain("orders", "page-views", "clicks");
            assertThat(superUser
                            .listConsumerGroupOffsets("ana.ricardo")
                            .partitionsToOffsetAndMetadata()
                            .get())
                    .as("lesson 02's groups are ana's own")
                    .isNotEmpty();
        }

        JoinFile anaFile = JoinFile.read(ana);
        Map<String, Object> spy = new HashMap<>(anaFile.clientConfig());
        spy.put("group.id", "ana.spy");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(spy, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("bob.orders"));
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 50; i++) {
                            consumer.poll(Duration.ofMillis(200));
                        }
                    })
                    .isInstanceOf(TopicAuthorizationException.class)
                    .satisfies(e -> assertThat(ClassAccess.explain(e, "ana").orElseThrow())
                            .startsWith("Kafka's authorizer refused ana access to topic bob.orders"));
        }
    }
}
