package lab06;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The work a worker does for one order, given to your worker by the checks: it takes some time, and it may fail.
 * Do not change this file: the checks' harness implements it.
 */
public interface Work {

    /**
     * Does the work for one order (its key is the order's id) and returns the result to send, keyed by the order's id.
     *
     * @throws TryAgainLater the work failed this time for a reason that passes (a service timed out): try again later
     * @throws PoisonOrder the order can never be processed (it cannot be read): trying again will never help
     */
    String process(ConsumerRecord<String, String> order) throws TryAgainLater, PoisonOrder;

    /** A failure that passes: the same order succeeds if it is tried again later. */
    final class TryAgainLater extends Exception {
        public TryAgainLater(String message) {
            super(message);
        }
    }

    /** An order that will never succeed, however often it is tried. */
    final class PoisonOrder extends Exception {
        public PoisonOrder(String message) {
            super(message);
        }
    }
}
