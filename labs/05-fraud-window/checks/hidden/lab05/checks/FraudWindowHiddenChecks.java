package lab05.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import dev.streamlab.grading.check.Hint;
import dev.streamlab.grading.check.LearnerCode;
import dev.streamlab.grading.check.Points;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checks the grader adds. */
class FraudWindowHiddenChecks {

    @RegisterExtension
    static final LearnerCode LEARNER = new LearnerCode();

    @Test
    @DisplayName("attempts in two different windows are not added up, while 4 in one window are flagged")
    @Points(3)
    @Hint("Windows are tumbling: 5 minutes each, one after the other, no overlap. Use TimeWindows.ofSizeWithNoGrace(Duration.ofMinutes(5)).")
    void windowsAreSeparate(Random random) throws Exception {
        String card = FraudWindowDriver.card(random);
        Instant first = FraudWindowDriver.windowStart(random);
        Instant second = first.plusSeconds(300);
        try (FraudWindowDriver driver = new FraudWindowDriver(LEARNER)) {
            // Three at the end of one window, three at the start of the next: six within 5 minutes, but never four in one window.
            for (int i = 0; i < 3; i++) {
                driver.attempt(card, first.plusSeconds(240 + i * 10L + random.nextInt(5)));
            }
            for (int i = 0; i < 3; i++) {
                driver.attempt(card, second.plusSeconds(i * 10L + random.nextInt(5)));
            }
            String busy = FraudWindowDriver.card(random);
            for (int i = 0; i < 4; i++) {
                driver.attempt(busy, second.plusSeconds(40 + i * 10L));
            }
            List<KeyValue<String, Long>> flagged = driver.flagged();
            assertEquals(List.of(KeyValue.pair(busy, 4L)), flagged, "Card " + card + " had 3 attempts in each of two windows and"
                    + " should not be flagged; card " + busy + " had 4 in one window and should be, once, with 4.");
        }
    }

    @Test
    @DisplayName("many cards over several windows: exactly the right cards are flagged, with the right counts")
    @Points(4)
    @Hint("Count per card and per window; every card is counted on its own. The key of the output is the card number, not the window.")
    void manyCards(Random random) throws Exception {
        Instant start = FraudWindowDriver.windowStart(random);
        record Attempt(String card, Instant at) { }
        List<Attempt> attempts = new ArrayList<>();
        Map<String, Long> expectedMax = new TreeMap<>();
        for (int c = 0; c < 12; c++) {
            String card = FraudWindowDriver.card(random);
            for (int w = 0; w < 3; w++) {
                // The first card is always busy in its first window: the right answer is never "nothing".
                int count = c == 0 && w == 0 ? 4 + random.nextInt(3) : random.nextInt(7);
                Instant window = start.plusSeconds(300L * w);
                for (int i = 0; i < count; i++) {
                    attempts.add(new Attempt(card, window.plusMillis(random.nextInt(299_000))));
                }
                if (count > 3) {
                    expectedMax.merge(card, (long) count, Math::max);
                }
            }
        }
        attempts.sort(Comparator.comparing(Attempt::at));
        try (FraudWindowDriver driver = new FraudWindowDriver(LEARNER)) {
            attempts.forEach(a -> driver.attempt(a.card(), a.at()));
            Map<String, Long> actualMax = new TreeMap<>();
            Map<String, Long> smallest = new HashMap<>();
            for (KeyValue<String, Long> kv : driver.flagged()) {
                actualMax.merge(kv.key, kv.value, Math::max);
                smallest.merge(kv.key, kv.value, Math::min);
            }
            assertEquals(expectedMax, actualMax, "The highest count per flagged card (card -> attempts in its busiest window).");
            smallest.forEach((card, min) -> assertTrue(min > 3, "Card " + card + " was reported with only " + min + " attempts."));
        }
    }
}
