package dev.streamlab.sql;

/** The SQL engine could not start, or stopped: the message says what happened and the way out, in plain words. */
public final class SqlEngineException extends RuntimeException {

    public SqlEngineException(String message) {
        super(message);
    }
}
