package dev.streamlab.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FraudSimulationTest {

    private static final Instant NINE = Instant.parse("2026-11-25T09:00:00Z");

    @Test
    void fourAttemptsInOneWindowAreFraudOnceTheWindowCloses() {
        try (FraudSimulation sim = new FraudSimulation(FraudRules.fromTheTalk(), NINE)) {
            for (int i = 0; i < 4; i++) {
                sim.attempt("card-1").advance(Duration.ofSeconds(30));
            }
            assertThat(sim.fraud()).as("the window is still open").isEmpty();
            assertThat(sim.countsFor("card-1")).containsEntry(NINE, 4L);

            // 09:06:01 is past the window's end (09:05) plus one minute of grace: it closes.
            sim.advance(Duration.ofMinutes(6)).attempt("card-2");

            assertThat(sim.fraud()).singleElement().satisfies(f -> {
                assertThat(f.cardNumber()).isEqualTo("card-1");
                assertThat(f.attempts()).isEqualTo(4);
                assertThat(f.windowStart()).isEqualTo("2026-11-25T09:00:00Z");
                assertThat(f.windowEnd()).isEqualTo("2026-11-25T09:05:00Z");
            });
        }
    }

    @Test
    void threeAttemptsAreNotFraudAndNeitherAreFourSpreadOverTwoWindows() {
        try (FraudSimulation sim = new FraudSimulation(FraudRules.fromTheTalk(), NINE.plus(Duration.ofMinutes(3)))) {
            sim.attempt("card-1").attempt("card-1").attempt("card-1");
            sim.attempt("card-2")
                    .attempt("card-2")
                    .advance(Duration.ofMinutes(3))
                    .attempt("card-2")
                    .attempt("card-2");
            sim.advance(Duration.ofMinutes(20)).attempt("card-3");

            assertThat(sim.fraud()).isEmpty();
        }
    }

    @Test
    void aLateAttemptWithinTheGracePeriodStillCounts() {
        try (FraudSimulation sim = new FraudSimulation(FraudRules.fromTheTalk(), NINE)) {
            sim.attempt("card-1").attempt("card-1").attempt("card-1");
            sim.advance(Duration.ofMinutes(5).plusSeconds(30)).attempt("card-2");
            // It happened at 09:04:30 but arrives at 09:05:30: inside the one minute of grace.
            sim.lateAttempt("card-1", Duration.ofMinutes(1));
            sim.advance(Duration.ofMinutes(2)).attempt("card-2");

            assertThat(sim.fraud()).extracting(PossibleFraud::cardNumber).containsExactly("card-1");
        }
    }

    @Test
    void aLateAttemptAfterTheGracePeriodIsDropped() {
        try (FraudSimulation sim = new FraudSimulation(FraudRules.fromTheTalk().withGrace(Duration.ZERO), NINE)) {
            sim.attempt("card-1").attempt("card-1").attempt("card-1");
            sim.advance(Duration.ofMinutes(5).plusSeconds(30)).attempt("card-2");
            sim.lateAttempt("card-1", Duration.ofMinutes(1));
            sim.advance(Duration.ofMinutes(6)).attempt("card-2");

            assertThat(sim.fraud()).isEmpty();
        }
    }

    @Test
    void withoutSuppressionEveryUpdateAboveTheThresholdIsEmitted() {
        try (FraudSimulation sim = new FraudSimulation(FraudRules.fromTheTalk().everyUpdate(), NINE)) {
            for (int i = 0; i < 5; i++) {
                sim.attempt("card-1");
            }
            assertThat(sim.fraud()).extracting(PossibleFraud::attempts).containsExactly(4L, 5L);
        }
    }
}
