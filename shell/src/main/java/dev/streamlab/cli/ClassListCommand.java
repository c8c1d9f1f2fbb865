package dev.streamlab.cli;

import java.util.List;
import java.util.concurrent.Callable;

import dev.streamlab.classroom.ClassAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code streamlab class list}: every learner on the cluster, their prefix, ACLs and topics. */
@Command(name = "list", description = "Show every learner of a class on the cluster: prefix, ACLs and topics.")
public final class ClassListCommand implements Callable<Integer> {

    @Mixin
    ClassClusterOptions cluster;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output output = Output.of(spec);
        try (ClassAdmin admin = cluster.connect()) {
            List<ClassAdmin.Member> members = admin.list();
            if (members.isEmpty()) {
                output.progress("No learners on " + cluster.bootstrapServer + ". Make a class with 'streamlab class create'.");
                return ExitCode.OK;
            }
            int width = members.stream().mapToInt(m -> m.learner().length()).max().orElse(7);
            output.result(String.format("%-" + Math.max(width, 7) + "s  %-9s  %s", "learner", "ACLs", "topics"));
            for (ClassAdmin.Member m : members) {
                output.result(String.format("%-" + Math.max(width, 7) + "s  %-9s  %s", m.learner(), m.acls(),
                        m.topics().isEmpty() ? "-" : String.join(", ", m.topics())));
            }
        }
        return ExitCode.OK;
    }
}
