package dev.streamlab.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamlab.cluster.Cluster;
import dev.streamlab.tls.SelfSignedKeystore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every Connect worker does, wherever it runs: ingress transforms on a real source connector, a sink that
 * writes a file, and Connect's own message for a bad configuration. Subclasses start the cluster and the worker.
 */
abstract class ConnectWorkerContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    static Cluster cluster;
    static ConnectWorker worker;

    @TempDir
    static Path files;

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void ingressMasksPiiAddsLineageAndTheSinkWritesAFile() throws Exception {
        Path customers = files.resolve("customers.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add(JSON.writeValueAsString(Map.of(
                    "user",
                    "u" + i,
                    "gender",
                    i % 2 == 0 ? "female" : "male",
                    "ip",
                    "10.0." + i + "." + (100 + i),
                    "email",
                    "u" + i + "@example.com")));
        }
        Files.write(customers, lines);

        Map<String, String> source = new HashMap<>();
        source.put("connector.class", DemoDataSourceConnector.class.getName());
        source.put("file", customers.toString());
        source.put("topic", "customers");
        source.put("records.per.second", "1000");
        source.put("key.field", "user");
        source.put("transforms", "dropPii,maskIp,origin");
        source.put("transforms.dropPii.type", "org.apache.kafka.connect.transforms.ReplaceField$Value");
        source.put("transforms.dropPii.exclude", "gender,email");
        source.put("transforms.maskIp.type", MaskIpAddress.class.getName());
        source.put("transforms.origin.type", "org.apache.kafka.connect.transforms.InsertField$Value");
        source.put("transforms.origin.static.field", "origin");
        source.put("transforms.origin.static.value", "crm");
        worker.putConnector("customers-in", source);
        worker.awaitRunning("customers-in", DEADLINE);

        List<Map<String, Object>> records = readValues("customers", 20);
        assertThat(records).hasSize(20).allSatisfy(r -> {
            assertThat(r).containsOnlyKeys("user", "ip", "origin");
            assertThat((String) r.get("ip")).endsWith(".XXX");
            assertThat(r).containsEntry("origin", "crm");
        });

        Path out = files.resolve("out/customers.jsonl");
        worker.putConnector(
                "customers-out",
                Map.of(
                        "connector.class", JsonLinesSinkConnector.class.getName(),
                        "topics", "customers",
                        "file", out.toString()));
        await().atMost(DEADLINE)
                .until(() -> Files.exists(out) && Files.readAllLines(out).size() == 20);
        assertThat(Files.readAllLines(out))
                .allSatisfy(
                        line -> assertThat(line).contains("\"origin\":\"crm\"").doesNotContain("gender"));
    }

    @Test
    void aConnectorWhoseTaskFailsIsReportedAtOnceWithConnectsReason() {
        worker.putConnector(
                "missing-file",
                Map.of(
                        "connector.class", DemoDataSourceConnector.class.getName(),
                        "file", files.resolve("no-such-file.jsonl").toString(),
                        "topic", "missing"));

        // Well inside the deadline: a failed task ends the wait, it does not time out.
        long started = System.nanoTime();
        assertThatThrownBy(() -> worker.awaitRunning("missing-file", Duration.ofSeconds(120)))
                .isInstanceOf(dev.streamlab.cluster.ClusterException.class)
                .hasMessageContaining("Connector 'missing-file' failed")
                .hasMessageContaining("no-such-file.jsonl");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        worker.deleteConnector("missing-file");
    }

    @Test
    void anUnknownTransformGetsConnectsOwnMessageAndTheWorkerGoesOn() {
        Map<String, String> config = Map.of(
                "connector.class", DemoDataSourceConnector.class.getName(),
                "file", "/nowhere.jsonl",
                "topic", "x",
                "transforms", "mask",
                "transforms.mask.type", "org.apache.kafka.connect.transforms.MaskFeld$Value");

        assertThatThrownBy(() -> worker.putConnector("broken", config))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("transforms.mask.type")
                .hasMessageContaining("MaskFeld");
        assertThat(worker.restUrl()).startsWith("https://127.0.0.1:");
    }

    @Test
    void theRestApiAnswersOnlyAClientWithTheWorkersOwnCertificate() throws Exception {
        URI connectors = URI.create(worker.restUrl() + "/connectors");
        HttpResponse<String> mine = worker.restClient()
                .send(HttpRequest.newBuilder(connectors).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).startsWith("[");

        // An attacker who trusts any server, with no certificate, or with one of the same name made by the attacker.
        SelfSignedKeystore forged = SelfSignedKeystore.make(
                files, "forged-" + System.nanoTime() + ".p12", "connect", EmbeddedConnectWorker.REST_SUBJECT);
        for (KeyManager[] keys : java.util.Arrays.asList(null, keyManagers(forged))) {
            SSLContext attacker = SSLContext.getInstance("TLS");
            attacker.init(keys, new TrustManager[] {TRUST_ANYONE}, new SecureRandom());
            HttpClient client = HttpClient.newBuilder().sslContext(attacker).build();
            assertThatThrownBy(() -> client.send(
                            HttpRequest.newBuilder(connectors).build(), HttpResponse.BodyHandlers.ofString()))
                    .as(keys == null ? "no certificate" : "a forged certificate")
                    .isInstanceOf(java.io.IOException.class);
        }
        // Plain HTTP to the same port gets no answer of Connect's.
        URI plain = URI.create(connectors.toString().replaceFirst("^https:", "http:"));
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(plain).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("plain HTTP").isNotEqualTo(200);
            assertThat(answer.body()).doesNotStartWith("[");
        } catch (java.io.IOException refused) {
            // the TLS port closes on a request in the clear
        }
    }

    private static KeyManager[] keyManagers(SelfSignedKeystore keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore.file())) {
            store.load(in, keystore.password().toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, keystore.password().toCharArray());
        return keys.getKeyManagers();
    }

    private static final X509TrustManager TRUST_ANYONE = new X509ExtendedTrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String auth) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String auth) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String auth, java.net.Socket s) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String auth, java.net.Socket s) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String auth, javax.net.ssl.SSLEngine e) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String auth, javax.net.ssl.SSLEngine e) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };

    private static List<Map<String, Object>> readValues(String topic, int count) throws Exception {
        Map<String, Object> config = new HashMap<>(cluster.clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + topic);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Map<String, Object>> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long end = System.nanoTime() + DEADLINE.toNanos();
            while (values.size() < count && System.nanoTime() < end) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(JSON.readValue(record.value(), new TypeReference<Map<String, Object>>() {}));
                }
            }
        }
        return values;
    }
}
