package dev.streamlab.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.streams.AuthorizationAttempt;
import dev.streamlab.streams.FraudRules;
import dev.streamlab.streams.FraudTopology;
import dev.streamlab.streams.JsonSerde;
import dev.streamlab.streams.PossibleFraud;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson 5's own topology, fed the shipped attempts in file order, finds exactly the manifest's cards. */
class FraudTopologyOnDemoDataTest {

    @TempDir
    Path stateDir;

    @Test
    void finalResultsAreExactlyTheManifestsWindows() throws Exception {
        List<PossibleFraud> results = run(FraudRules.fromTheTalk());
        FraudManifest manifest =
                DemoDataFiles.readManifest(ShippedDemoDataTest.DEMO_DATA.resolve(AuthorizationAttempts.MANIFEST_FILE));

        assertThat(results.stream()
                        .map(r -> r.cardNumber() + " " + r.windowStart() + " " + r.attempts())
                        .toList())
                .containsExactlyInAnyOrderElementsOf(manifest.possibleFraud().stream()
                        .map(f -> f.cardNumber() + " " + f.windowStart() + " " + f.attempts())
                        .toList());
    }

    @Test
    void everyUpdateFlagsTheSameCards() throws Exception {
        Set<String> cards = run(FraudRules.fromTheTalk().everyUpdate()).stream()
                .map(PossibleFraud::cardNumber)
                .collect(Collectors.toCollection(TreeSet::new));
        FraudManifest manifest =
                DemoDataFiles.readManifest(ShippedDemoDataTest.DEMO_DATA.resolve(AuthorizationAttempts.MANIFEST_FILE));

        assertThat(cards)
                .isEqualTo(manifest.possibleFraud().stream()
                        .map(FraudManifest.FlaggedWindow::cardNumber)
                        .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void aLongerGraceAlsoFlagsTheTooLateNearMisses() throws Exception {
        Set<String> cards = run(FraudRules.fromTheTalk().withGrace(Duration.ofHours(1))).stream()
                .map(PossibleFraud::cardNumber)
                .collect(Collectors.toSet());
        FraudManifest manifest =
                DemoDataFiles.readManifest(ShippedDemoDataTest.DEMO_DATA.resolve(AuthorizationAttempts.MANIFEST_FILE));

        assertThat(cards)
                .containsAll(manifest.nearMisses().stream()
                        .filter(n -> n.kind().equals("too-late"))
                        .map(FraudManifest.NearMiss::cardNumber)
                        .toList());
    }

    private List<PossibleFraud> run(FraudRules rules) throws Exception {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "demo-data-check");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(FraudTopology.build(rules), props)) {
            var input = driver.createInputTopic(
                    FraudTopology.ATTEMPTS_TOPIC,
                    Serdes.String().serializer(),
                    JsonSerde.of(AuthorizationAttempt.class).serializer(),
                    Instant.EPOCH,
                    Duration.ZERO);
            var output = driver.createOutputTopic(
                    FraudTopology.FRAUD_TOPIC,
                    Serdes.String().deserializer(),
                    JsonSerde.of(PossibleFraud.class).deserializer());
            for (String line : Files.readAllLines(ShippedDemoDataTest.DEMO_DATA.resolve(AuthorizationAttempts.FILE))) {
                AuthorizationAttempt attempt = JsonSerde.of(AuthorizationAttempt.class)
                        .deserializer()
                        .deserialize(
                                FraudTopology.ATTEMPTS_TOPIC, line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                input.pipeInput(attempt.cardNumber(), attempt);
            }
            return output.readValuesToList();
        }
    }
}
