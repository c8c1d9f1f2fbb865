package lab04.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import dev.streamlab.grading.check.Hint;
import dev.streamlab.grading.check.LearnerCode;
import dev.streamlab.grading.check.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Checks the grader adds. Each of them also needs an ordinary record masked: leaving records alone is only right for
 * the records that should be left alone.
 */
class PiiMaskingHiddenChecks {

    @RegisterExtension
    static final LearnerCode LEARNER = new LearnerCode();

    @Test
    @DisplayName("fields other than gender and ip pass through unchanged, while gender goes and ip is masked")
    @Points(2)
    @Hint("Copy the whole value map in MaskIp and change only the ip field.")
    void otherFieldsKept(Random random) {
        Map<String, Object> value = Chain.customer(random);
        value.put("amount", random.nextInt(10_000));
        value.put("country", random.nextBoolean() ? "NL" : "DE");
        Chain.Out out = Chain.apply(LEARNER, value);
        assertNotNull(out, "The chain dropped the record.");
        Map<?, ?> result = (Map<?, ?>) out.value();
        assertEquals(value.get("amount"), result.get("amount"), "amount");
        assertEquals(value.get("country"), result.get("country"), "country");
        assertEquals(value.get("user"), result.get("user"), "user");
        assertNull(result.get("gender"), "gender should be removed");
        String ip = (String) value.get("ip");
        assertEquals(ip.substring(0, ip.lastIndexOf('.') + 1) + "XXX", result.get("ip"), "ip");
    }

    @Test
    @DisplayName("a record without a value (a tombstone) passes through, and a customer is still masked")
    @Points(2)
    @Hint("In MaskIp, return the record unchanged when its value is null or has no ip.")
    void tombstone(Random random) {
        Chain.Out out = Chain.apply(LEARNER, null);
        assertNotNull(out, "The chain dropped the tombstone; deletes must reach the topic.");
        assertNull(out.value(), "A tombstone must keep its null value.");
        Chain.assertMasks(LEARNER, random);
    }

    @Test
    @DisplayName("a record without an ip field is left as it is, and a customer with one is masked")
    @Points(1)
    @Hint("Not every record has every field: check that the ip is there before masking it.")
    void noIp(Random random) {
        Map<String, Object> value = new HashMap<>(Map.of("user", Chain.user(random)));
        Chain.Out out = Chain.apply(LEARNER, value);
        assertNotNull(out, "The chain dropped the record.");
        assertEquals(Map.of("user", value.get("user")), out.value());
        Chain.assertMasks(LEARNER, random);
    }
}
