package lab01;

import org.apache.kafka.clients.producer.ProducerRecord;

/** Lab 1: produce with keys so that the events of one customer keep their order. See README.adoc. */
public final class CustomerEvents {

    private CustomerEvents() {
    }

    /** The record to send for one event of one customer, to the given topic. */
    public static ProducerRecord<String, String> record(String topic, String customerId, String event) {
        // TODO: choose a key so that every event of one customer goes to the same partition.
        throw new UnsupportedOperationException("TODO: build the record (see README.adoc).");
    }
}
