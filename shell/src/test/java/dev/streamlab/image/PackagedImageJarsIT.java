package dev.streamlab.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The offline image gets the jars of streamlab's packaged class path ({@code target/lib}, through the jar's manifest).
 * Its starter runs Kafka's Docker wrapper, which reads YAML: a dependency declared for tests only once left that jar
 * out, and every image build failed while the in-process tests (which see test jars too) passed.
 */
class PackagedImageJarsIT {

    @Test
    void thePackagedClassPathHoldsWhatTheImagesKafkaStarterUses() throws Exception {
        Path jar = Path.of("target/streamlab.jar");
        assertThat(jar).as("built by the package phase").isRegularFile();
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                "target/test-classes" + File.pathSeparator + jar,
                ClassProbe.class.getName(),
                KafkaStarter.class.getName(),
                "kafka.docker.KafkaDockerWrapper$",
                "kafka.tools.StorageTool",
                "com.fasterxml.jackson.dataformat.yaml.YAMLFactory");
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(output).isEmpty();
        assertThat(probe.exitValue()).isZero();
        assertThat(KafkaJars.belongsInImage(Path.of("lib/jackson-dataformat-yaml-2.21.7.jar")))
                .isTrue();
    }
}
