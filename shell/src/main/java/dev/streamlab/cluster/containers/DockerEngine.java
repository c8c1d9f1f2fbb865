package dev.streamlab.cluster.containers;

import com.github.dockerjava.api.DockerClient;
import dev.streamlab.cluster.ClusterException;
import org.testcontainers.DockerClientFactory;

/** The Docker engine, reached through Testcontainers, with its failures turned into messages a learner can act on. */
public final class DockerEngine {

    /** Whether an engine answers, and in a few words why not when it does not. */
    public record Status(boolean answers, String detail) {}

    private DockerEngine() {}

    /** Asks Testcontainers for an engine; quick when there is none (no socket). */
    public static Status probe() {
        try {
            DockerClientFactory factory = DockerClientFactory.instance();
            factory.client();
            return new Status(
                    true,
                    "Docker engine (API " + factory.getActiveApiVersion() + ") at "
                            + factory.getTransportConfig().getDockerHost());
        } catch (RuntimeException | LinkageError e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Could not find a valid Docker environment")) {
                return new Status(false, "no Docker engine answers");
            }
            return new Status(
                    false,
                    "Docker did not work for Testcontainers: "
                            + message.strip().lines().findFirst().orElse(""));
        }
    }

    /** The shared Docker client, or a {@link ClusterException} that says how to get one. */
    public static DockerClient client() {
        try {
            return DockerClientFactory.instance().client();
        } catch (RuntimeException e) {
            throw noEngine(e);
        }
    }

    static ClusterException noEngine(Throwable cause) {
        return new ClusterException(
                "No Docker engine answers, so there can be no containers cluster. Start Docker"
                        + " (Docker Desktop, or 'sudo systemctl start docker' on Linux), or use --cluster embedded,"
                        + " which needs only Java.",
                cause);
    }

    /** Translates what the engine said into one of the failures a learner can do something about. */
    static ClusterException explain(String what, Throwable cause) {
        String message = messages(cause);
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("no space left on device")) {
            return new ClusterException(
                    "Docker is out of disk space (" + what + "). Free some with"
                            + " 'docker system prune', or use --cluster embedded.",
                    cause);
        }
        if (lower.contains("port is already allocated") || lower.contains("address already in use")) {
            return new ClusterException(
                    "A port the cluster needs is already in use (" + what + "), perhaps by"
                            + " another Kafka. Stop that program, or choose other ports with --port.",
                    cause);
        }
        return new ClusterException(
                "Docker could not " + what + ": " + firstLine(message)
                        + ". Check that Docker runs ('docker info'), or use --cluster embedded.",
                cause);
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable e = t; e != null; e = e.getCause()) {
            all.append(e.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static String firstLine(String message) {
        String line = message.strip().lines().findFirst().orElse("unknown error");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
