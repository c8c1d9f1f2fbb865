package dev.streamlab.cli;

import dev.streamlab.classroom.ClassAdmin;
import dev.streamlab.cluster.ExternalCluster;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The class cluster and the instructor's admin settings, shared by {@code class create}, {@code list} and {@code remove}. */
public final class ClassClusterOptions {

    @Option(
            names = "--bootstrap-server",
            paramLabel = "HOST:PORT",
            required = true,
            description = "The class's cluster.")
    String bootstrapServer;

    @Option(
            names = "--command-config",
            paramLabel = "FILE",
            required = true,
            description = "Kafka client settings of a super user of that cluster (security, credentials);"
                    + " 'streamlab cluster up --secure' writes them.")
    Path commandConfig;

    ClassAdmin connect() {
        Map<String, Object> settings = ExternalCluster.readClientProperties(commandConfig);
        return ClassAdmin.connect(bootstrapServer, settings, commandConfig.toString());
    }
}
