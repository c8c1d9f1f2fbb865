package dev.streamlab.cli;

import dev.streamlab.classroom.ClassAdmin;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamlab class remove}: learners' ACLs and credentials, and on request their topics. */
@Command(
        name = "remove",
        description = {
            "Remove learners from the cluster: their ACLs and credentials (their join files stop working),"
                    + " and with --delete-topics their topics."
        })
public final class ClassRemoveCommand implements Callable<Integer> {

    static final class Who {
        @Option(
                names = "--learner",
                paramLabel = "NAME",
                required = true,
                description = "A learner to remove (repeatable).")
        List<String> learners;

        @Option(names = "--all", required = true, description = "Every learner 'class list' shows.")
        boolean all;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Who who;

    @Option(names = "--delete-topics", description = "Delete the learners' topics too.")
    boolean deleteTopics;

    @Mixin
    ClassClusterOptions cluster;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output output = Output.of(spec);
        try (ClassAdmin admin = cluster.connect()) {
            ClassAdmin.Removed removed = admin.remove(who.all ? List.of() : who.learners, deleteTopics);
            if (removed.learners().isEmpty()) {
                output.progress("No learners on " + cluster.bootstrapServer + ": nothing to remove.");
                return ExitCode.OK;
            }
            output.result("Removed " + String.join(", ", removed.learners()) + ": " + removed.acls() + " ACLs"
                    + (deleteTopics
                            ? ", " + removed.topics().size() + " topics"
                            : " (their topics stay; --delete-topics removes them)"));
        }
        return ExitCode.OK;
    }
}
