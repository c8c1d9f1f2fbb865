package lab01;

import org.apache.kafka.clients.producer.ProducerRecord;

/** Wrong on purpose: the event is the key, so one customer's events spread over partitions. */
public final class CustomerEvents {

    private CustomerEvents() {
    }

    public static ProducerRecord<String, String> record(String topic, String customerId, String event) {
        return new ProducerRecord<>(topic, event, event);
    }
}
