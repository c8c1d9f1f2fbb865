package dev.streamlab.grading;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test that grades for real needs the grader's sandbox (bubblewrap on Linux): where it cannot start, grading fails
 * closed by design, so the test is skipped and says why, as container tests are without Docker. CI installs it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NeedsSandbox.Condition.class)
public @interface NeedsSandbox {

    /** Skips the test where the sandbox cannot start here. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            List<String> whyNot = new ArrayList<>();
            return Sandbox.orWhyNot(whyNot) != null
                    ? ConditionEvaluationResult.enabled("the grader's sandbox starts here")
                    : ConditionEvaluationResult.disabled(
                            "the grader's sandbox cannot start here: " + String.join("; ", whyNot));
        }
    }
}
