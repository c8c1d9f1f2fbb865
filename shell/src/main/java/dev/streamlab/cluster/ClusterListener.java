package dev.streamlab.cluster;

/**
 * Hears what a cluster is doing, so a front end can show progress. The core never prints.
 */
@FunctionalInterface
public interface ClusterListener {

    ClusterListener SILENT = step -> {};

    /** A short, plain description of what is happening now, e.g. "Starting broker 2". */
    void step(String description);
}
