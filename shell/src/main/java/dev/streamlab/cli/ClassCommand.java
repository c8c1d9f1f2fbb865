package dev.streamlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code streamlab class ...}: the instructor's commands for a class on one shared, secure cluster. */
@Command(
        name = "class",
        description = {
            "A class on one shared cluster: each learner gets a SCRAM credential and ACLs on the names under their own"
                    + " prefix (ana.orders), and a join file to pass to learn or check as --class FILE."
        },
        subcommands = {
            ClassCreateCommand.class,
            ClassListCommand.class,
            ClassRemoveCommand.class,
            ClassWatchCommand.class
        })
public final class ClassCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
