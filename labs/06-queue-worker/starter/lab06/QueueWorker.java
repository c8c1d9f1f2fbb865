package lab06;

import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ShareConsumer;
import org.apache.kafka.clients.producer.Producer;

/** Lab 6: a queue worker that processes every order once, whatever crashes. See README.adoc. */
public final class QueueWorker {

    private QueueWorker() {
    }

    /** Share consumer settings beside bootstrap servers, group id and deserializers (the checks add those). */
    public static Map<String, Object> consumerSettings() {
        // TODO: who says when a record is done, and how many records may one worker hold at a time?
        throw new UnsupportedOperationException("TODO: the share consumer's settings (see README.adoc).");
    }

    /** Producer settings beside bootstrap servers and serializers (the checks add those). */
    public static Map<String, Object> producerSettings() {
        // TODO: may a retry write a result twice?
        throw new UnsupportedOperationException("TODO: the producer's settings (see README.adoc).");
    }

    /**
     * Takes orders from the share consumer (already subscribed to the orders topic) while {@code running} says so. For
     * each order: does the {@code work}, sends its result to {@code resultsTopic} keyed by the order's id, and
     * acknowledges the order: accepted once its result is written, released on {@link Work.TryAgainLater},
     * rejected on {@link Work.PoisonOrder}. The checks close the consumer and the producer after you return.
     */
    public static void run(ShareConsumer<String, String> orders, Producer<String, String> results, String resultsTopic,
                           Work work, BooleanSupplier running) throws Exception {
        // TODO: poll, work, send, wait for the send, then acknowledge; release or reject when the work fails.
        throw new UnsupportedOperationException("TODO: take, work, send, acknowledge (see README.adoc).");
    }
}
