package dev.streamlab.cli;

import picocli.CommandLine.Command;

/** {@code streamlab class ...}: the instructor's commands for a class. */
@Command(name = "class", description = "The instructor's commands for a class.",
        subcommands = ClassWatchCommand.class)
public final class ClassCommand {
}
