package dev.streamlab.streams;

import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time: windows follow when an attempt happened, not when it reached Kafka. An attempt without a
 * readable timestamp keeps the time Kafka gave its record.
 */
public final class AttemptTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof AuthorizationAttempt attempt && attempt.timestamp() != null) {
            try {
                return attempt.eventTime().toEpochMilli();
            } catch (DateTimeParseException e) {
                return record.timestamp();
            }
        }
        return record.timestamp();
    }
}
