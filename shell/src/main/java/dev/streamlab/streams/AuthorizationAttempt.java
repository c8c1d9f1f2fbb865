package dev.streamlab.streams;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One card authorization attempt, as it flows into {@code authorization_attempts}:
 * {@code {"card_number": "4000-0000-0000-0001", "amount": 12.5, "merchant": "Coffee Corner", "timestamp": "2026-11-25T09:00:12Z"}}.
 * The timestamp is when the attempt happened (event time), which may be earlier than when it reached Kafka.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthorizationAttempt(
        @JsonProperty("card_number") String cardNumber,
        @JsonProperty("amount") double amount,
        @JsonProperty("merchant") String merchant,
        @JsonProperty("timestamp") String timestamp) {

    public static AuthorizationAttempt at(String cardNumber, Instant when) {
        return new AuthorizationAttempt(cardNumber, 9.99, "Coffee Corner", when.toString());
    }

    @JsonIgnore
    public Instant eventTime() {
        return Instant.parse(timestamp);
    }
}
