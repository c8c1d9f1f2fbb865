package dev.streamlab.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kafka.docker.KafkaDockerWrapper$;
import kafka.tools.StorageTool;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Runs inside the local image (not in streamlab): what apache/kafka's launch script does in two JVMs, in one.
 *
 * <p>It calls Kafka's own {@code kafka.docker.KafkaDockerWrapper} to turn {@code KAFKA_*} variables and a mounted
 * {@code server.properties} into {@code /opt/kafka/config/server.properties}, formats the storage with Kafka's
 * {@code StorageTool} (a restarted container finds it formatted), and starts Kafka. Starting one JVM instead of two
 * saves seconds per node on a small machine. Log settings come from the launch script.
 */
public final class KafkaStarter {

    private static final Path DEFAULT_CONFIGS = Path.of("/etc/kafka/docker");
    private static final Path MOUNTED_CONFIGS = Path.of("/mnt/shared/config");
    private static final Path FINAL_CONFIGS = Path.of("/opt/kafka/config");

    private KafkaStarter() {}

    public static void main(String[] args) throws Exception {
        scala.collection.immutable.Map<String, String> env =
                scala.collection.immutable.Map$.MODULE$.from(CollectionConverters.asScala(System.getenv()));
        KafkaDockerWrapper$ wrapper = KafkaDockerWrapper$.MODULE$;
        wrapper.prepareServerConfigs(DEFAULT_CONFIGS, MOUNTED_CONFIGS, FINAL_CONFIGS, env);

        List<String> format = new ArrayList<>(Arrays.asList(wrapper.formatStorageCmd(FINAL_CONFIGS, env)));
        format.add("--ignore-formatted");
        int formatted = StorageTool.execute(format.toArray(String[]::new), System.out);
        if (formatted != 0) {
            System.err.println("Formatting the storage failed (exit code " + formatted + ").");
            System.exit(formatted);
        }
        kafka.Kafka.main(
                new String[] {FINAL_CONFIGS.resolve("server.properties").toString()});
    }
}
