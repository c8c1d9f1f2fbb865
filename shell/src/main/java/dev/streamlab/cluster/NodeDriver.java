package dev.streamlab.cluster;

/**
 * One Kafka node (the controller or a broker) as one kind of cluster runs it: a server inside this JVM, or a container.
 * It only starts, stops and kills its node. Which nodes a cluster has, their settings, the order they start and stop in
 * and the cluster's life belong to {@link NodeOrchestrator}.
 */
public interface NodeDriver {

    int id();

    boolean isBroker();

    /** "broker 2" or "the controller", for messages. */
    default String describe() {
        return isBroker() ? "broker " + id() : "the controller";
    }

    /** Creates the node (its storage, its container) and starts it. */
    void start();

    /** Starts the node again after a stop or a kill: same data, same address. */
    void restart();

    /** Stops the node in order: a broker hands its leaderships over first (controlled shutdown). */
    void stop();

    /** Stops the node at once, as if its machine died. */
    void kill();

    boolean isRunning();

    /** Stops the node for good and frees what it holds; a start still under way elsewhere must not bring it back. */
    void remove();

    /** The last lines the node logged, to explain a node that stopped by itself. */
    default String lastLogLines(int lines) {
        return "(none kept)";
    }
}
