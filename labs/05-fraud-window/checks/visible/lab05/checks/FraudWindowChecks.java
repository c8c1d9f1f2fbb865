package lab05.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import dev.streamlab.grading.check.Hint;
import dev.streamlab.grading.check.LearnerCode;
import dev.streamlab.grading.check.Points;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checks you can run yourself: {@code ./streamlab grade 05 --visible-only}. */
class FraudWindowChecks {

    @RegisterExtension
    static final LearnerCode LEARNER = new LearnerCode();

    @Test
    @DisplayName("a card with 4 attempts in one window is flagged, with its card number and count")
    @Points(3)
    @Hint("Count per card (groupByKey) in 5-minute tumbling windows, keep counts above 3, and write the card number as key and the count as a Long value.")
    void fourAttemptsAreFlagged(Random random) throws Exception {
        String card = FraudWindowDriver.card(random);
        Instant start = FraudWindowDriver.windowStart(random);
        try (FraudWindowDriver driver = new FraudWindowDriver(LEARNER)) {
            for (int i = 0; i < 4; i++) {
                driver.attempt(card, start.plusSeconds(10 + i * 60L + random.nextInt(50)));
            }
            List<KeyValue<String, Long>> flagged = driver.flagged();
            assertEquals(List.of(KeyValue.pair(card, 4L)), flagged,
                    "4 attempts of card " + card + " within 5 minutes should give exactly one record (" + card + ", 4).");
        }
    }

    @Test
    @DisplayName("a card with 3 attempts in one window is not flagged, while one with 4 is")
    @Points(2)
    @Hint("The rule is more than 3 attempts: 3 is still fine. Filter with count > 3.")
    void threeAttemptsAreNotFlagged(Random random) throws Exception {
        String card = FraudWindowDriver.card(random);
        Instant start = FraudWindowDriver.windowStart(random);
        try (FraudWindowDriver driver = new FraudWindowDriver(LEARNER)) {
            String busy = FraudWindowDriver.card(random);
            for (int i = 0; i < 3; i++) {
                driver.attempt(card, start.plusSeconds(5 + i * 90L + random.nextInt(60)));
                driver.attempt(busy, start.plusSeconds(6 + i * 90L + random.nextInt(60)));
            }
            driver.attempt(busy, start.plusSeconds(290));
            List<KeyValue<String, Long>> flagged = driver.flagged();
            assertEquals(List.of(KeyValue.pair(busy, 4L)), flagged, "3 attempts of card " + card + " should not be flagged, and 4 of"
                    + " card " + busy + " should give exactly one record (" + busy + ", 4).");
        }
    }
}
