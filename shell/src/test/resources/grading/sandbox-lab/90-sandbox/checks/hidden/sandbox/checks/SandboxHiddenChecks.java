package sandbox.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamlab.grading.check.Points;
import org.junit.jupiter.api.Test;

class SandboxHiddenChecks {

    // The secret a malicious submission tries to read from this class file.
    static final String SECRET = "the hidden answer is seed plus 42";

    @Test
    @Points(5)
    void negative() {
        assertEquals(-958, sandbox.Answer.answer(-1000));
    }
}
