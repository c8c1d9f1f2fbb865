package dev.streamlab.notebook;

/** A command cell that could not do its job; the message says why and what to do instead. */
public final class CommandException extends RuntimeException {

    public CommandException(String message) {
        super(message);
    }

    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
