package dev.streamlab.demodata;

import java.time.Duration;
import java.time.Instant;

/**
 * The talk's rule: a card with more than 3 authorization attempts in one 5-minute tumbling window
 * is possible fraud. Windows are aligned to the epoch (09:00:00 to 09:05:00, 09:05:00 to 09:10:00,
 * ...), a window holds the attempts whose event time is at or after its start and before its end, and
 * an attempt that arrives once the stream time has reached its window's end plus the grace period
 * is too late: it is not counted. This is what Kafka Streams does with
 * {@code TimeWindows.ofSizeAndGrace(Duration.ofMinutes(5), Duration.ofMinutes(1))}, and the SQL
 * {@code WINDOW TUMBLING (SIZE 5 MINUTES, GRACE PERIOD 1 MINUTE) ... HAVING count(*) > 3}.
 */
public final class FraudRule {

    public static final Duration WINDOW = Duration.ofMinutes(5);
    public static final Duration GRACE = Duration.ofMinutes(1);
    public static final int MORE_THAN = 3;

    private FraudRule() {}

    public static Instant windowStart(Instant eventTime) {
        long millis = eventTime.toEpochMilli();
        return Instant.ofEpochMilli(millis - Math.floorMod(millis, WINDOW.toMillis()));
    }

    public static Instant windowEnd(Instant eventTime) {
        return windowStart(eventTime).plus(WINDOW);
    }
}
