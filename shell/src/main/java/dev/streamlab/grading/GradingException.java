package dev.streamlab.grading;

/** Grading could not happen at all (no such lab, no compiler, a folder that cannot be written); the message says what to do. */
public final class GradingException extends RuntimeException {

    public GradingException(String message) {
        super(message);
    }

    public GradingException(String message, Throwable cause) {
        super(message, cause);
    }
}
