package dev.streamlab.cluster;

/**
 * Something went wrong with a cluster. The message is meant for a learner:
 * one plain sentence saying what happened, and one saying how to get out of it.
 */
public class ClusterException extends RuntimeException {

    public ClusterException(String message) {
        super(message);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
