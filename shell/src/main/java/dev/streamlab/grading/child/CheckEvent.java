package dev.streamlab.grading.child;

/**
 * One line of what the check JVM reports to the grader (JSON lines): a planned check, a finished check,
 * a check class whose set-up failed, or the end of the run.
 */
public record CheckEvent(
        String type,
        String id,
        String className,
        String name,
        int points,
        String hint,
        String status,
        String message,
        long millis,
        String errorType) {

    public CheckEvent(
            String type,
            String id,
            String className,
            String name,
            int points,
            String hint,
            String status,
            String message,
            long millis) {
        this(type, id, className, name, points, hint, status, message, millis, "");
    }

    public static final String PLANNED = "planned";
    public static final String STARTED = "started";
    public static final String FINISHED = "finished";
    public static final String CLASS_FAILED = "class-failed";
    public static final String DONE = "done";

    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    public static CheckEvent planned(String id, String className, String name, int points, String hint) {
        return new CheckEvent(PLANNED, id, className, name, points, hint, "", "", 0);
    }

    public static CheckEvent started(String id) {
        return new CheckEvent(STARTED, id, "", "", 0, "", "", "", 0);
    }

    public static CheckEvent finished(String id, String status, String message, long millis) {
        return finished(id, status, message, millis, "");
    }

    /** @param errorType the class of the throwable that made the check fail */
    public static CheckEvent finished(String id, String status, String message, long millis, String errorType) {
        return new CheckEvent(FINISHED, id, "", "", 0, "", status, message, millis, errorType);
    }

    public static CheckEvent classFailed(String className, String message) {
        return new CheckEvent(CLASS_FAILED, "", className, "", 0, "", FAILED, message, 0);
    }

    public static CheckEvent done() {
        return new CheckEvent(DONE, "", "", "", 0, "", "", "", 0);
    }
}
