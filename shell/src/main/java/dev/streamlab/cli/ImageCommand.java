package dev.streamlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code streamlab image}: the Kafka image for containers clusters. */
@Command(
        name = "image",
        description = "The Kafka image that containers clusters run.",
        subcommands = {ImageBuildCommand.class})
public final class ImageCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
