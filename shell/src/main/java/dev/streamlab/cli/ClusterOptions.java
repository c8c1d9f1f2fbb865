package dev.streamlab.cli;

import dev.streamlab.classroom.ClassAccess;
import dev.streamlab.classroom.JoinFile;
import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.ClusterListener;
import dev.streamlab.cluster.ExternalCluster;
import dev.streamlab.cluster.Namespace;
import dev.streamlab.cluster.SettingException;
import dev.streamlab.cluster.selection.ClusterSelection;
import dev.streamlab.cluster.selection.ClusterSettings;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --cluster} options shared by commands that need a cluster. They only parse: the choice is
 * {@link ClusterSettings} and {@link ClusterSelection}. Use {@link #start(ClusterListener, int)}.
 */
public final class ClusterOptions {

    @Option(
            names = "--cluster",
            paramLabel = "KIND",
            description = "embedded, containers, external or auto (default: auto = containers when Docker can run them,"
                    + " embedded otherwise). Also STREAMLAB_CLUSTER, or 'cluster=' in ~/.streamlab/config.properties.")
    String cluster;

    @Option(
            names = "--image",
            paramLabel = "IMAGE",
            description =
                    "The Kafka image for --cluster containers (default: apache/kafka of streamlab's Kafka version,"
                            + " or streamlab/kafka:VERSION-local if only that one is here). Also STREAMLAB_IMAGE.")
    String image;

    @Option(
            names = "--bootstrap-server",
            paramLabel = "HOST:PORT",
            description = "The cluster to use with --cluster external. Also STREAMLAB_BOOTSTRAP_SERVER.")
    String bootstrapServer;

    @Option(
            names = "--command-config",
            paramLabel = "FILE",
            description =
                    "Kafka client settings (security, credentials) for --cluster external. Also STREAMLAB_COMMAND_CONFIG.")
    Path commandConfig;

    @Option(
            names = "--class",
            paramLabel = "FILE",
            description = "Join a class on a shared cluster with the join file your instructor gave you"
                    + " (join-NAME.properties). Also STREAMLAB_CLASS, or 'class=' in ~/.streamlab/config.properties.")
    Path classFile;

    /** The settings after the environment and the config file have had their say; a join file decides them all. */
    public ClusterSettings settings() {
        Path join = classFile != null ? classFile : envClassFile();
        if (join != null) {
            if (cluster != null && !cluster.equalsIgnoreCase("external")
                    || bootstrapServer != null
                    || commandConfig != null) {
                throw new SettingException("--class takes the cluster, its address and your credentials from the join"
                        + " file: leave out --cluster, --bootstrap-server and --command-config.");
            }
            JoinFile file = JoinFile.read(join);
            return new ClusterSettings(
                    ClusterSettings.Kind.EXTERNAL,
                    Optional.empty(),
                    Optional.of(file.bootstrapServers()),
                    Optional.of(join),
                    "the class file " + join + ", as " + file.learner());
        }
        return ClusterSettings.resolve(new ClusterSettings.CommandLine(cluster, image, bootstrapServer, commandConfig));
    }

    /** {@code STREAMLAB_CLASS}, else {@code class=} in streamlab's config file ({@code ~/.streamlab/config.properties}). */
    static Path envClassFile() {
        String value = System.getenv("STREAMLAB_CLASS");
        if (value != null && !value.isBlank()) {
            return Path.of(value.strip());
        }
        Path config = ClusterSettings.configFile(System.getenv());
        if (!java.nio.file.Files.isReadable(config)) {
            return null;
        }
        java.util.Properties file = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(config)) {
            file.load(in);
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null; // ClusterSettings reports a file it cannot read
        }
        String fromFile = file.getProperty("class");
        return fromFile == null || fromFile.isBlank() ? null : Path.of(fromFile.strip());
    }

    /** The learner a join file names, when this command runs in a class. */
    public Optional<JoinFile> joinFile() {
        Path join = classFile != null ? classFile : envClassFile();
        return join == null ? Optional.empty() : Optional.of(JoinFile.read(join));
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
        try {
            Optional<JoinFile> join = joinFile();
            if (join.isPresent()) {
                return ExternalCluster.connect(
                        join.get().bootstrapServers(),
                        settings.commandConfig().orElseThrow(),
                        listener,
                        new Namespace(join.get().prefix()));
            }
            return ClusterSelection.start(choice, settings, brokers, basePort, listener);
        } catch (ClusterException e) {
            Optional<JoinFile> join = joinFile();
            Optional<String> why = join.flatMap(j -> ClassAccess.explain(e, j.learner()));
            throw why.isPresent() ? new ClusterException(why.get(), e) : e;
        }
    }
}
