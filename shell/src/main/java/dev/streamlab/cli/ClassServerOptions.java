package dev.streamlab.cli;

import dev.streamlab.classroom.JoinFile;
import dev.streamlab.classroom.ProgressEvent;
import dev.streamlab.notebook.ClassPublisher;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --class-server HOST:PORT --learner NAME}: publish this learner's progress to the instructor's class view. */
public final class ClassServerOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--class-server",
            paramLabel = "HOST:PORT",
            description =
                    "A plain class server (no login: anyone who reaches it can write in any name): your steps, cells'"
                            + " results, hints and lab scores go there as events for the class view (your name, never your"
                            + " code). Lessons still run on your own cluster. In a class with join files, --class does this.")
    String classServer;

    @Option(
            names = "--learner",
            paramLabel = "NAME",
            description = "Your name as on the class roster (with --class-server).")
    String learner;

    /** The publisher, or null without --class-server or a join file; a bad value is a usage error naming the fix. */
    ClassPublisher start(Output output, Optional<JoinFile> join) {
        return start(output, join, line -> output.err().println(line));
    }

    /**
     * The same, with the one warning line (already styled) going to {@code warnings}. With a join file ({@code --class})
     * the progress goes to the class's own cluster, as the learner; with {@code --class-server}, to a plain broker.
     */
    ClassPublisher start(Output output, Optional<JoinFile> join, java.util.function.Consumer<String> warnings) {
        java.util.function.Consumer<String> styled = warning ->
                warnings.accept(output.styles().apply(dev.streamlab.terminal.Styles.NOTICE, "Class:") + " " + warning);
        if (join.isPresent()) {
            if (classServer != null || learner != null) {
                throw new ParameterException(
                        spec.commandLine(),
                        "Your join file (--class) already sends your progress to" + " your class, as "
                                + join.get().learner() + ": leave out --class-server and --learner.");
            }
            return ClassPublisher.start(join.get(), styled);
        }
        if (classServer == null) {
            if (learner != null) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--learner names you for a class: add --class-server"
                                + " HOST:PORT (the instructor's Kafka), or leave out --learner.");
            }
            return null;
        }
        if (!classServer.matches("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}")) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--class-server '" + classServer + "' is not HOST:PORT:"
                            + " give the instructor's Kafka broker, such as 192.168.1.10:9092.");
        }
        if (learner == null) {
            throw new ParameterException(
                    spec.commandLine(), "--class-server needs your name as on the roster: add" + " --learner NAME.");
        }
        if (!ProgressEvent.isValidName(learner)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--learner '" + learner + "' is not a roster name: use 1 to"
                            + " 40 letters, digits, spaces, dots, hyphens or apostrophes, starting with a letter or digit.");
        }
        try {
            return ClassPublisher.start(classServer, learner, styled);
        } catch (org.apache.kafka.common.KafkaException e) {
            // Kafka's client refuses a host name it cannot resolve at all, before any connection.
            throw new ParameterException(
                    spec.commandLine(),
                    "--class-server '" + classServer + "': its host cannot be"
                            + " found. Check the address your instructor gave, or leave out --class-server to learn on your own.");
        }
    }
}
