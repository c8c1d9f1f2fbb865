package sandbox.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamlab.grading.check.Points;
import org.junit.jupiter.api.Test;

class SandboxHiddenChecks {

    @org.junit.jupiter.api.extension.RegisterExtension
    static final dev.streamlab.grading.check.LearnerCode LEARNER = new dev.streamlab.grading.check.LearnerCode();

    // The secret a malicious submission tries to read from this class file.
    static final String SECRET = "the hidden answer is seed plus 42";

    @Test
    @Points(5)
    void negative() {
        assertEquals(-958, LEARNER.call("answer", java.util.Map.of("seed", -1000)).asInt());
    }
}
