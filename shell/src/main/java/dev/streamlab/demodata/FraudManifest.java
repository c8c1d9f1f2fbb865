package dev.streamlab.demodata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What was planted in a set of authorization attempts: exactly the cards (and windows) that the
 * {@link FraudRule} flags, and the near misses that look like fraud but must not be flagged.
 */
@JsonPropertyOrder({"data_set", "seed", "attempts", "cards", "rule", "possible_fraud", "near_misses"})
public record FraudManifest(
        String dataSet,
        long seed,
        int attempts,
        int cards,
        Rule rule,
        List<FlaggedWindow> possibleFraud,
        List<NearMiss> nearMisses) {

    @JsonPropertyOrder({"text", "event_time_field", "window_size_seconds", "more_than", "grace_seconds"})
    public record Rule(String text, String eventTimeField, long windowSizeSeconds, int moreThan, long graceSeconds) {

        static Rule current() {
            return new Rule(
                    "more than " + FraudRule.MORE_THAN + " attempts per card_number in a "
                            + FraudRule.WINDOW.toMinutes()
                            + "-minute tumbling window (aligned to the epoch), by the event time"
                            + " in 'timestamp'; an attempt arriving when the stream time has reached its window's end plus the"
                            + " grace period is not counted",
                    "timestamp",
                    FraudRule.WINDOW.toSeconds(),
                    FraudRule.MORE_THAN,
                    FraudRule.GRACE.toSeconds());
        }
    }

    /** A card flagged in one window, with how many attempts count there. */
    @JsonPropertyOrder({"card_number", "window_start", "window_end", "attempts", "note"})
    public record FlaggedWindow(
            String cardNumber,
            String windowStart,
            String windowEnd,
            int attempts,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) String note) {}

    /** A card that looks suspicious but must not be flagged, and why. */
    @JsonPropertyOrder({"card_number", "kind", "why"})
    public record NearMiss(String cardNumber, String kind, String why) {}
}
