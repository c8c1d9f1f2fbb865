package dev.streamlab.cluster.containers;

import dev.streamlab.cluster.ClusterSecurity;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * How a secure containers cluster's controller gets the admin's SCRAM credential into its bootstrap metadata: before
 * the image's own start, the container runs Kafka's {@code kafka-storage format --add-scram} (its {@code StorageTool})
 * on the node's own settings. The image's start then finds the storage formatted and leaves it (streamlab's image
 * formats with {@code --ignore-formatted}; apache/kafka's start accepts "already formatted"), and a restarted
 * container skips the format the same way. Only the controller needs it: brokers read credentials from the metadata
 * it serves. The image is not changed, so any image with Kafka's jars in {@code /opt/kafka/libs} does.
 *
 * <p>The credential and settings reach the container as environment variables, which {@code docker inspect} shows to
 * whoever may use the Docker engine, that is, to this machine's administrators.
 */
final class AdminCredentialFormat {

    private static final String SETTINGS_VARIABLE = "STREAMLAB_FORMAT_SETTINGS";
    private static final String SCRAM_VARIABLE = "STREAMLAB_ADMIN_SCRAM";

    static final List<String> COMMAND = List.of(
            "bash",
            "-c",
            "printf '%s\\n' \"$" + SETTINGS_VARIABLE + "\" > /tmp/streamlab-format.properties"
                    + " && java -Xmx128m -XX:TieredStopAtLevel=1 -cp '/opt/kafka/libs/*' kafka.tools.StorageTool format"
                    + " --cluster-id \"$CLUSTER_ID\" --config /tmp/streamlab-format.properties"
                    + " --add-scram \"$" + SCRAM_VARIABLE + "\" --ignore-formatted"
                    + " && exec /etc/kafka/docker/run");

    private AdminCredentialFormat() {}

    /** The variables {@link #COMMAND} reads: the node's settings as a properties file, and the admin's credential. */
    static Map<String, String> environment(Map<String, String> settings, ClusterSecurity security) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(SETTINGS_VARIABLE, propertiesText(settings));
        env.put(SCRAM_VARIABLE, String.join(" ", security.scramArguments()));
        return env;
    }

    private static String propertiesText(Map<String, String> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // store() starts with a date comment; the file needs none.
        return text.toString()
                .lines()
                .filter(line -> !line.startsWith("#"))
                .reduce((a, b) -> a + "\n" + b)
                .orElse("");
    }
}
