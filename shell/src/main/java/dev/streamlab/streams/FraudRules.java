package dev.streamlab.streams;

import java.time.Duration;

/**
 * The rule from the talk: more than {@code threshold} attempts per card in a tumbling window of {@code window}.
 *
 * @param grace how long after a window ends late attempts still count
 * @param finalResultsOnly emit one result per window when it closes (suppression), instead of every update
 */
public record FraudRules(Duration window, Duration grace, long threshold, boolean finalResultsOnly) {

    /** {@code WINDOW TUMBLING (SIZE 5 MINUTE) ... HAVING count(*) > 3}, with one minute for late attempts. */
    public static FraudRules fromTheTalk() {
        return new FraudRules(Duration.ofMinutes(5), Duration.ofMinutes(1), 3, true);
    }

    public FraudRules withGrace(Duration grace) {
        return new FraudRules(window, grace, threshold, finalResultsOnly);
    }

    public FraudRules everyUpdate() {
        return new FraudRules(window, grace, threshold, false);
    }
}
