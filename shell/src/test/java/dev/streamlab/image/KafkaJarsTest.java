package dev.streamlab.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KafkaJarsTest {

    @Test
    void kafkaAndItsDependenciesGoInStreamlabsOwnToolsStayOut() {
        assertThat(KafkaJars.belongsInImage(Path.of("lib/kafka_2.13-4.4.0.jar")))
                .isTrue();
        assertThat(KafkaJars.belongsInImage(Path.of("lib/scala-library-2.13.18.jar")))
                .isTrue();
        assertThat(KafkaJars.belongsInImage(Path.of("lib/slf4j-simple-2.0.17.jar")))
                .isTrue();
        assertThat(KafkaJars.belongsInImage(Path.of("target/streamlab.jar"))).isFalse();
        assertThat(KafkaJars.belongsInImage(Path.of("lib/testcontainers-2.0.5.jar")))
                .isFalse();
        assertThat(KafkaJars.belongsInImage(Path.of("lib/rocksdbjni-10.1.3.jar")))
                .isFalse();
    }

    @Test
    void theClasspathHoldsKafkasJars() {
        assertThat(KafkaJars.onClasspath())
                .anyMatch(p -> p.getFileName().toString().startsWith("kafka_2.13-"));
    }
}
