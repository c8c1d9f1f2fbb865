package dev.streamlab.cluster.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.selection.ClusterSettings.CommandLine;
import dev.streamlab.cluster.selection.ClusterSettings.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSettingsTest {

    @TempDir
    Path dir;

    private Path configFile(String content) throws IOException {
        return Files.writeString(dir.resolve("config.properties"), content);
    }

    @Test
    void withNothingSetItIsAuto() {
        ClusterSettings settings =
                ClusterSettings.resolve(CommandLine.NONE, Map.of(), dir.resolve("missing.properties"));

        assertThat(settings.kind()).isEqualTo(Kind.AUTO);
        assertThat(settings.image()).isEmpty();
        assertThat(settings.source()).isEqualTo("the default");
    }

    @Test
    void theConfigFileSetsItForAClassroom() throws IOException {
        Path file = configFile("cluster=containers\nimage=streamlab/kafka:4.4.0-local\n");

        ClusterSettings settings = ClusterSettings.resolve(CommandLine.NONE, Map.of(), file);

        assertThat(settings.kind()).isEqualTo(Kind.CONTAINERS);
        assertThat(settings.image()).contains("streamlab/kafka:4.4.0-local");
        assertThat(settings.source()).isEqualTo("cluster in " + file);
    }

    @Test
    void theEnvironmentBeatsTheFileAndTheCommandLineBeatsBoth() throws IOException {
        Path file = configFile("cluster=containers\nimage=from-file\n");
        Map<String, String> env = Map.of("STREAMLAB_CLUSTER", "embedded", "STREAMLAB_IMAGE", "from-env");

        ClusterSettings fromEnv = ClusterSettings.resolve(CommandLine.NONE, env, file);
        ClusterSettings fromCli =
                ClusterSettings.resolve(new CommandLine("external", null, "host:9092", null), env, file);

        assertThat(fromEnv.kind()).isEqualTo(Kind.EMBEDDED);
        assertThat(fromEnv.image()).contains("from-env");
        assertThat(fromEnv.source()).isEqualTo("STREAMLAB_CLUSTER");
        assertThat(fromCli.kind()).isEqualTo(Kind.EXTERNAL);
        assertThat(fromCli.image()).contains("from-env");
        assertThat(fromCli.bootstrapServer()).contains("host:9092");
    }

    @Test
    void externalSettingsComeFromTheFileToo() throws IOException {
        Path file = configFile(
                "cluster=external\nbootstrap.server=kafka.school:9092\ncommand.config=/etc/streamlab/client.properties\n");

        ClusterSettings settings = ClusterSettings.resolve(CommandLine.NONE, Map.of(), file);

        assertThat(settings.bootstrapServer()).contains("kafka.school:9092");
        assertThat(settings.commandConfig()).contains(Path.of("/etc/streamlab/client.properties"));
    }

    @Test
    void anUnknownKindNamesTheChoicesAndWhereItCameFrom() {
        assertThatThrownBy(() -> ClusterSettings.resolve(
                        CommandLine.NONE, Map.of("STREAMLAB_CLUSTER", "docker"), dir.resolve("none")))
                .isInstanceOf(ClusterException.class)
                .hasMessage(
                        "'docker' (STREAMLAB_CLUSTER) is not a kind of cluster. Use embedded, containers, external or auto.");
    }

    @Test
    void theConfigFileLocationCanBeMoved() {
        assertThat(ClusterSettings.configFile(Map.of("STREAMLAB_CONFIG", "/srv/classroom/streamlab.properties")))
                .isEqualTo(Path.of("/srv/classroom/streamlab.properties"));
        assertThat(ClusterSettings.configFile(Map.of()).toString()).endsWith(".streamlab/config.properties");
    }
}
