package lab03.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import dev.streamlab.grading.check.Hint;
import dev.streamlab.grading.check.Points;
import lab03.SafeProducer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks you can run yourself: {@code ./streamlab grade 03 --visible-only}. They read your settings only. */
class SafeProducerChecks {

    @Test
    @DisplayName("acks=all: a record counts as written only when all in-sync replicas have it")
    @Points(1)
    @Hint("With acks=1 only the leader has the record when the producer hears 'done'. If that leader dies, the record is gone.")
    void acksAll() {
        Object acks = SafeProducer.producerSettings().get("acks");
        assertTrue("all".equals(String.valueOf(acks)) || "-1".equals(String.valueOf(acks)), "acks is " + acks);
    }

    @Test
    @DisplayName("idempotence is on: a retry never writes a record twice")
    @Points(1)
    @Hint("enable.idempotence=true gives each record a sequence number, so the broker drops a retried duplicate.")
    void idempotence() {
        Object value = SafeProducer.producerSettings().get("enable.idempotence");
        assertEquals("true", String.valueOf(value), "enable.idempotence");
    }

    @Test
    @DisplayName("min.insync.replicas is at least 2 on the topic")
    @Points(1)
    @Hint("With min.insync.replicas=1, acks=all can mean 'the leader alone'. Ask for 2 of the 3 replicas.")
    void minInSyncReplicas() {
        Map<String, String> topic = SafeProducer.topicSettings();
        String value = topic.getOrDefault("min.insync.replicas", "1");
        assertTrue(Integer.parseInt(value) >= 2, "min.insync.replicas is " + value);
    }
}
