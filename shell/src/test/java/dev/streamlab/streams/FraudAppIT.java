package dev.streamlab.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.cluster.EmbeddedCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fraud detector as a real Kafka Streams application on a real embedded cluster. */
class FraudAppIT {

    private static final Instant NINE = Instant.parse("2026-11-25T09:00:00Z");

    private static EmbeddedCluster cluster;
    private static FraudApp app;

    @BeforeAll
    static void start() {
        cluster = EmbeddedCluster.builder().brokers(1).start();
        app = FraudApp.start(cluster, FraudRules.fromTheTalk(), 0);
        app.awaitRunning(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        app.close();
        cluster.close();
    }

    @Test
    void aQueryPortInUseIsAClearErrorAndLeavesNoStreamThreadBehind() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> FraudApp.start(
                            cluster.clientConfig(),
                            FraudRules.fromTheTalk(),
                            taken.getLocalPort(),
                            "fraud-detector-port-taken"))
                    .hasMessageContaining("Cannot open port " + taken.getLocalPort());
        }
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("fraud-detector-port-taken"));
    }

    @Test
    void onlyTheCardWithMoreThanThreeAttemptsInAWindowIsFraudAndItsCountsCanBeQueried() throws Exception {
        try (KafkaProducer<String, AuthorizationAttempt> producer = new KafkaProducer<>(
                cluster.clientConfig(),
                new StringSerializer(),
                JsonSerde.of(AuthorizationAttempt.class).serializer())) {
            send(producer, "card-fraud", 0, 30, 60, 90, 120); // 5 attempts in 09:00-09:05
            send(producer, "card-ok", 10, 70, 130); // 3 attempts
            send(producer, "card-split", 200, 250, 310, 330); // 2 in one window, 2 in the next
            send(producer, "card-clock", 7 * 60); // 09:07 closes 09:00-09:05 (1 minute grace)
            producer.flush();
        }

        List<PossibleFraud> fraud = readFraud(1, Duration.ofSeconds(30));
        assertThat(fraud).extracting(PossibleFraud::cardNumber).containsExactly("card-fraud");
        assertThat(fraud.get(0).attempts()).isEqualTo(5);

        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(app.queryUrl() + "/cards/card-fraud"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"2026-11-25T09:00:00Z\":5").contains("\"card_number\":\"card-fraud\"");
    }

    private static void send(KafkaProducer<String, AuthorizationAttempt> producer, String card, int... secondsAfterNine)
            throws Exception {
        for (int seconds : secondsAfterNine) {
            AuthorizationAttempt attempt = AuthorizationAttempt.at(card, NINE.plusSeconds(seconds));
            producer.send(new ProducerRecord<>(FraudTopology.ATTEMPTS_TOPIC, card, attempt))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** Reads until {@code expected} results came, then a little longer to make sure nothing else follows. */
    private static List<PossibleFraud> readFraud(int expected, Duration deadline) {
        Map<String, Object> config = new HashMap<>(cluster.clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-fraud-reader");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<PossibleFraud> results = new ArrayList<>();
        try (KafkaConsumer<String, PossibleFraud> consumer = new KafkaConsumer<>(
                config,
                new StringDeserializer(),
                JsonSerde.of(PossibleFraud.class).deserializer())) {
            consumer.subscribe(List.of(FraudTopology.FRAUD_TOPIC));
            long end = System.nanoTime() + deadline.toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(end, quietUntil)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> results.add(r.value()));
                if (results.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return results;
    }
}
