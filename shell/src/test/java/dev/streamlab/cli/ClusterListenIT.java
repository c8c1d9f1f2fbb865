package dev.streamlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlab.classroom.JoinFile;
import dev.streamlab.cluster.Await;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A room's cluster, as an instructor starts it: {@code cluster up --secure --listen 127.0.0.2 --advertise 127.0.0.2} in
 * its own JVM, {@code class create} against it, and a learner who has only their join file. 127.0.0.2 is a loopback
 * address like 127.0.0.1 but a different one, so "the brokers are reached on the advertised address and not on
 * 127.0.0.1" can be checked without any traffic leaving this machine.
 */
class ClusterListenIT {

    private static final String ROOM = "127.0.0.2";

    private static Path tmp;
    private static StreamlabProcess clusterUp;
    private static String bootstrap;
    private static List<Integer> brokerPorts;
    private static Path adminFile;
    private static JoinFile kim;

    @BeforeAll
    static void startTheRoomsClusterAndMakeAClass() throws Exception {
        tmp = Files.createTempDirectory("streamlab-it-");
        adminFile = tmp.resolve("admin.properties");
        clusterUp = StreamlabProcess.start(
                List.of(),
                "768m",
                tmp,
                "cluster",
                "up",
                "--secure",
                "--listen",
                ROOM,
                "--advertise",
                ROOM,
                "--brokers",
                "2",
                "--admin-config",
                adminFile.toString());
        clusterUp.awaitErr("Press Ctrl-C to stop.", Duration.ofSeconds(120));
        bootstrap = clusterUp.firstOut(Duration.ofSeconds(5));
        brokerPorts = List.of(bootstrap.split(",")).stream()
                .map(a -> Integer.parseInt(a.substring(a.indexOf(':') + 1)))
                .toList();

        Path roster = Files.writeString(tmp.resolve("roster.txt"), "kim\nlou\n");
        CommandLineRun created = CommandLineRun.of(
                "class",
                "create",
                "--roster",
                roster.toString(),
                "--bootstrap-server",
                bootstrap,
                "--command-config",
                adminFile.toString(),
                "--out",
                tmp.resolve("joins").toString());
        assertThat(created.exitCode()).as(created.err()).isEqualTo(ExitCode.OK);
        kim = JoinFile.read(tmp.resolve("joins").resolve("join-kim.properties"));
    }

    @AfterAll
    static void ctrlCStopsTheClusterAndRemovesItsKeyStore() throws Exception {
        try {
            if (clusterUp != null && clusterUp.isAlive()) {
                assertThat(clusterUp.interrupt(Duration.ofSeconds(60)))
                        .as("cluster up stops on Ctrl-C")
                        .isTrue();
                try (var left = Files.list(tmp)) {
                    assertThat(left.map(p -> p.getFileName().toString()))
                            .noneMatch(n -> n.startsWith("streamlab-cluster-"));
                }
            }
        } finally {
            if (clusterUp != null) {
                clusterUp.close();
            }
            try (var paths = Files.walk(tmp)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void theOutputNamesTheAdvertisedAddressAndWarnsWhatIsExposed() throws IOException {
        assertThat(bootstrap).matches("127\\.0\\.0\\.2:\\d+,127\\.0\\.0\\.2:\\d+");
        assertThat(clusterUp.stderr()).anyMatch(l -> l.contains("brokers listen on 127.0.0.2 and advertise 127.0.0.2"));
        assertThat(clusterUp.stderr())
                .filteredOn(l -> l.startsWith("Warning:"))
                .satisfiesExactly(
                        l -> assertThat(l)
                                .contains(bootstrap, "take connections from any machine on the network of 127.0.0.2"),
                        l -> assertThat(l).contains(adminFile + " lets whoever holds it do anything on this cluster"),
                        l -> assertThat(l).contains("traffic is encrypted (TLS"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(adminFile)))
                .isEqualTo("rw-------");
    }

    @Test
    void theJoinFileNamesTheAdvertisedAddressAndCarriesTheCertificate() {
        assertThat(kim.bootstrapServers()).isEqualTo(bootstrap);
        assertThat(kim.clientConfig())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.type", "PEM")
                .hasEntrySatisfying(
                        "ssl.truststore.certificates",
                        pem -> assertThat(pem.toString())
                                .startsWith("-----BEGIN CERTIFICATE-----")
                                .endsWith("-----END CERTIFICATE-----"));
    }

    @Test
    void aLearnerWithOnlyTheJoinFileProducesAndConsumesThroughTheAdvertisedAddress() throws Exception {
        try (Admin admin = Admin.create(kim.clientConfig())) {
            List<Node> nodes = List.copyOf(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS));
            assertThat(nodes).extracting(Node::host).containsOnly(ROOM);
            assertThat(nodes).extracting(Node::port).containsExactlyInAnyOrderElementsOf(brokerPorts);
            // Two replicas: the brokers copy the topic to each other over the same TLS listener.
            admin.createTopics(List.of(new NewTopic("kim.greetings", 2, (short) 2)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> producerConfig = new HashMap<>(kim.clientConfig());
        producerConfig.put("acks", "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>("kim.greetings", "k" + i, "hello " + i))
                        .get(30, TimeUnit.SECONDS);
            }
        }
        Map<String, Object> consumerConfig = new HashMap<>(kim.clientConfig());
        consumerConfig.put("group.id", "kim.readers");
        consumerConfig.put("auto.offset.reset", "earliest");
        List<String> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("kim.greetings"));
            Await.until(
                    Duration.ofSeconds(60),
                    () -> {
                        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                            read.add(r.value());
                        }
                        return read.size() >= 3 ? Optional.of(true) : Optional.empty();
                    },
                    "kim read " + read + " of 3 records");
        }
        assertThat(read).containsExactlyInAnyOrder("hello 0", "hello 1", "hello 2");
    }

    @Test
    void aLearnersLessonPassesWithTheJoinFile() {
        // The notebook's own clients, in the learner's code JVM, over TLS with the certificate from the join file.
        CommandLineRun run = CommandLineRun.of(
                "check",
                "--class",
                tmp.resolve("joins").resolve("join-lou.properties").toString(),
                "01");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out().lines()).anyMatch(l -> l.matches("[1-9]\\d* passed, 0 failed.*"));
    }

    @Test
    void theBrokersDoNotListenOn127001() throws Exception {
        for (int port : brokerPorts) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000))
                        .isInstanceOf(ConnectException.class);
            }
        }
        // What the kernel says the cluster's JVM listens on: the brokers on 127.0.0.2, the controller on 127.0.0.1
        // only.
        Set<String> listening = listeningAddresses(clusterUp.pid());
        Set<String> brokers =
                listening.stream().filter(a -> brokerPorts.contains(port(a))).collect(Collectors.toSet());
        assertThat(brokers)
                .containsExactlyInAnyOrderElementsOf(
                        brokerPorts.stream().map(p -> ROOM + ":" + p).toList());
        assertThat(listening)
                .filteredOn(a -> !brokerPorts.contains(port(a)))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a).startsWith("127.0.0.1:"));
    }

    @Test
    void aClientWithoutTlsGetsNothingEvenWithTheRightPassword() {
        Map<String, Object> plaintext = new HashMap<>(kim.clientConfig());
        plaintext.keySet().removeIf(k -> k.startsWith("ssl."));
        plaintext.put("security.protocol", "SASL_PLAINTEXT");
        try (Admin admin = Admin.create(plaintext)) {
            assertThatThrownBy(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
                            .nodes()
                            .get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    @Test
    void aLearnerTalksToNoImpostorEvenOneWithAValidCertificateForItsAddress() throws Exception {
        // Someone in the room answers in the brokers' place (a spoofed address): a TLS server on 127.0.0.3 with a
        // certificate of its own that is valid for 127.0.0.3. The join file trusts the cluster's certificate only,
        // so kim's client ends the handshake, and not one byte of kim's requests (SASL, Kafka) reaches the impostor.
        try (Impostor impostor = Impostor.start(tmp, "127.0.0.3")) {
            Map<String, Object> misled = new HashMap<>(kim.clientConfig());
            misled.put("bootstrap.servers", "127.0.0.3:" + impostor.port());
            try (Admin admin = Admin.create(misled)) {
                assertThatThrownBy(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(10_000))
                                .nodes()
                                .get(30, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(SslAuthenticationException.class);
            }
            // The impostor's thread counts the handshake once it has read the client's alert, which may come after the
            // client has given up: wait for it.
            org.awaitility.Awaitility.await("the client reaching the impostor")
                    .atMost(java.time.Duration.ofSeconds(15))
                    .until(() -> impostor.handshakes() > 0);
            assertThat(impostor.bytesReceived())
                    .as("bytes of kim's requests the impostor read")
                    .isZero();
        }
    }

    /** A TLS server with its own key pair, made by keytool, that counts handshakes and the bytes read after them. */
    private static final class Impostor implements AutoCloseable {
        private final javax.net.ssl.SSLServerSocket server;
        private final java.util.concurrent.atomic.AtomicInteger handshakes =
                new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();

        private Impostor(javax.net.ssl.SSLServerSocket server) {
            this.server = server;
            Thread accepting = new Thread(this::serve, "impostor");
            accepting.setDaemon(true);
            accepting.start();
        }

        static Impostor start(Path dir, String address) throws Exception {
            Path store = dir.resolve("impostor.p12");
            String password = "impostor-password";
            Process keytool = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "keytool")
                                    .toString(),
                            "-genkeypair",
                            "-noprompt",
                            "-keystore",
                            store.toString(),
                            "-storetype",
                            "PKCS12",
                            "-storepass",
                            password,
                            "-alias",
                            "impostor",
                            "-keyalg",
                            "EC",
                            "-groupname",
                            "secp256r1",
                            "-dname",
                            "CN=streamlab class cluster",
                            "-ext",
                            "SAN=ip:" + address)
                    .redirectErrorStream(true)
                    .start();
            keytool.getOutputStream().close();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(keytool.exitValue()).as(output).isZero();
            java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password.toCharArray());
            }
            javax.net.ssl.KeyManagerFactory factory =
                    javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, password.toCharArray());
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            javax.net.ssl.SSLServerSocket server = (javax.net.ssl.SSLServerSocket)
                    context.getServerSocketFactory().createServerSocket(0, 50, java.net.InetAddress.getByName(address));
            return new Impostor(server);
        }

        private void serve() {
            while (!server.isClosed()) {
                try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) server.accept()) {
                    socket.setSoTimeout(5_000);
                    socket.startHandshake();
                    handshakes.incrementAndGet();
                    byte[] buffer = new byte[4096];
                    for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                        bytes.addAndGet(n);
                    }
                } catch (javax.net.ssl.SSLException refusedByTheClient) {
                    // The client sends its alert during or right after the handshake: what this test expects.
                    handshakes.incrementAndGet();
                } catch (IOException closedOrTimedOut) {
                    // the server closed, or the client went quiet
                }
            }
        }

        int port() {
            return server.getLocalPort();
        }

        int handshakes() {
            return handshakes.get();
        }

        long bytesReceived() {
            return bytes.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private static final Pattern LOCAL_ADDRESS = Pattern.compile("(?:\\[::ffff:)?([0-9.]+)\\]?:(\\d+)");

    /** The TCP addresses process {@code pid} listens on, from {@code ss -ltnpH}, as IPv4 {@code address:port}. */
    private static Set<String> listeningAddresses(long pid) throws Exception {
        Process ss =
                new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
        String output = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ss.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Set<String> addresses = new java.util.TreeSet<>();
        for (String line :
                output.lines().filter(l -> l.contains("pid=" + pid + ",")).toList()) {
            String local = line.trim().split("\\s+")[3];
            Matcher m = LOCAL_ADDRESS.matcher(local);
            assertThat(m.matches()).as("an IPv4 listening address: " + line).isTrue();
            addresses.add(m.group(1) + ":" + m.group(2));
        }
        return addresses;
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }
}
