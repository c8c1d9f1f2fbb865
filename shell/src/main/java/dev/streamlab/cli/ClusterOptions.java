package dev.streamlab.cli;

import java.nio.file.Path;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.ClusterListener;
import dev.streamlab.cluster.ClusterSelection;
import dev.streamlab.cluster.ClusterSettings;
import picocli.CommandLine.Option;

/**
 * The {@code --cluster} options shared by commands that need a cluster. They only parse: the choice is
 * {@link ClusterSettings} and {@link ClusterSelection}. Use {@link #start(ClusterListener, int)}.
 */
public final class ClusterOptions {

    @Option(names = "--cluster", paramLabel = "KIND",
            description = "embedded, containers, external or auto (default: auto = containers when Docker can run them,"
                    + " embedded otherwise). Also STREAMLAB_CLUSTER, or 'cluster=' in ~/.streamlab/config.properties.")
    String cluster;

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "The Kafka image for --cluster containers (default: apache/kafka of streamlab's Kafka version,"
                    + " or streamlab/kafka:VERSION-local if only that one is here). Also STREAMLAB_IMAGE.")
    String image;

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
            description = "The cluster to use with --cluster external. Also STREAMLAB_BOOTSTRAP_SERVER.")
    String bootstrapServer;

    @Option(names = "--command-config", paramLabel = "FILE",
            description = "Kafka client settings (security, credentials) for --cluster external. Also STREAMLAB_COMMAND_CONFIG.")
    Path commandConfig;

    /** The settings after the environment and the config file have had their say. */
    public ClusterSettings settings() {
        return ClusterSettings.resolve(new ClusterSettings.CommandLine(cluster, image, bootstrapServer, commandConfig));
    }

    /** Chooses, says which cluster and why on the listener, and starts it. */
    public Cluster start(ClusterListener listener, int brokers) {
        return start(listener, brokers, 0);
    }

    /** As {@link #start(ClusterListener, int)}, broker i listening on {@code basePort + i - 1} (0: free ports). */
    public Cluster start(ClusterListener listener, int brokers, int basePort) {
        ClusterSettings settings = settings();
        ClusterSelection.Choice choice = ClusterSelection.choose(settings, ClusterSelection.thisMachine(listener));
        listener.step(choice.line());
        return ClusterSelection.start(choice, settings, brokers, basePort, listener);
    }
}
