package sandbox.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import dev.streamlab.grading.check.Hint;
import dev.streamlab.grading.check.Points;
import org.junit.jupiter.api.Test;

class SandboxChecks {

    @org.junit.jupiter.api.extension.RegisterExtension
    static final dev.streamlab.grading.check.LearnerCode LEARNER = new dev.streamlab.grading.check.LearnerCode();

    @Test
    @Points(2)
    @Hint("Add 42.")
    void first(Random random) {
        int seed = random.nextInt(1000);
        assertEquals(seed + 42, LEARNER.call("answer", java.util.Map.of("seed", seed)).asInt());
    }

    @Test
    @Points(3)
    @Hint("Add 42, always.")
    void second(Random random) {
        int seed = random.nextInt(1000);
        assertEquals(seed + 42, LEARNER.call("answer", java.util.Map.of("seed", seed)).asInt());
    }
}
