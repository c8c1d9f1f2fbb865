package dev.streamlab.grading;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything grading one submission found out: points per check, compiler errors, the seed to replay the run,
 * warnings about the grader itself, and the JUnit XML the check JVM wrote (when it got that far).
 */
public record Scorecard(
        Lab lab,
        Path submission,
        long seed,
        boolean visibleOnly,
        List<String> compileErrors,
        List<CheckResult> checks,
        List<String> warnings,
        Duration duration,
        Optional<String> junitXml) {

    public Scorecard {
        compileErrors = List.copyOf(compileErrors);
        checks = List.copyOf(checks);
        warnings = List.copyOf(warnings);
    }

    /** False when the sandbox did not run (or could not start): a warning then starts with {@link Grader#UNVERIFIED}. */
    public boolean verified() {
        return warnings.stream().noneMatch(w -> w.startsWith(Grader.UNVERIFIED));
    }

    public boolean compiled() {
        return compileErrors.isEmpty();
    }

    public int points() {
        return checks.stream().mapToInt(CheckResult::points).sum();
    }

    public int maxPoints() {
        return checks.stream().mapToInt(CheckResult::maxPoints).sum();
    }

    public long passedChecks() {
        return checks.stream().filter(CheckResult::passed).count();
    }

    /** Passed means full marks: the code compiles and every check holds. */
    public boolean passed() {
        return compiled() && !checks.isEmpty() && checks.stream().allMatch(CheckResult::passed);
    }
}
