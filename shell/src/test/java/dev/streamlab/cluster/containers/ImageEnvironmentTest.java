package dev.streamlab.cluster.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.cluster.TeachingSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kafka.docker.KafkaDockerWrapper$;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

class ImageEnvironmentTest {

    @Test
    void namesFollowTheApacheKafkaImageConvention() {
        assertThat(ImageEnvironment.variable("min.insync.replicas")).isEqualTo("KAFKA_MIN_INSYNC_REPLICAS");
        assertThat(ImageEnvironment.variable("listener.name.internal.ssl.keystore_type"))
                .isEqualTo("KAFKA_LISTENER_NAME_INTERNAL_SSL_KEYSTORE__TYPE");
        assertThat(ImageEnvironment.variable("some-dashed.name")).isEqualTo("KAFKA_SOME___DASHED_NAME");
    }

    /** Kafka's own KafkaDockerWrapper (what the image runs) turns our variables back into exactly our settings. */
    @Test
    void kafkasDockerWrapperReadsBackEveryTeachingSetting() {
        Map<String, String> settings = new LinkedHashMap<>(TeachingSettings.broker(3));
        settings.putAll(TeachingSettings.controller(3));
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT");

        var env = scala.collection.immutable.Map$.MODULE$.from(
                CollectionConverters.asScala(ImageEnvironment.of(settings)));
        Set<String> readBack =
                CollectionConverters.asJava(KafkaDockerWrapper$.MODULE$.getServerConfigsFromEnv(env)).stream()
                        .collect(Collectors.toSet());

        assertThat(readBack)
                .isEqualTo(settings.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.toSet()));
    }
}
