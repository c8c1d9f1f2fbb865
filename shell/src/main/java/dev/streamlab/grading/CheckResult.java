package dev.streamlab.grading;

/**
 * The outcome of one check.
 *
 * @param className the check class, e.g. {@code lab05.FraudWindowChecks}
 * @param name what the check checks, as its display name
 * @param visible whether learners can run it themselves ({@code --visible-only}); hidden checks are added by the grader
 * @param message why it failed or did not run; empty when it passed
 * @param hint what to look at when it fails
 * @param method the check's Java method as JUnit's XML report names it, such as {@code flagsACard()} (empty when none)
 * @param errorType the class of what made it fail, such as {@code org.opentest4j.AssertionFailedError} (empty when none)
 */
public record CheckResult(
        String className,
        String name,
        boolean visible,
        Status status,
        int points,
        int maxPoints,
        String message,
        String hint,
        long millis,
        String method,
        String errorType) {

    public enum Status {
        PASSED,
        FAILED,
        NOT_RUN
    }

    public CheckResult(
            String className,
            String name,
            boolean visible,
            Status status,
            int points,
            int maxPoints,
            String message,
            String hint,
            long millis) {
        this(className, name, visible, status, points, maxPoints, message, hint, millis, "", "");
    }

    /** The method's name alone, such as {@code flagsACard} (empty when none). */
    public String methodName() {
        int paren = method.indexOf('(');
        return paren < 0 ? method : method.substring(0, paren);
    }

    public boolean passed() {
        return status == Status.PASSED;
    }

    /** {@code FraudWindowChecks > a card with 4 attempts is flagged} */
    public String fullName() {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple.isEmpty() ? name : simple + " > " + name;
    }
}
