package dev.streamlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.LessonCatalogue;
import dev.streamlab.notebook.CellResult;
import dev.streamlab.notebook.LessonRunner;
import dev.streamlab.notebook.Notebook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code streamlab check [LESSON...]}: runs lessons headless, as a learner would, and checks every expectation. */
@Command(name = "check", description = {
        "Run lessons without a terminal, cell by cell, and check what each cell expects.",
        "Prints a line per cell and ends with `N passed, N failed`."})
public final class CheckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "LESSON", arity = "0..*",
            description = "Lessons by number or name, such as 00 or welcome (default: every lesson).")
    List<String> names = new ArrayList<>();

    @Mixin
    BrokerCountOption brokerCount;

    @Mixin
    ClusterOptions clusterOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output output = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), Output.ansiFromEnvironment());
        LessonCatalogue catalogue = LessonCatalogue.builtIn();
        List<Lesson> lessons = new ArrayList<>();
        for (String name : names) {
            Lesson lesson = catalogue.find(name).orElse(null);
            if (lesson == null) {
                output.error("There is no lesson `" + name + "`. The lessons are:\n" + catalogue.listing());
                return ExitCode.USAGE;
            }
            lessons.add(lesson);
        }
        if (lessons.isEmpty()) {
            lessons.addAll(catalogue.lessons());
        }
        int[] counts = new int[2];
        try (Cluster cluster = LessonClusters.start(clusterOptions, brokerCount.brokers(), output::progress);
             Notebook notebook = new Notebook(cluster)) {
            for (Lesson lesson : lessons) {
                output.progress("Checking " + lesson.id());
                int[] cellNumber = {0};
                new LessonRunner(notebook).run(lesson, result -> {
                    cellNumber[0]++;
                    counts[result.passed() ? 0 : 1]++;
                    output.result(line(lesson, cellNumber[0], result));
                });
            }
        }
        output.result(counts[0] + " passed, " + counts[1] + " failed");
        return counts[1] == 0 ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    static String line(Lesson lesson, int number, CellResult result) {
        String where = lesson.number() + " cell " + number + " (" + lesson.file() + ":" + result.cell().line() + ")";
        String code = result.code().lines().findFirst().orElse("").strip();
        if (code.length() > 40) {
            code = code.substring(0, 37) + "...";
        }
        String time = String.format("%.1f s", result.elapsed().toMillis() / 1000.0);
        return result.passed()
                ? "@|green ok  |@ " + where + "  " + code + "  " + time
                : "@|red,bold FAIL|@ " + where + "  " + code + "  " + time + "\n       " + result.whyNot()
                        + (result.output().isBlank() ? "" : "\n       output: " + result.output().strip().replace("\n", "\n               "));
    }
}
