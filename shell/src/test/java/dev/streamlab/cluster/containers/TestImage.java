package dev.streamlab.cluster.containers;

import java.util.Optional;
import org.testcontainers.DockerClientFactory;

/** The image container tests run: {@code STREAMLAB_IMAGE} if set, else what a learner would get by default. */
final class TestImage {

    private TestImage() {}

    static String name() {
        return Optional.ofNullable(System.getenv("STREAMLAB_IMAGE"))
                .filter(s -> !s.isBlank())
                .orElseGet(() ->
                        KafkaImage.preferred(DockerClientFactory.instance().client()));
    }
}
