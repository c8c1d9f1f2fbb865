package dev.streamlab.cluster.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.ClusterListener;
import java.util.concurrent.TimeUnit;

/** The Kafka images a containers cluster can run: Apache's official one, or the one {@code streamlab image build} makes. */
public final class KafkaImage {

    public static final String KAFKA_VERSION = kafkaVersion();
    /** Apache Kafka's official image, from Docker Hub. */
    public static final String OFFICIAL = "apache/kafka:" + KAFKA_VERSION;
    /** Built on this machine from Debian packages and Maven Central jars; never pushed anywhere. */
    public static final String LOCAL = "streamlab/kafka:" + KAFKA_VERSION + "-local";

    private static final long PULL_TIMEOUT_MINUTES = 15;

    private KafkaImage() {}

    /** The Kafka version streamlab was built with, which is also the version of every image it runs. */
    private static String kafkaVersion() {
        java.util.Properties versions = new java.util.Properties();
        try (var in = KafkaImage.class.getResourceAsStream("/streamlab-version.properties")) {
            versions.load(in);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("streamlab-version.properties is missing from the build", e);
        }
        return versions.getProperty("kafka.version");
    }

    public static boolean isPresent(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * The image to use when none was asked for: the official one if it is here, else a locally built one if it
     * is here, else the official one (to be pulled).
     */
    public static String preferred(DockerClient docker) {
        if (!isPresent(docker, OFFICIAL) && isPresent(docker, LOCAL)) {
            return LOCAL;
        }
        return OFFICIAL;
    }

    /** Makes sure the image is here, pulling it if it is not; a {@link ClusterException} says what to do when it cannot. */
    public static void ensurePresent(DockerClient docker, String image, ClusterListener listener) {
        if (isPresent(docker, image)) {
            return;
        }
        listener.step("Pulling image " + image + " (once; it is several hundred MB)");
        try {
            docker.pullImageCmd(image)
                    .exec(new PullProgress(listener))
                    .awaitCompletion(PULL_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while pulling image " + image + ".", e);
        } catch (RuntimeException e) {
            throw notPullable(image, e);
        }
        if (!isPresent(docker, image)) {
            throw notPullable(image, null);
        }
    }

    static ClusterException notPullable(String image, Throwable cause) {
        String reason = cause == null
                ? ""
                : " ("
                        + String.valueOf(cause.getMessage())
                                .strip()
                                .lines()
                                .findFirst()
                                .orElse("") + ")";
        String hint = image.equals(LOCAL)
                ? "Build it with 'streamlab image build'"
                : "Without a registry, build an image with 'streamlab image build' and use --image " + LOCAL;
        return new ClusterException(
                "Image " + image + " is not on this machine and cannot be pulled" + reason + ". " + hint
                        + ", or use --cluster embedded.",
                cause);
    }

    /** Passes on one progress line per layer state change, not every byte count. */
    private static final class PullProgress extends PullImageResultCallback {
        private final ClusterListener listener;
        private String last = "";

        PullProgress(ClusterListener listener) {
            this.listener = listener;
        }

        @Override
        public void onNext(PullResponseItem item) {
            super.onNext(item);
            String status = item.getStatus();
            if (status != null
                    && !status.startsWith("Downloading")
                    && !status.startsWith("Extracting")
                    && !status.equals(last)) {
                last = status;
                listener.step("  " + (item.getId() == null ? "" : item.getId() + ": ") + status);
            }
        }
    }
}
