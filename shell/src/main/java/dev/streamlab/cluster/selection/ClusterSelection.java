package dev.streamlab.cluster.selection;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.ClusterListener;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.cluster.ExternalCluster;
import dev.streamlab.cluster.containers.ContainersCluster;
import dev.streamlab.cluster.containers.DockerEngine;
import dev.streamlab.cluster.containers.KafkaImage;
import dev.streamlab.cluster.selection.ClusterSettings.Kind;

/**
 * Decides which kind of cluster to start from {@link ClusterSettings}, says why in one line, and starts it.
 * {@code auto}: containers when a Docker engine answers and the image is here or can be pulled, embedded otherwise.
 */
public final class ClusterSelection {

    /** What the decision needs to know about this machine; tests give fixed answers. */
    public interface Machine {
        DockerEngine.Status docker();

        /** The image to use when none was asked for. Only asked when Docker answers. */
        String defaultImage();

        /** Whether the image is here, or was pulled just now; the reason when it is not. Only asked when Docker answers. */
        Availability image(String image);
    }

    public record Availability(boolean available, String reason) {}

    /** The decision: the kind to start, the image (containers only), and the line that explains it. */
    public record Choice(Kind kind, String image, String reason) {
        public String line() {
            return "Cluster: " + kind.label() + " (" + reason + ")";
        }
    }

    private ClusterSelection() {}

    public static Choice choose(ClusterSettings settings, Machine machine) {
        return switch (settings.kind()) {
            case EMBEDDED -> new Choice(Kind.EMBEDDED, null, "chosen by " + settings.source());
            case EXTERNAL ->
                new Choice(
                        Kind.EXTERNAL,
                        null,
                        settings.bootstrapServer().orElse("no address given") + ", chosen by " + settings.source());
            case CONTAINERS ->
                new Choice(Kind.CONTAINERS, settings.image().orElse(null), "chosen by " + settings.source());
            case AUTO -> auto(settings, machine);
        };
    }

    private static Choice auto(ClusterSettings settings, Machine machine) {
        if (settings.bootstrapServer().isPresent()) {
            return new Choice(
                    Kind.EXTERNAL,
                    null,
                    "a bootstrap server was given: "
                            + settings.bootstrapServer().get());
        }
        DockerEngine.Status docker = machine.docker();
        if (!docker.answers()) {
            return new Choice(Kind.EMBEDDED, null, docker.detail() + "; brokers run inside this JVM");
        }
        String image = settings.image().orElseGet(machine::defaultImage);
        Availability availability = machine.image(image);
        if (!availability.available()) {
            return new Choice(
                    Kind.EMBEDDED,
                    null,
                    "Docker answers, but " + availability.reason() + "; 'streamlab image build' makes "
                            + KafkaImage.LOCAL + " offline");
        }
        return new Choice(Kind.CONTAINERS, image, "Docker answers and image " + image + " is here");
    }

    /** Starts the chosen cluster; {@code basePort} 0 picks free ports. */
    public static Cluster start(
            Choice choice, ClusterSettings settings, int brokers, int basePort, ClusterListener listener) {
        return switch (choice.kind()) {
            case EMBEDDED, AUTO ->
                EmbeddedCluster.builder()
                        .brokers(brokers)
                        .basePort(basePort)
                        .listener(listener)
                        .start();
            case CONTAINERS ->
                ContainersCluster.builder()
                        .brokers(brokers)
                        .basePort(basePort)
                        .image(choice.image())
                        .listener(listener)
                        .start();
            case EXTERNAL ->
                ExternalCluster.connect(
                        settings.bootstrapServer().orElse(null),
                        settings.commandConfig().orElse(null),
                        listener);
        };
    }

    /** The real machine: asks Docker, and pulls a missing image (which fails fast without a registry). */
    public static Machine thisMachine(ClusterListener listener) {
        return new Machine() {
            @Override
            public DockerEngine.Status docker() {
                return DockerEngine.probe();
            }

            @Override
            public String defaultImage() {
                return KafkaImage.preferred(DockerEngine.client());
            }

            @Override
            public Availability image(String image) {
                try {
                    KafkaImage.ensurePresent(DockerEngine.client(), image, listener);
                    return new Availability(true, "");
                } catch (ClusterException e) {
                    return new Availability(false, "image " + image + " is not here and cannot be pulled");
                }
            }
        };
    }
}
