package dev.streamlab.cli;

import picocli.CommandLine.Command;

/** {@code streamlab cluster ...}: clusters for use outside the lessons. */
@Command(
        name = "cluster",
        description = "Run a Kafka cluster for your own tools.",
        subcommands = ClusterUpCommand.class)
public final class ClusterCommand {}
