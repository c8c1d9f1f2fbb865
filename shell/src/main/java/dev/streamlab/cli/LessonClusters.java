package dev.streamlab.cli;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.ClusterListener;

/**
 * The one place where {@code learn} and {@code check} get their cluster: the one {@code --cluster} (or the
 * environment, or the config file) asks for, embedded when nothing does and Docker cannot run containers.
 */
final class LessonClusters {

    private LessonClusters() {}

    static Cluster start(ClusterOptions options, int brokers, ClusterListener listener) {
        return options.start(listener, brokers);
    }
}
