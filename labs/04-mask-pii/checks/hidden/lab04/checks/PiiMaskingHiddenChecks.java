package lab04.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import dev.streamlab.grading.check.Hint;
import dev.streamlab.grading.check.Points;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks the grader adds. */
class PiiMaskingHiddenChecks {

    @Test
    @DisplayName("fields other than gender and ip pass through unchanged")
    @Points(2)
    @Hint("Copy the whole value map in MaskIp and change only the ip field.")
    void otherFieldsKept(Random random) {
        Map<String, Object> value = Chain.customer(random);
        value.put("amount", random.nextInt(10_000));
        value.put("country", random.nextBoolean() ? "NL" : "DE");
        SourceRecord out = Chain.apply(value);
        assertNotNull(out, "The chain dropped the record.");
        Map<?, ?> result = (Map<?, ?>) out.value();
        assertEquals(value.get("amount"), result.get("amount"), "amount");
        assertEquals(value.get("country"), result.get("country"), "country");
        assertEquals(value.get("user"), result.get("user"), "user");
    }

    @Test
    @DisplayName("a record without a value (a tombstone) passes through")
    @Points(2)
    @Hint("In MaskIp, return the record unchanged when its value is null or has no ip.")
    void tombstone() {
        SourceRecord out = Chain.apply(null);
        assertNotNull(out, "The chain dropped the tombstone; deletes must reach the topic.");
        assertNull(out.value(), "A tombstone must keep its null value.");
    }

    @Test
    @DisplayName("a record without an ip field is left as it is")
    @Points(1)
    @Hint("Not every record has every field: check that the ip is there before masking it.")
    void noIp(Random random) {
        Map<String, Object> value = new HashMap<>(Map.of("user", Chain.user(random)));
        SourceRecord out = Chain.apply(value);
        assertNotNull(out, "The chain dropped the record.");
        assertEquals(Map.of("user", value.get("user")), out.value());
    }
}
