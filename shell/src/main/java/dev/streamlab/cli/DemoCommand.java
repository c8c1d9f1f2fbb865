package dev.streamlab.cli;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.notebook.Notebook;
import dev.streamlab.present.DemoPlayer;
import dev.streamlab.present.DemoReset;
import dev.streamlab.present.DemoScripts;
import dev.streamlab.present.Rehearsal;
import dev.streamlab.present.SpeakerNotes;
import dev.streamlab.terminal.Styles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code streamlab demo NAME|FILE}: plays a demo for an audience, or rehearses it headless with {@code --rehearse}. */
@Command(
        name = "demo",
        description = {
            "Play a demo (lessons/demos/NAME.adoc), a lesson, or any file in the lesson format, for an audience:"
                    + " each cell typed out, run on a key press.",
            "--rehearse runs it headless at full speed, checks its expectations and prints the time of every step."
        })
public final class DemoCommand implements Callable<Integer> {

    @Parameters(
            paramLabel = "DEMO",
            description = "A demo's or lesson's name (such as streaming-first or 01), or an .adoc file.")
    String name;

    @Option(
            names = "--rehearse",
            description = "Run every step headless at full speed, check the expectations, report the times.")
    boolean rehearse;

    @Option(
            names = "--notes",
            paramLabel = "FILE",
            description =
                    "Write the speaker notes ([.notes] blocks) of each step to FILE as the demo goes (tail -f it elsewhere).")
    Path notesFile;

    @Mixin
    BrokerCountOption brokerCount;

    @Mixin
    ClusterOptions clusterOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Output output = Output.of(spec);
        Lesson demo = DemoScripts.find(name).orElse(null);
        if (demo == null) {
            output.error("There is no demo `" + name + "`.\n" + DemoScripts.listing());
            return ExitCode.USAGE;
        }
        SpeakerNotes notes = notesFile == null ? null : new SpeakerNotes(notesFile);
        long start = System.nanoTime();
        try (Cluster cluster = LessonClusters.start(clusterOptions, brokerCount.brokers(), output::progress);
                Notebook notebook = new Notebook(cluster)) {
            DemoReset reset = new DemoReset(cluster.clientConfig());
            List<String> deleted = reset.reset(demo);
            if (!deleted.isEmpty()) {
                output.progress("Reset: deleted " + String.join(", ", deleted));
            }
            return rehearse
                    ? rehearse(demo, notebook, notes, output, start)
                    : play(demo, notebook, reset, notes, output);
        }
    }

    private int rehearse(Lesson demo, Notebook notebook, SpeakerNotes notes, Output output, long start) {
        output.progress("Rehearsing " + demo.id() + " (" + demo.cells().size() + " steps)");
        int[] number = {0};
        Rehearsal.Report report = new Rehearsal(notebook, notes)
                .run(
                        demo,
                        result ->
                                output.result(CheckCommand.line("step " + ++number[0], demo, result, output.styles())));
        double steps = report.total().toMillis() / 1000.0;
        double all = (System.nanoTime() - start) / 1e9;
        output.result(
                String.format("%d passed, %d failed", report.results().size() - report.failed(), report.failed()));
        output.result(
                String.format("Rehearsed %s: steps %.1f s, with the cluster's start %.1f s", demo.id(), steps, all));
        return report.passed() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    private int play(Lesson demo, Notebook notebook, DemoReset reset, SpeakerNotes notes, Output output)
            throws IOException {
        // Warm the Java session up before the audience sees the first step.
        notebook.reset();
        notebook.runTyped("1 + 1");
        try (Terminal terminal =
                TerminalBuilder.builder().system(true).dumb(true).build()) {
            boolean real = !Terminal.TYPE_DUMB.equals(terminal.getType())
                    && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
            Styles styles = Styles.forTerminal(real);
            output.progress("Ready: the cluster is up and Java is warm. Press any key to start (q quits at any step).");
            Attributes previous = terminal.enterRawMode();
            try {
                PrintWriter out = terminal.writer();
                DemoPlayer.Keys keys = timeout -> {
                    try {
                        return terminal.reader().read(timeout);
                    } catch (IOException e) {
                        return DemoPlayer.Keys.END;
                    }
                };
                if (demo.hasSql()) {
                    notebook.prepareSql(); // Flink starts while the presenter talks: its cell keeps nobody waiting
                }
                while (keys.read(60_000) == DemoPlayer.Keys.TIMEOUT) {
                    // waiting for the presenter
                }
                int failures = new DemoPlayer(
                                notebook::run,
                                () -> reset.reset(demo),
                                notes,
                                keys,
                                out,
                                styles,
                                terminal.getWidth() > 0 ? terminal.getWidth() : 100)
                        .play(demo);
                return failures == 0 ? ExitCode.OK : ExitCode.CHECK_FAILED;
            } finally {
                terminal.setAttributes(previous);
            }
        }
    }
}
