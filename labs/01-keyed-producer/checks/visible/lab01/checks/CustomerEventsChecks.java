package lab01.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import dev.streamlab.grading.check.Hint;
import dev.streamlab.grading.check.Points;
import lab01.CustomerEvents;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks you can run yourself: {@code ./streamlab grade 01 --visible-only}. */
class CustomerEventsChecks {

    @Test
    @DisplayName("the record goes to the given topic and carries the event as its value")
    @Points(1)
    @Hint("new ProducerRecord<>(topic, key, value): the event is the value.")
    void topicAndValue(Random random) {
        String customer = "customer-" + random.nextInt(1000);
        String event = "event-" + random.nextInt(1000);
        ProducerRecord<String, String> record = CustomerEvents.record("orders", customer, event);
        assertEquals("orders", record.topic(), "topic");
        assertEquals(event, record.value(), "value");
    }

    @Test
    @DisplayName("two events of one customer get the same key")
    @Points(2)
    @Hint("Kafka sends records with the same key to the same partition. What do all events of one customer share?")
    void sameCustomerSameKey(Random random) {
        String customer = "customer-" + random.nextInt(1000);
        ProducerRecord<String, String> first = CustomerEvents.record("orders", customer, "created-" + random.nextInt(100));
        ProducerRecord<String, String> second = CustomerEvents.record("orders", customer, "paid-" + random.nextInt(100));
        assertEquals(first.key(), second.key(), "The keys of two events of " + customer);
        org.junit.jupiter.api.Assertions.assertNotNull(first.key(), "The key is null: records without a key are spread over the partitions.");
    }
}
