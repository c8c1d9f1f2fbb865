package lab04.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import java.util.Random;

import dev.streamlab.grading.check.Hint;
import dev.streamlab.grading.check.Points;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks you can run yourself: {@code ./streamlab grade 04 --visible-only}. */
class PiiMaskingChecks {

    @Test
    @DisplayName("the talk's example: gender removed, last part of the ip masked, user kept")
    @Points(3)
    @Hint("ReplaceField.Value with exclude=gender removes the field; MaskIp must replace what follows the last dot with XXX.")
    void talkExample(Random random) {
        Map<String, Object> value = Chain.customer(random);
        String ip = (String) value.get("ip");
        SourceRecord out = Chain.apply(value);
        assertNotNull(out, "The chain dropped the record; it should only change it.");
        String expectedIp = ip.substring(0, ip.lastIndexOf('.') + 1) + "XXX";
        assertEquals(Map.of("user", value.get("user"), "ip", expectedIp), out.value(), "The value after the chain, for input " + value);
    }

    @Test
    @DisplayName("a header origin=crm says where the record came from (lineage)")
    @Points(2)
    @Hint("Add Kafka's InsertHeader with header=origin and value.literal=crm at the end of the chain.")
    void originHeader(Random random) {
        SourceRecord out = Chain.apply(Chain.customer(random));
        assertNotNull(out, "The chain dropped the record; it should only change it.");
        Header origin = out.headers().lastWithName("origin");
        assertNotNull(origin, "The record has no header 'origin'. Its headers: " + out.headers());
        assertEquals("crm", String.valueOf(origin.value()), "The value of the header 'origin'");
    }
}
