package dev.streamlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamlab.classroom.AdminConfigFile;
import dev.streamlab.classroom.ClassView;
import dev.streamlab.classroom.ClassWatch;
import dev.streamlab.classroom.JoinFile;
import dev.streamlab.classroom.ProgressEvent;
import dev.streamlab.cluster.Await;
import dev.streamlab.cluster.ClusterSecurity;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.cluster.ExternalCluster;
import dev.streamlab.notebook.ClassPublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One class, one join file: on a secure cluster streamlab starts, the instructor's {@code class create} gives each
 * learner a progress topic only they may write; a learner's {@code check --class} shows in the instructor's view read
 * from that cluster; and a learner who tries to publish as a classmate is refused by Kafka's authorizer, or, writing a
 * classmate's name into their own topic, never shows as that classmate.
 */
class ClassProgressIT {

    private static EmbeddedCluster cluster;
    private static Path admin;
    private static Map<String, Object> adminConfig;
    private static ClassWatch watch;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startAClass() throws Exception {
        cluster = EmbeddedCluster.builder()
                .brokers(1)
                .secure(ClusterSecurity.generate())
                .start();
        admin = AdminConfigFile.write(
                dir.resolve("admin.properties"),
                cluster.bootstrapServers(),
                cluster.security().orElseThrow());
        Files.writeString(dir.resolve("roster.txt"), "ana\nbob\n");
        CommandLineRun create = CommandLineRun.of(
                "class",
                "create",
                "--roster",
                dir.resolve("roster.txt").toString(),
                "--bootstrap-server",
                cluster.bootstrapServers(),
                "--command-config",
                admin.toString(),
                "--out",
                dir.toString());
        assertThat(create.exitCode()).as(create.err()).isZero();
        adminConfig = new HashMap<>(ExternalCluster.readClientProperties(admin));
        adminConfig.put("bootstrap.servers", cluster.bootstrapServers());
        watch = ClassWatch.startOnClassCluster(
                adminConfig, ClassWatch.Page.loopback(0), ClassView.StuckRule.DEFAULT, Clock.systemUTC());
        watch.awaitRunning(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopAll() {
        if (watch != null) {
            watch.close();
        }
        cluster.close();
    }

    private static JoinFile join(String learner) {
        return JoinFile.read(dir.resolve(JoinFile.fileName(learner)));
    }

    private static ClassView.Learner awaitLearner(String name, java.util.function.Predicate<ClassView.Learner> done) {
        return Await.until(
                Duration.ofSeconds(60),
                () -> Optional.ofNullable(watch.view().learner(name)).filter(done),
                name + " does not show in the class view as expected: " + watch.view());
    }

    @Test
    void aLearnersCheckWithTheirJoinFileShowsInTheInstructorsView() {
        CommandLineRun run = CommandLineRun.of(
                "check", "--class", dir.resolve("join-ana.properties").toString(), "00");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        ClassView.Learner ana = awaitLearner("ana", l -> l.finished().contains("00-welcome"));
        assertThat(ana.lesson()).isEqualTo("00-welcome");
    }

    @Test
    void aScoreFromGradeWithAJoinFileShowsAsThatLearners() throws Exception {
        try (ClassPublisher bob = ClassPublisher.start(join("bob"), warning -> {})) {
            bob.labGraded("03", 9, 12);
        }
        assertThat(awaitLearner("bob", l -> l.labs().containsKey("03")).labs()).containsEntry("03", "9/12");
    }

    @Test
    void aLearnerCannotPublishIntoAClassmatesProgressTopicNorChangeOrDeleteIt() throws Exception {
        JoinFile ana = join("ana");
        byte[] forged = event("bob", ProgressEvent.LESSON_FINISHED, "05-stream-processing");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                ana.clientConfig(),
                new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(ProgressEvent.topicOf("bob"), "bob", forged))
                            .get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (Admin anaAdmin = Admin.create(ana.clientConfig())) {
            ConfigResource bobs = new ConfigResource(ConfigResource.Type.TOPIC, ProgressEvent.topicOf("bob"));
            ConfigResource own = new ConfigResource(ConfigResource.Type.TOPIC, ProgressEvent.topicOf("ana"));
            for (ConfigResource topic : List.of(bobs, own)) {
                assertThatThrownBy(() -> anaAdmin.deleteTopics(List.of(topic.name()))
                                .all()
                                .get(30, TimeUnit.SECONDS))
                        .as("deleting " + topic.name())
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
                assertThatThrownBy(() -> anaAdmin.incrementalAlterConfigs(Map.of(
                                        topic,
                                        List.of(new AlterConfigOp(
                                                new ConfigEntry("retention.ms", "1"), AlterConfigOp.OpType.SET))))
                                .all()
                                .get(30, TimeUnit.SECONDS))
                        .as("changing " + topic.name())
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    @Test
    void anEventInAClassmatesNameWrittenToOnesOwnTopicIsLeftOutOfTheView() throws Exception {
        long rejectedBefore = watch.view().rejected();
        JoinFile ana = join("ana");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                ana.clientConfig(),
                new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            ProgressEvent.topicOf("ana"), "carl", event("carl", ProgressEvent.LAB_GRADED, "05")))
                    .get(30, TimeUnit.SECONDS);
        }
        Await.until(
                Duration.ofSeconds(60),
                () -> watch.view().rejected() > rejectedBefore ? Optional.of(true) : Optional.empty(),
                "the forged event was not seen by the view");
        assertThat(watch.view().learner("carl"))
                .as("a name ana wrote into her own topic")
                .isNull();
    }

    @Test
    void aWatchWithALearnersSettingsInsteadOfTheAdminsIsRefusedBeforeItShowsAnEmptyClass() {
        assertThatThrownBy(() -> ClassWatch.startOnClassCluster(
                        new HashMap<>(join("ana").clientConfig()),
                        ClassWatch.Page.loopback(0),
                        ClassView.StuckRule.DEFAULT,
                        Clock.systemUTC()))
                .isInstanceOf(dev.streamlab.cluster.ClusterException.class)
                .hasMessageContaining(
                        "are not an admin's of " + cluster.bootstrapServers() + " (a learner's join file?)");
    }

    @Test
    void theWatchCommandNamesOneClassAndSaysWhatAPlainServerDoesNotCheck() {
        CommandLineRun neither = CommandLineRun.of("class", "watch");
        assertThat(neither.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(neither.err())
                .contains("Name the class's cluster with --bootstrap-server HOST:PORT --command-config FILE");
        CommandLineRun noConfig = CommandLineRun.of("class", "watch", "--bootstrap-server", cluster.bootstrapServers());
        assertThat(noConfig.err()).contains("--bootstrap-server needs your admin settings for that cluster");
        CommandLineRun both = CommandLineRun.of(
                "learn",
                "--class",
                dir.resolve("join-ana.properties").toString(),
                "--class-server",
                "localhost:9092",
                "--learner",
                "ana",
                "01");
        assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(both.err()).contains("Your join file (--class) already sends your progress to your class, as ana");
    }

    @Test
    void aPageServedBeyondThisMachinesOwnAddressAnswersOnlyWithTheSecretInItsAddress() throws Exception {
        java.net.InetAddress other = java.net.InetAddress.getByName("127.0.0.2");
        try (ClassWatch shared = ClassWatch.startOnClassCluster(
                adminConfig, ClassWatch.Page.on(other, 0), ClassView.StuckRule.DEFAULT, Clock.systemUTC())) {
            String url = shared.url();
            assertThat(url).matches("http://127\\.0\\.0\\.2:\\d+/[A-Za-z0-9]{32}/");
            String root = url.replaceFirst("/[A-Za-z0-9]{32}/$", "/");
            var http = java.net.http.HttpClient.newHttpClient();
            for (String path : List.of("", "view.json", "class.csv", "events", "x" + url.substring(root.length()))) {
                assertThat(get(http, root + path).statusCode())
                        .as("without the secret: /" + path)
                        .isEqualTo(404);
            }
            assertThat(get(http, url).statusCode()).isEqualTo(200);
            assertThat(get(http, url + "view.json").body()).contains("\"learners\"");
        }
    }

    private static java.net.http.HttpResponse<String> get(java.net.http.HttpClient http, String url) throws Exception {
        return http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] event(String learner, String type, String lesson) throws Exception {
        boolean lab = type.equals(ProgressEvent.LAB_GRADED);
        return new ObjectMapper()
                .writeValueAsBytes(new ProgressEvent(
                        ProgressEvent.VERSION,
                        learner,
                        "forged-session",
                        0,
                        System.currentTimeMillis(),
                        type,
                        lesson,
                        null,
                        null,
                        null,
                        lab ? 12 : null,
                        lab ? 12 : null));
    }
}
