package dev.streamlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code streamlab kit}: a workshop kit, to hand out on sticks or a share, that installs and runs with no network. */
@Command(
        name = "kit",
        description = "A workshop kit that installs with no network: make one, or install from one.",
        subcommands = {KitMakeCommand.class, KitInstallCommand.class})
public final class KitCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
