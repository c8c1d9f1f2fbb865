package dev.streamlab.cli;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.ClusterListener;
import dev.streamlab.cluster.EmbeddedCluster;

/**
 * The one place where {@code learn} and {@code check} get their cluster. Today always embedded;
 * the {@code --cluster embedded|containers|external} option plugs in here.
 */
final class LessonClusters {

    private LessonClusters() {
    }

    static Cluster start(int brokers, ClusterListener listener) {
        return EmbeddedCluster.builder().brokers(brokers).listener(listener).start();
    }
}
