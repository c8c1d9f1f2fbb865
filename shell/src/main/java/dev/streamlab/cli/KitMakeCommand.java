package dev.streamlab.cli;

import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.containers.DockerEngine;
import dev.streamlab.cluster.containers.KafkaImage;
import dev.streamlab.files.ProjectRoot;
import dev.streamlab.kit.KitException;
import dev.streamlab.kit.KitImages;
import dev.streamlab.kit.KitMaker;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code streamlab kit make DIR}: the instructor's side of a kit. */
@Command(
        name = "make",
        description = {
            "Make a workshop kit in DIR (a new or empty folder) to copy onto sticks or a share: the distribution",
            "(built by ./mvnw -B -ntp -Pdist -DskipTests package), the Kafka image (docker save) when Docker answers,",
            "the installers install.sh and install.cmd, and CHECKSUMS. Attendees run 'sh DIR/install.sh'."
        })
public final class KitMakeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The kit's folder (new or empty).")
    Path dir;

    @Option(
            names = "--dist",
            paramLabel = "FILE",
            description = "The distribution's streamlab-VERSION.tar.gz (default: dist/target/ of this project).")
    Path dist;

    @Option(
            names = "--image",
            paramLabel = "IMAGE",
            description = "The Kafka image to save (default: the one the containers cluster would use).")
    String image;

    @Option(names = "--no-image", description = "An embedded-only kit, without the Kafka image.")
    boolean noImage;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Output output = Output.of(spec);
        if (noImage && image != null) {
            output.error("--image and --no-image exclude each other: choose one.");
            return ExitCode.USAGE;
        }
        String version = dev.streamlab.kit.KitContents.thisVersion();
        Path tarGz = dist != null ? dist : ProjectRoot.find().resolve("dist/target/streamlab-" + version + ".tar.gz");
        Optional<String> saved;
        try {
            saved = imageToSave(output);
        } catch (ClusterException e) {
            output.error(e.getMessage());
            return ExitCode.ENVIRONMENT;
        }
        KitMaker.Made made;
        try {
            made = new KitMaker(output::progress).make(tarGz, version, saved, KitImages::save, dir);
        } catch (KitException e) {
            output.error(e.getMessage());
            return ExitCode.ENVIRONMENT;
        }
        for (String file : made.files()) {
            output.result(String.format(
                    "%8.1f MB  %s", java.nio.file.Files.size(made.dir().resolve(file)) / 1e6, file));
        }
        output.result(String.format(
                "Kit for streamlab %s in %s: %.0f MB, %s. Attendees run: sh %s (Windows: %s)",
                version,
                made.dir(),
                made.bytes() / 1e6,
                saved.map(i -> "embedded and containers (image " + i + ")").orElse("embedded only (no Kafka image)"),
                made.dir().resolve("install.sh"),
                made.dir().resolve("install.cmd")));
        return ExitCode.OK;
    }

    /** The image to put in: the one asked for (which must be here or pullable), else the default one if Docker has it. */
    private Optional<String> imageToSave(Output output) {
        if (noImage) {
            return Optional.empty();
        }
        DockerEngine.Status docker = DockerEngine.probe();
        if (!docker.answers()) {
            if (image != null) {
                throw new ClusterException("No Docker engine answers (" + docker.detail() + "), so " + image
                        + " cannot be saved. Start Docker, or make an embedded-only kit with --no-image.");
            }
            output.progress("No Docker engine answers (" + docker.detail() + "): the kit will be embedded only");
            return Optional.empty();
        }
        String chosen = image != null ? image : KafkaImage.preferred(DockerEngine.client());
        try {
            KafkaImage.ensurePresent(DockerEngine.client(), chosen, output::progress);
        } catch (ClusterException e) {
            if (image != null) {
                throw e;
            }
            output.progress(
                    "The Kafka image " + chosen + " is not here and cannot be pulled: the kit will be embedded only"
                            + " (build one with 'streamlab image build', then make the kit again)");
            return Optional.empty();
        }
        return Optional.of(chosen);
    }
}
