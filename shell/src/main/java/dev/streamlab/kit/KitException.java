package dev.streamlab.kit;

/** A kit that cannot be made or installed, with a message for the instructor or attendee: what is wrong and what to do. */
public final class KitException extends RuntimeException {

    public KitException(String message) {
        super(message);
    }

    public KitException(String message, Throwable cause) {
        super(message, cause);
    }
}
