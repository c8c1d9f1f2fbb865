package dev.streamlab.cli;

import dev.streamlab.cluster.ClusterListener;
import dev.streamlab.console.JLineConsole;
import dev.streamlab.console.Repl;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.LessonCatalogue;
import dev.streamlab.notebook.Notebook;
import dev.streamlab.notebook.Progress;
import dev.streamlab.notebook.StreamlabHome;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code streamlab learn [LESSON]}: a lesson in the terminal, step by step, on a real cluster. */
@Command(
        name = "learn",
        description = {
            "Open a lesson in your terminal: read, run each cell, see what Kafka does.",
            "Without a lesson, carries on where you left off. With --web, the lesson is a notebook in your browser."
        })
public final class LearnCommand implements Callable<Integer> {

    @Parameters(
            paramLabel = "LESSON",
            arity = "0..1",
            description = "A lesson by number or name, such as 00 or welcome (default: where you left off).")
    String name;

    @Option(
            names = "--web",
            description = "Open the lesson as a notebook in your browser instead of the terminal"
                    + " (served on 127.0.0.1 only; the session ends 15 minutes after its last page is closed).")
    boolean web;

    @Option(
            names = "--web-port",
            paramLabel = "PORT",
            defaultValue = "0",
            description = "The notebook's port on 127.0.0.1 with --web (default: a free one).")
    int webPort;

    @Option(names = "--no-browser", description = "With --web, print the notebook's address without opening a browser.")
    boolean noBrowser;

    @Mixin
    BrokerCountOption brokerCount = new BrokerCountOption();

    @Mixin
    ClusterOptions clusterOptions = new ClusterOptions();

    @Mixin
    ClassServerOptions classServer = new ClassServerOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output output = Output.of(spec);
        if (webPort < 0 || webPort > 65535) {
            output.error("--web-port is 0 to 65535 (0 picks a free port).");
            return ExitCode.USAGE;
        }
        LessonCatalogue catalogue = LessonCatalogue.builtIn();
        catalogue.problems().forEach(problem -> output.error("A lesson is left out until it is fixed: " + problem));
        Progress progress = Progress.load(StreamlabHome.path().resolve("progress.json"));
        Lesson lesson;
        if (name != null) {
            lesson = catalogue.find(name).orElse(null);
            if (lesson == null) {
                output.error("There is no lesson `" + name + "`. The lessons are:\n" + catalogue.listing());
                return ExitCode.USAGE;
            }
        } else {
            lesson = progress.lastLesson()
                    .flatMap(catalogue::find)
                    .orElse(catalogue.lessons().get(0));
        }
        // The publisher's one warning goes to stderr until the console is up, then above its prompt.
        java.util.concurrent.atomic.AtomicReference<java.util.function.Consumer<String>> warnings =
                new java.util.concurrent.atomic.AtomicReference<>(
                        line -> output.err().println(line));
        dev.streamlab.notebook.ClassPublisher publisher = classServer.start(
                output, clusterOptions.joinFile(), line -> warnings.get().accept(line));
        try {
            if (web) {
                return new WebLearning(output, brokerCount.brokers(), clusterOptions, webPort, !noBrowser)
                        .learn(
                                catalogue,
                                progress,
                                lesson,
                                publisher == null ? dev.streamlab.notebook.LearnerActivity.NONE : publisher);
            }
            return learn(output, catalogue, progress, lesson, publisher, warnings);
        } finally {
            warnings.set(line -> output.err().println(line));
            if (publisher != null) {
                publisher.close();
            }
        }
    }

    private int learn(
            Output output,
            LessonCatalogue catalogue,
            Progress progress,
            Lesson lesson,
            dev.streamlab.notebook.LearnerActivity publisher,
            java.util.concurrent.atomic.AtomicReference<java.util.function.Consumer<String>> warnings) {
        // The cluster starts in the background while the learner reads the first step; its progress
        // lines would garble the screen, so they stay quiet here.
        output.progress("Starting a Kafka cluster with " + brokerCount.brokers() + " brokers in the background");
        try (Notebook.Started started = Notebook.start(
                        () -> LessonClusters.start(clusterOptions, brokerCount.brokers(), ClusterListener.SILENT));
                JLineConsole console = new JLineConsole(
                        started.notebook().java(),
                        started.notebook().commands(),
                        StreamlabHome.path().resolve("history"))) {
            warnings.set(console::printAbove);
            new Repl(console, started.notebook(), catalogue, progress)
                    .following(publisher == null ? dev.streamlab.notebook.LearnerActivity.NONE : publisher)
                    .run(lesson);
        }
        return ExitCode.OK;
    }
}
