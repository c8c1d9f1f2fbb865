package lab04.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Random;

import dev.streamlab.grading.check.Hint;
import dev.streamlab.grading.check.LearnerCode;
import dev.streamlab.grading.check.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checks you can run yourself: {@code ./streamlab grade 04 --visible-only}. Your transforms run in a JVM of their own. */
class PiiMaskingChecks {

    @RegisterExtension
    static final LearnerCode LEARNER = new LearnerCode();

    @Test
    @DisplayName("the talk's example: gender removed, last part of the ip masked, user kept")
    @Points(3)
    @Hint("ReplaceField.Value with exclude=gender removes the field; MaskIp must replace what follows the last dot with XXX.")
    void talkExample(Random random) {
        Chain.assertMasks(LEARNER, random);
    }

    @Test
    @DisplayName("a header origin=crm says where the record came from (lineage)")
    @Points(2)
    @Hint("Add Kafka's InsertHeader with header=origin and value.literal=crm at the end of the chain.")
    void originHeader(Random random) {
        Chain.Out out = Chain.apply(LEARNER, Chain.customer(random));
        assertNotNull(out, "The chain dropped the record; it should only change it.");
        assertNotNull(out.headers().get("origin"), "The record has no header 'origin'. Its headers: " + out.headers());
        assertEquals("crm", out.headers().get("origin"), "The value of the header 'origin'");
    }
}
