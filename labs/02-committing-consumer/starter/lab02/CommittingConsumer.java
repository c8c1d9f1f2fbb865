package lab02;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Lab 2: a consumer that commits only what it has processed. See README.adoc. */
public final class CommittingConsumer {

    private CommittingConsumer() {
    }

    /** Consumer settings beside bootstrap servers, group id and deserializers (the checks add those). */
    public static Map<String, Object> settings() {
        // TODO: who commits, and where does a new group start reading?
        return Map.of();
    }

    /**
     * Polls the subscribed consumer and hands records to {@code handler}, one at a time, in order.
     * Returns after {@code limit} records, or when no record came for 5 seconds, with the number handled.
     * If the handler throws, let the exception out.
     */
    public static int processSome(org.apache.kafka.clients.consumer.Consumer<String, String> consumer,
                                  Consumer<ConsumerRecord<String, String>> handler, int limit) {
        // TODO: poll, hand each record to the handler, and commit only what was handled.
        throw new UnsupportedOperationException("TODO: poll, handle, commit (see README.adoc).");
    }
}
