package dev.streamlab.kit;

import com.github.dockerjava.api.DockerClient;
import dev.streamlab.cluster.containers.DockerEngine;
import dev.streamlab.cluster.containers.KafkaImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The Kafka image in a kit: {@code docker save} on the instructor's machine, {@code docker load} on an attendee's,
 * through the Docker client streamlab already uses (Testcontainers' docker-java), so no {@code docker} command is needed.
 */
public final class KitImages {

    private KitImages() {}

    /** Saves {@code image} (which must be here) into {@code file}. */
    public static void save(String image, Path file) throws IOException {
        DockerClient docker = DockerEngine.client();
        if (!KafkaImage.isPresent(docker, image)) {
            throw new KitException(
                    "The image " + image + " is not in this Docker engine. Build it with 'streamlab image build'"
                            + " (for " + KafkaImage.LOCAL
                            + "), pull it, name another with --image, or make an embedded-only kit with --no-image.");
        }
        try (InputStream in = docker.saveImageCmd(image).exec()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Loads a saved image into the Docker engine; true when {@code image} is there afterwards. */
    public static boolean load(Path file, String image) throws IOException {
        DockerClient docker = DockerEngine.client();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            docker.loadImageCmd(in).exec();
        }
        return KafkaImage.isPresent(docker, image);
    }
}
