package dev.streamlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.streamlab.classroom.AdminConfigFile;
import dev.streamlab.classroom.ClassAccess;
import dev.streamlab.classroom.JoinFile;
import dev.streamlab.cluster.ClusterListener;
import dev.streamlab.cluster.ClusterSecurity;
import dev.streamlab.cluster.ExternalCluster;
import dev.streamlab.learner.Namespace;
import dev.streamlab.notebook.CellResult;
import dev.streamlab.notebook.JavaOutcome;
import dev.streamlab.notebook.Notebook;
import dev.streamlab.cluster.EmbeddedCluster;
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
 * learner who reads a classmate's topic refused by Kafka's authorizer.
 */
class ClassLessonsIT {

    private static EmbeddedCluster cluster;
    private static Path admin;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSecureCluster() throws Exception {
        cluster = EmbeddedCluster.builder().brokers(3).secure(ClusterSecurity.generate()).start();
        admin = AdminConfigFile.write(dir.resolve("admin.properties"), cluster.bootstrapServers(), cluster.security().orElseThrow());
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void aCellThatReachesForAClassmatesTopicIsRefusedByTheClusterInOneSentence() throws Exception {
        Path roster = Files.writeString(dir.resolve("roster2.txt"), "cat\ndan\n");
        Path joins = dir.resolve("joins2");
        assertThat(CommandLineRun.of("class", "create", "--roster", roster.toString(), "--bootstrap-server",
                cluster.bootstrapServers(), "--command-config", admin.toString(), "--out", joins.toString()).exitCode())
                .isEqualTo(ExitCode.OK);
        try (ExternalCluster danCluster = learner(joins.resolve("join-dan.properties"));
             ExternalCluster catCluster = learner(joins.resolve("join-cat.properties"));
             Notebook dan = new Notebook(danCluster);
             Notebook cat = new Notebook(catCluster)) {
            assertThat(dan.runTyped("createTopic(\"diary\", 1)").output()).contains("Created topic diary");
            assertThat(dan.runTyped("send(\"diary\", \"k\", \"dan's secret\")").outcome()).isEqualTo(JavaOutcome.OK);
            assertThat(cat.runTyped("createTopic(\"diary\", 1)").output())
                    .as("cat's diary is her own, beside dan's").contains("Created topic diary");
            assertThat(cat.runTyped("createTopic(\"diary\", 1)").output()).contains("Topic diary already exists");
            assertThat(cat.runTyped("""
                    try (var admin = admin()) {
                        var t = new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "diary");
                        System.out.println("min.insync.replicas=" + admin.describeConfigs(List.of(t)).all().get().get(t)
                                .get("min.insync.replicas").value());
                        System.out.println("described " + admin.describeTopics(List.of("diary")).allTopicNames().get().keySet());
                    }
                    """).output()).as("results read by the learner's names").contains("min.insync.replicas=2", "described [diary]");

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
            assertThat(spy.problem()).isEqualTo("Kafka's authorizer refused cat access to topic dan.diary: in this class"
                    + " cat's names start with 'cat.', and other names belong to classmates or to the cluster; the helpers"
                    + " producer(), consumer() and admin() put your names there for you.");

            CellResult helper = cat.runTyped("""
                    var mine = consumer("readers");
                    mine.subscribe(List.of("dan.diary"));
                    pollAndPrint(mine, 3);
                    """);
            assertThat(helper.output()).as("through the helpers, 'dan.diary' is cat's own cat.dan.diary, which is empty")
                    .contains("(no records)").doesNotContain("dan's secret");
        }
    }

    @Test
    void lessonFivesKafkaStreamsAppRunsInTheLearnersNamespace() throws Exception {
        Path roster = Files.writeString(dir.resolve("roster3.txt"), "fay\n");
        Path joins = dir.resolve("joins3");
        assertThat(CommandLineRun.of("class", "create", "--roster", roster.toString(), "--bootstrap-server",
                cluster.bootstrapServers(), "--command-config", admin.toString(), "--out", joins.toString()).exitCode())
                .isEqualTo(ExitCode.OK);
        CommandLineRun run = CommandLineRun.of("check", "--class", joins.resolve("join-fay.properties").toString(), "05");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains(" passed, 0 failed");
        try (Admin superUser = Admin.create(cluster.clientConfig())) {
            assertThat(superUser.listTopics().names().get()).contains("fay.authorization_attempts", "fay.possible_fraud",
                            "fay.possible_fraud_sql")
                    .doesNotContain("authorization_attempts", "possible_fraud_sql")
                    .anyMatch(t -> t.startsWith("fay.fraud-detector-"))
                    .noneMatch(t -> t.startsWith("fraud-detector") || t.equals("possible_fraud"));
        }
    }

    private static ExternalCluster learner(Path joinFile) {
        JoinFile join = JoinFile.read(joinFile);
        return ExternalCluster.connect(join.bootstrapServers(), joinFile, ClusterListener.SILENT, new Namespace(join.prefix()));
    }

    @Test
    void twoLearnersTakeLessonsOneAndTwoAtTheSameTimeEachInTheirOwnNamespace() throws Exception {
        Path roster = Files.writeString(dir.resolve("roster.txt"), "ana\nbob\n");
        Path joins = dir.resolve("joins");
        CommandLineRun created = CommandLineRun.of("class", "create", "--roster", roster.toString(), "--bootstrap-server",
                cluster.bootstrapServers(), "--command-config", admin.toString(), "--out", joins.toString());
        assertThat(created.exitCode()).as(created.err()).isEqualTo(ExitCode.OK);
        Path ana = joins.resolve("join-ana.properties");
        Path bob = joins.resolve("join-bob.properties");

        CompletableFuture<CommandLineRun> anaChecks = CompletableFuture.supplyAsync(
                () -> CommandLineRun.of("check", "--class", ana.toString(), "01", "02"));
        CompletableFuture<CommandLineRun> bobChecks = CompletableFuture.supplyAsync(
                () -> CommandLineRun.of("check", "--class", bob.toString(), "01", "02"));
        for (CommandLineRun run : List.of(anaChecks.get(), bobChecks.get())) {
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
            assertThat(run.out()).contains(" passed, 0 failed").doesNotContain("skipped");
            assertThat(run.out()).as("the learner sees the lesson's names").doesNotContain("ana.", "bob.");
        }

        try (Admin superUser = Admin.create(cluster.clientConfig())) {
            Set<String> topics = superUser.listTopics().names().get();
            assertThat(topics).contains("ana.orders", "ana.page-views", "ana.clicks", "bob.orders", "bob.page-views",
                    "bob.clicks").doesNotContain("orders", "page-views", "clicks");
            assertThat(superUser.listConsumerGroupOffsets("ana.ricardo").partitionsToOffsetAndMetadata().get())
                    .as("lesson 02's groups are ana's own").isNotEmpty();
        }

        JoinFile anaFile = JoinFile.read(ana);
        Map<String, Object> spy = new HashMap<>(anaFile.clientConfig());
        spy.put("group.id", "ana.spy");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(spy, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("bob.orders"));
            assertThatThrownBy(() -> {
                for (int i = 0; i < 50; i++) {
                    consumer.poll(Duration.ofMillis(200));
                }
            }).isInstanceOf(TopicAuthorizationException.class)
                    .satisfies(e -> assertThat(ClassAccess.explain(e, "ana").orElseThrow())
                            .startsWith("Kafka's authorizer refused ana access to topic bob.orders"));
        }
    }
}
