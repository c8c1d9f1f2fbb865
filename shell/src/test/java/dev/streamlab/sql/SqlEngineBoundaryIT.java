package dev.streamlab.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.files.OtherUser;
import dev.streamlab.files.OtherUser.Run;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The SQL engine's ports as an attacker on the same machine meets them: another Unix user who scans loopback finds
 * every port the engine listens on, and none answers without the engine's certificate, which that user cannot read.
 * The learner's own client (the keystore) gets in. Statements that would load code or reach files are refused with
 * one sentence, and in a class every way of naming a topic (ALTER TABLE, a hint) stays inside the learner's prefix.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SqlEngineBoundaryIT {

    private static final String PREFIX = "ana.";
    private static final SqlEngine.Watcher NOBODY = new SqlEngine.Watcher() {};

    private static EmbeddedCluster cluster;
    private static SqlEngine engine;

    @BeforeAll
    static void start() throws Exception {
        cluster = EmbeddedCluster.builder().brokers(1).start();
        try (Admin admin = Admin.create(cluster.clientConfig())) {
            admin.createTopics(List.of(
                            new NewTopic(PREFIX + "altered", 1, (short) 1),
                            new NewTopic(PREFIX + "hinted", 1, (short) 1),
                            new NewTopic(PREFIX + "declared", 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        engine = SqlEngine.start(SqlEngine.Settings.of(cluster.clientConfig(), PREFIX), line -> {});
        System.out.printf(
                "SQL engine ready in %d ms; its keystore ready %d ms after its JVM started, which waited %d ms for it%n",
                engine.readyIn().toMillis(),
                engine.keysReadyIn().toMillis(),
                engine.waitedForKeys().toMillis());
        // A job with an exchange between tasks, so that every port the engine ever opens (a data plane included) is
        // open.
        SqlOutcome grouped = engine.execute(
                "SELECT v, COUNT(*) AS n FROM (VALUES ('a'), ('b'), ('a')) AS t(v) GROUP BY v", 0, null, NOBODY);
        assertThat(grouped).isInstanceOf(SqlOutcome.Rows.class);
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void anotherUserFindsEveryPortAndNoneAnswersWithoutTheCertificateWhichThatUserCannotRead() throws Exception {
        String other = OtherUser.require("the SQL engine");
        Set<Integer> ports = listeningPorts(engine.pid());
        assertThat(ports)
                .as("the engine's listening ports: the gateway, Flink's REST, the blob server")
                .hasSizeGreaterThanOrEqualTo(3)
                .contains(URI.create(engine.gatewayUrl()).getPort());
        for (int port : ports) {
            String url = "https://127.0.0.1:" + port + "/v3/info";
            Run curl = OtherUser.runAs(other, "curl", "-sk", "-m", "10", "-o", "-", "-w", "\nHTTP %{http_code}", url);
            assertThat(curl.output())
                    .as(url + " as " + other)
                    .endsWith("HTTP 000")
                    .doesNotContain("Flink");
            assertThat(curl.exit()).as("curl's exit for " + url).isNotZero();
            // Plain HTTP gets at most Flink's redirect to https, never an answer.
            Run plain = OtherUser.runAs(
                    other,
                    "curl",
                    "-s",
                    "-m",
                    "10",
                    "-o",
                    "-",
                    "-w",
                    "\nHTTP %{http_code}",
                    "http://127.0.0.1:" + port + "/v3/info");
            assertThat(plain.output())
                    .as("plain HTTP to " + port + " as " + other)
                    .doesNotContain("Flink")
                    .doesNotContain("HTTP 2");
        }
        Path keystore = engine.keystore().file();
        assertThat(OtherUser.runAs(other, "cat", keystore.toString()).exit())
                .as(other + " reads the keystore")
                .isNotZero();
        assertThat(OtherUser.runAs(other, "ls", keystore.getParent().toString()).exit())
                .as(other + " lists the engine's folder")
                .isNotZero();
        assertThat(Files.getPosixFilePermissions(keystore))
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }

    @Test
    void aCertificateOfTheAttackersOwnMakingIsRefusedToo() throws Exception {
        // The truststore holds the engine's certificate alone: any other key pair, self-signed, gets nothing.
        Path folder = Files.createTempDirectory("streamlab-attacker-");
        try {
            EngineKeystore forged = EngineKeystore.make(folder).await();
            for (int port : listeningPorts(engine.pid())) {
                assertThat(probe(forged.sslContext(), port))
                        .as("port " + port + " with a forged certificate")
                        .isEqualTo("refused");
            }
        } finally {
            dev.streamlab.files.FileTrees.deleteQuietly(folder);
        }
    }

    @Test
    void theLearnersOwnCertificateGetsIntoEveryPortAndTheGatewayAnswers() throws Exception {
        for (int port : listeningPorts(engine.pid())) {
            assertThat(probe(engine.keystore().sslContext(), port))
                    .as("port " + port + " with the learner's certificate")
                    .isEqualTo("accepted");
        }
        HttpClient http = HttpClient.newBuilder()
                .sslContext(engine.keystore().sslContext())
                .build();
        HttpResponse<String> info = http.send(
                HttpRequest.newBuilder(URI.create(engine.gatewayUrl() + "/v3/info"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("Apache Flink");
        assertThat(Files.readString(engine.keystore().certificate())).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void curlGetsInWithTheSessionsSettingsFileAndThePasswordIsNeverOnItsCommandLine() throws Exception {
        Map<String, String> properties = Map.of(
                dev.streamlab.learner.Kafka.SQL_GATEWAY_PROPERTY, engine.gatewayUrl(),
                dev.streamlab.learner.Kafka.SQL_KEYSTORE_PROPERTY,
                        engine.keystore().file().toString(),
                dev.streamlab.learner.Kafka.SQL_KEYSTORE_PASSWORD_PROPERTY,
                        engine.keystore().password(),
                dev.streamlab.learner.Kafka.SQL_CERTIFICATE_PROPERTY,
                        engine.keystore().certificate().toString());
        properties.forEach(System::setProperty);
        try {
            String options = dev.streamlab.learner.Kafka.sqlGatewayCurl();
            assertThat(options)
                    .startsWith("--config ")
                    .doesNotContain(engine.keystore().password());
            Path config = Path.of(options.substring("--config ".length()));
            assertThat(Files.getPosixFilePermissions(config))
                    .extracting(Object::toString)
                    .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
            List<String> curl = new ArrayList<>(List.of("curl", "-s", "-m", "20"));
            curl.addAll(List.of(options.split(" ")));
            curl.add(engine.gatewayUrl() + "/v3/info");
            OtherUser.Run answer = OtherUser.run(curl);
            assertThat(answer.output()).as("curl " + options).contains("Apache Flink");
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void statementsThatLoadCodeOrReachFilesAreRefusedWithOneSentence() {
        assertThat(engine.execute("ADD JAR '/tmp/evil.jar'", 0, null, NOBODY))
                .isEqualTo(
                        new SqlOutcome.Failed(
                                "ADD JAR and REMOVE JAR are not run here: the engine runs Flink's own functions and connectors only."));
        assertThat(engine.execute(
                        "CREATE TEMPORARY SYSTEM FUNCTION evil AS 'com.example.Evil' USING JAR '/tmp/evil.jar'",
                        0,
                        null,
                        NOBODY))
                .isEqualTo(
                        new SqlOutcome.Failed(
                                "CREATE FUNCTION ... USING JAR is not run here: a function's class must be one the engine has already."));
        assertThat(engine.execute("CREATE FUNCTION evil AS 'com.example.Evil'", 0, null, NOBODY))
                .isEqualTo(
                        new SqlOutcome.Failed(
                                "There is no class com.example.Evil in the engine: a function's class must be one it has already."));
        String noFiles = "The connector 'filesystem' is not available here: a table reads or writes Kafka ('kafka', "
                + "'upsert-kafka'), or is 'datagen', 'print' or 'blackhole'.";
        assertThat(engine.execute(
                        "CREATE TABLE secrets (line STRING) WITH ('connector' = 'filesystem', 'path' = '/etc', "
                                + "'format' = 'raw')",
                        0,
                        null,
                        NOBODY))
                .isEqualTo(new SqlOutcome.Failed(noFiles));
        assertThat(engine.execute("SET 'pipeline.jars' = 'file:///tmp/evil.jar'", 0, null, NOBODY))
                .isInstanceOf(SqlOutcome.Failed.class);

        // A table made harmless and turned into a file table afterwards, or by a hint, is refused where Flink makes it.
        assertThat(engine.execute(
                        "CREATE TABLE later (line STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '1')",
                        0,
                        null,
                        NOBODY))
                .isEqualTo(new SqlOutcome.Done("Table later created."));
        assertThat(engine.execute(
                        "SELECT * FROM later /*+ OPTIONS('connector' = 'filesystem', 'path' = '/etc', 'format' = 'raw') */",
                        0,
                        null,
                        NOBODY))
                .isEqualTo(new SqlOutcome.Failed(noFiles));
        assertThat(engine.execute(
                        "ALTER TABLE later SET ('connector' = 'filesystem', 'path' = '/etc', 'format' = 'raw')",
                        0,
                        null,
                        NOBODY))
                .isInstanceOf(SqlOutcome.Done.class);
        assertThat(engine.execute("SELECT * FROM later", 0, null, NOBODY)).isEqualTo(new SqlOutcome.Failed(noFiles));
    }

    @Test
    void theGatewaysSessionsHaveTheSameDoorForTables() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .sslContext(engine.keystore().sslContext())
                .build();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.function.BiFunction<String, String, com.fasterxml.jackson.databind.JsonNode> call = (path, body) -> {
            var request = HttpRequest.newBuilder(URI.create(engine.gatewayUrl() + path))
                    .header("Content-Type", "application/json");
            try {
                return json.readTree(http.send(
                                body == null
                                        ? request.GET().build()
                                        : request.POST(HttpRequest.BodyPublishers.ofString(body))
                                                .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        String session = call.apply("/v3/sessions", "{}").get("sessionHandle").asText();
        java.util.function.Function<String, String> submit = sql -> call.apply(
                        "/v3/sessions/" + session + "/statements",
                        json.createObjectNode().put("statement", sql).toString())
                .get("operationHandle")
                .asText();
        submit.apply(
                "CREATE TEMPORARY TABLE secrets (line STRING) WITH ('connector' = 'filesystem', 'path' = '/etc', 'format' = 'raw')");
        String select = submit.apply("SELECT * FROM secrets");
        String said = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            var result =
                                    call.apply("/v3/sessions/" + session + "/operations/" + select + "/result/0", null);
                            return result.has("errors")
                                    ? result.get("errors").toString()
                                    : result.path("resultType").asText().equals("NOT_READY") ? null : result.toString();
                        },
                        java.util.Objects::nonNull);
        assertThat(said).contains("The connector 'filesystem' is not available here");
    }

    @Test
    void inAClassAnAlteredTopicAndAHintedTopicStayInsideTheLearnersPrefix() throws Exception {
        assertThat(engine.execute(
                        "CREATE TABLE notes (v STRING) WITH ('connector' = 'kafka', 'topic' = 'declared', "
                                + "'format' = 'json')",
                        0,
                        null,
                        NOBODY))
                .isEqualTo(new SqlOutcome.Done("Table notes created."));
        assertThat(engine.execute("ALTER TABLE notes SET ('topic' = 'altered')", 0, null, NOBODY))
                .isInstanceOf(SqlOutcome.Done.class);
        assertThat(engine.execute("INSERT INTO notes VALUES ('after alter')", 0, null, NOBODY))
                .isInstanceOf(SqlOutcome.Job.class);
        assertThat(readOne(PREFIX + "altered")).contains("after alter");
        // Only after the first job wrote: an INSERT INTO the same table replaces a job of that name still running.
        assertThat(engine.execute(
                        "INSERT INTO notes /*+ OPTIONS('topic' = 'hinted') */ VALUES ('by hint')", 0, null, NOBODY))
                .isInstanceOf(SqlOutcome.Job.class);
        assertThat(readOne(PREFIX + "hinted")).contains("by hint");
        try (Admin admin = Admin.create(cluster.clientConfig())) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain("altered", "hinted");
        }
    }

    private static String readOne(String topic) {
        Map<String, Object> config = new java.util.HashMap<>(cluster.clientConfig());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            var partition = new org.apache.kafka.common.TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<String> values = new ArrayList<>();
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                    return !values.isEmpty();
                });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                fail("No record in " + topic + ". The engine's jobs: " + engine.jobs() + "; its log ends:\n"
                        + engineLogTail());
            }
            return values.get(0);
        }
    }

    private static String engineLogTail() {
        try {
            List<String> lines = Files.readAllLines(engine.keystore().file().resolveSibling("engine.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * A TLS handshake with this context, then a wait for the server's first word: a port that took the certificate
     * waits for the client's request (silence: "accepted"); one that did not ends the connection with an alert (TLS 1.3
     * refuses a client's certificate right after the client's side of the handshake: "refused").
     */
    private static String probe(SSLContext context, int port) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(2000);
            socket.startHandshake();
            return socket.getInputStream().read() < 0 ? "refused" : "accepted";
        } catch (SocketTimeoutException e) {
            return "accepted";
        } catch (javax.net.ssl.SSLException | java.net.SocketException e) {
            return "refused";
        }
    }

    /** The TCP ports a process listens on, from /proc: its socket inodes against the kernel's listening table. */
    private static Set<Integer> listeningPorts(long pid) throws IOException {
        Set<String> inodes = new java.util.HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed meanwhile
                }
            });
        }
        Set<Integer> ports = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.strip().split("\\s+");
                if (f.length > 9 && f[3].equals("0A") && inodes.contains(f[9])) {
                    String local = f[1];
                    ports.add(Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }
}
