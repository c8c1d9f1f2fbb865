package lab01.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamlab.grading.check.Hint;
import dev.streamlab.grading.check.LearnerCode;
import dev.streamlab.grading.check.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checks you can run yourself: {@code ./streamlab grade 01 --visible-only}. Your code runs in a JVM of its own. */
class CustomerEventsChecks {

    @RegisterExtension
    static final LearnerCode LEARNER = new LearnerCode();

    static JsonNode record(String topic, String customer, String event) {
        return LEARNER.call("record", Map.of("topic", topic, "customer", customer, "event", event));
    }

    @Test
    @DisplayName("the record goes to the given topic and carries the event as its value")
    @Points(1)
    @Hint("new ProducerRecord<>(topic, key, value): the event is the value.")
    void topicAndValue(Random random) {
        String topic = "orders-" + random.nextInt(100_000);
        String customer = "customer-" + random.nextInt(1000);
        String event = "event-" + random.nextInt(1000);
        JsonNode record = record(topic, customer, event);
        assertEquals(topic, record.path("topic").asText(null), "topic");
        assertEquals(event, record.path("value").asText(null), "value");
    }

    @Test
    @DisplayName("two events of one customer get the same key, and two customers get different keys")
    @Points(2)
    @Hint("Kafka sends records with the same key to the same partition. What do all events of one customer share, and no other customer?")
    void sameCustomerSameKey(Random random) {
        int c = random.nextInt(1000);
        String customer = "customer-" + c;
        String other = "customer-" + (c + 1 + random.nextInt(1000));
        JsonNode first = record("orders", customer, "created-" + random.nextInt(100));
        JsonNode second = record("orders", customer, "paid-" + random.nextInt(100));
        JsonNode third = record("orders", other, "created-" + random.nextInt(100));
        assertFalse(first.path("key").isNull() || first.path("key").isMissingNode(),
                "The key is null: records without a key are spread over the partitions.");
        assertEquals(first.path("key").asText(), second.path("key").asText(), "The keys of two events of " + customer);
        assertNotEquals(first.path("key").asText(), third.path("key").asText(),
                "Customers " + customer + " and " + other + " got the same key: then every customer shares one partition.");
    }
}
