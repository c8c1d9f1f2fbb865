package streamlab.harness;

import java.util.Map;

import dev.streamlab.grading.host.LabHarness;

/** The test lab's adapter: runs {@code sandbox.Answer.answer} for the checks. */
public final class Harness implements LabHarness {

    @Override
    public Object call(String operation, Map<String, Object> arguments) {
        if (!"answer".equals(operation)) {
            throw new IllegalArgumentException("Unknown operation " + operation);
        }
        return sandbox.Answer.answer(((Number) arguments.get("seed")).intValue());
    }
}
