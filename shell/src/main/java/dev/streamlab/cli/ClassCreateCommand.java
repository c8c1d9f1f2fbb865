package dev.streamlab.cli;

import dev.streamlab.classroom.ClassAdmin;
import dev.streamlab.classroom.Roster;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamlab class create}: credentials, prefixed ACLs and a join file per learner of a roster. */
@Command(
        name = "create",
        description = {
            "Give each learner of the roster a SCRAM credential, ACLs on the topics, groups and transactional ids under"
                    + " their prefix (NAME.), and a join file (join-NAME.properties) to hand them.",
            "Each learner's user gets Kafka's quotas, so no learner can starve the others: the brokers slow down whoever goes"
                    + " over (see the options below).",
            "If anything fails, what was made is removed again."
        })
public final class ClassCreateCommand implements Callable<Integer> {

    @Option(
            names = "--roster",
            paramLabel = "FILE",
            required = true,
            description = "The learners, one name a line (lower-case letters, digits, - and _; # starts a comment).")
    Path roster;

    @Mixin
    ClassClusterOptions cluster;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "join-files",
            description =
                    "Where to write the join files (default: ${DEFAULT-VALUE}); existing ones are never overwritten.")
    Path out;

    @Mixin
    LearnerQuotaOptions quota;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output output = Output.of(spec);
        Roster learners = Roster.read(roster);
        output.progress("Creating a class of " + learners.learners().size() + " on " + cluster.bootstrapServer);
        try (ClassAdmin admin = cluster.connect()) {
            ClassAdmin.Created created = admin.create(learners, out, quota.quota());
            for (int i = 0; i < created.learners().size(); i++) {
                String learner = created.learners().get(i);
                output.result(learner + "  " + Roster.prefix(learner) + "*  "
                        + created.joinFiles().get(i));
            }
            output.progress("Hand each learner their join file; they start with: ./streamlab learn --class FILE");
        }
        return ExitCode.OK;
    }
}
