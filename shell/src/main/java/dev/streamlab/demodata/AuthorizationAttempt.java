package dev.streamlab.demodata;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A card payment asking to be authorized. {@code timestamp} is the event time: when the card was
 * used, not when the record reached Kafka (lines in a file are in the order they arrive).
 */
@JsonPropertyOrder({"attempt_id", "card_number", "amount", "currency", "merchant", "country", "timestamp"})
public record AuthorizationAttempt(
        String attemptId,
        String cardNumber,
        BigDecimal amount,
        String currency,
        String merchant,
        String country,
        String timestamp) {

    @JsonIgnore
    public Instant eventTime() {
        return Instant.parse(timestamp);
    }
}
