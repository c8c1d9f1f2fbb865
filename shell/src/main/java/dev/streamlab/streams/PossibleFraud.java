package dev.streamlab.streams;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A card with too many attempts in one window, as written to {@code possible_fraud}. */
public record PossibleFraud(
        @JsonProperty("card_number") String cardNumber,
        @JsonProperty("attempts") long attempts,
        @JsonProperty("window_start") String windowStart,
        @JsonProperty("window_end") String windowEnd) {}
