package dev.streamlab.grading;

/**
 * The outcome of one check.
 *
 * @param className the check class, e.g. {@code lab05.FraudWindowChecks}
 * @param name what the check checks, as its display name
 * @param visible whether learners can run it themselves ({@code --visible-only}); hidden checks are added by the grader
 * @param message why it failed or did not run; empty when it passed
 * @param hint what to look at when it fails
 */
public record CheckResult(String className, String name, boolean visible, Status status, int points, int maxPoints,
                          String message, String hint, long millis) {

    public enum Status { PASSED, FAILED, NOT_RUN }

    public boolean passed() {
        return status == Status.PASSED;
    }

    /** {@code FraudWindowChecks > a card with 4 attempts is flagged} */
    public String fullName() {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple.isEmpty() ? name : simple + " > " + name;
    }
}
