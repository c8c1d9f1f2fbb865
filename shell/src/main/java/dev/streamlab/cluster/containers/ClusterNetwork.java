package dev.streamlab.cluster.containers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a container beside a containers cluster needs to join it (a Connect worker, for example): the image, the
 * cluster's private network, the brokers' addresses on that network, and the owner labels by which the cluster
 * removes it on close and {@link ContainerReaper} after a crash. Passed to a learner's JVM as system properties.
 */
public record ClusterNetwork(String image, String network, String bootstrapServers, Map<String, String> labels) {

    private static final String PREFIX = "streamlab.containers.";

    public ClusterNetwork {
        labels = Map.copyOf(labels);
    }

    public Map<String, String> toProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(PREFIX + "image", image);
        properties.put(PREFIX + "network", network);
        properties.put(PREFIX + "bootstrap.servers", bootstrapServers);
        properties.put(
                PREFIX + "labels",
                labels.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(",")));
        return properties;
    }

    /** The cluster this JVM was told about, if it runs beside a containers cluster. */
    public static Optional<ClusterNetwork> fromSystemProperties() {
        String image = System.getProperty(PREFIX + "image");
        if (image == null || image.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : System.getProperty(PREFIX + "labels", "").split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                labels.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return Optional.of(new ClusterNetwork(
                image,
                System.getProperty(PREFIX + "network"),
                System.getProperty(PREFIX + "bootstrap.servers"),
                labels));
    }
}
