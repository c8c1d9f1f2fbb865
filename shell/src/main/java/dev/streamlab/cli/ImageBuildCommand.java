package dev.streamlab.cli;

import dev.streamlab.cluster.containers.KafkaImage;
import dev.streamlab.image.LocalImageBuilder;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamlab image build}: the Kafka image for classrooms without a container registry. */
@Command(
        name = "build",
        description = {
            "Build a Kafka image without any container registry: Debian packages (debootstrap) and Kafka's jars",
            "from Maven Central. It reads the same environment variables as apache/kafka. Linux, as root.",
            "Then: --cluster containers --image " + "streamlab/kafka:VERSION-local (or STREAMLAB_IMAGE)."
        })
public final class ImageBuildCommand implements Callable<Integer> {

    @Option(names = "--tag", paramLabel = "NAME", description = "The image's name (default: ${DEFAULT-VALUE}).")
    String tag = KafkaImage.LOCAL;

    @Option(names = "--fresh-base", description = "Make the Debian base image again instead of reusing it.")
    boolean freshBase;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output output = Output.of(spec);
        new LocalImageBuilder(output::progress).build(tag, freshBase);
        output.result(tag);
        return ExitCode.OK;
    }
}
