package dev.streamlab.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * Checks the fraud manifest against a plain computation of the rule over the attempts, written
 * here from the rule's text and not from the generator: read the attempts in file order, keep the
 * stream time (the largest event time seen so far), skip an attempt once the stream time has
 * reached its window's end plus the grace period, count the rest per card and window.
 */
class FraudManifestTest {

    private static final long WINDOW_MS = 5 * 60_000;
    private static final long GRACE_MS = 60_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Attempt(String card, long eventTime) {}

    /** The outcome of the computation: counts per "card window-start", and what arrived too late. */
    private record Outcome(
            Map<String, Integer> flagged, int late, int outOfOrder, Map<Integer, Long> finalStreamTime) {}

    @Test
    void theShippedManifestListsExactlyTheFlaggedCards() throws IOException {
        List<Attempt> attempts = readShippedAttempts();
        JsonNode manifest = JSON.readTree(ShippedDemoDataTest.DEMO_DATA
                .resolve(AuthorizationAttempts.MANIFEST_FILE)
                .toFile());

        assertThat(manifest.get("attempts").asInt()).isEqualTo(attempts.size());
        assertManifestMatches(attempts, manifest, new int[] {1, 2, 3, 4, 5, 6, 7, 8});
    }

    @Test
    void aLargeSetFor100000AttemptsHoldsToItsManifestToo() throws IOException {
        AuthorizationAttempts.DataSet data = AuthorizationAttempts.generate(DemoDataFiles.SEED, 100_000);
        JsonNode manifest = JSON.readTree(DemoDataFiles.manifestText(data.manifest()));

        List<Attempt> attempts = data.attempts().stream()
                .map(a ->
                        new Attempt(a.cardNumber(), Instant.parse(a.timestamp()).toEpochMilli()))
                .toList();

        assertThat(attempts.size()).isGreaterThanOrEqualTo(100_000);
        assertManifestMatches(attempts, manifest, new int[] {1, 6});
    }

    @Test
    void theDataHasOutOfOrderAndLateAttempts() throws IOException {
        Outcome outcome = compute(readShippedAttempts(), 1);

        assertThat(outcome.outOfOrder()).isGreaterThan(20);
        assertThat(outcome.late()).isGreaterThan(2);
    }

    private static void assertManifestMatches(List<Attempt> attempts, JsonNode manifest, int[] partitionCounts) {
        Map<String, Integer> planted = new TreeMap<>();
        for (JsonNode flagged : manifest.get("possible_fraud")) {
            long windowStart =
                    Instant.parse(flagged.get("window_start").asText()).toEpochMilli();
            assertThat(Instant.parse(flagged.get("window_end").asText()).toEpochMilli())
                    .isEqualTo(windowStart + WINDOW_MS);
            planted.put(
                    flagged.get("card_number").asText() + " " + windowStart,
                    flagged.get("attempts").asInt());
        }
        Set<String> nearMisses = new TreeSet<>();
        manifest.get("near_misses")
                .forEach(n -> nearMisses.add(n.get("card_number").asText()));
        Set<String> kinds = new TreeSet<>();
        manifest.get("near_misses").forEach(n -> kinds.add(n.get("kind").asText()));

        assertThat(planted).hasSizeGreaterThanOrEqualTo(10);
        assertThat(kinds).containsExactly("across-window-boundary", "exactly-three", "too-late");
        // However the topic is partitioned, each partition keeps its own stream time: the result must not change.
        for (int partitions : partitionCounts) {
            Outcome outcome = compute(attempts, partitions);
            assertThat(outcome.flagged())
                    .as("flagged with %d partitions", partitions)
                    .isEqualTo(planted);
            assertThat(cardsOf(outcome.flagged().keySet())).doesNotContainAnyElementsOf(nearMisses);
            for (String flagged : planted.keySet()) {
                String card = flagged.split(" ")[0];
                long windowEnd = Long.parseLong(flagged.split(" ")[1]) + WINDOW_MS;
                assertThat(outcome.finalStreamTime().get(partitionOf(card, partitions)))
                        .as("the window of %s closes in the data (%d partitions)", card, partitions)
                        .isGreaterThanOrEqualTo(windowEnd + GRACE_MS);
            }
        }
    }

    private static Outcome compute(List<Attempt> attempts, int partitions) {
        Map<Integer, Long> streamTime = new HashMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        int late = 0;
        int outOfOrder = 0;
        for (Attempt attempt : attempts) {
            int partition = partitionOf(attempt.card(), partitions);
            long before = streamTime.getOrDefault(partition, Long.MIN_VALUE);
            if (attempt.eventTime() < before) {
                outOfOrder++;
            }
            long now = Math.max(before, attempt.eventTime());
            streamTime.put(partition, now);
            long windowStart = attempt.eventTime() - attempt.eventTime() % WINDOW_MS;
            if (windowStart + WINDOW_MS + GRACE_MS <= now) {
                late++;
                continue;
            }
            counts.merge(attempt.card() + " " + windowStart, 1, Integer::sum);
        }
        Map<String, Integer> flagged = counts.entrySet().stream()
                .filter(e -> e.getValue() > 3)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        return new Outcome(flagged, late, outOfOrder, streamTime);
    }

    /** Where Kafka's default partitioner puts a record keyed by the card number. */
    private static int partitionOf(String card, int partitions) {
        return Utils.toPositive(Utils.murmur2(card.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static Set<String> cardsOf(Set<String> flagged) {
        return flagged.stream().map(f -> f.split(" ")[0]).collect(Collectors.toSet());
    }

    private static List<Attempt> readShippedAttempts() throws IOException {
        List<Attempt> attempts = new ArrayList<>();
        for (String line : Files.readAllLines(ShippedDemoDataTest.DEMO_DATA.resolve(AuthorizationAttempts.FILE))) {
            JsonNode attempt = JSON.readTree(line);
            attempts.add(new Attempt(
                    attempt.get("card_number").asText(),
                    Instant.parse(attempt.get("timestamp").asText()).toEpochMilli()));
        }
        return attempts;
    }
}
