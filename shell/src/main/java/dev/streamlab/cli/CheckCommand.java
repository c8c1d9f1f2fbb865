package dev.streamlab.cli;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.LessonCatalogue;
import dev.streamlab.notebook.CellResult;
import dev.streamlab.notebook.ClassPublisher;
import dev.streamlab.notebook.LearnerActivity;
import dev.streamlab.notebook.LessonRunner;
import dev.streamlab.notebook.Notebook;
import dev.streamlab.terminal.Styles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code streamlab check [LESSON...]}: runs lessons headless, as a learner would, and checks every expectation. */
@Command(
        name = "check",
        description = {
            "Run lessons without a terminal, cell by cell, and check what each cell expects.",
            "Each lesson gets a fresh Java session, as for a learner who opens it with `learn LESSON`;"
                    + " --one-session runs them in one, as for a learner who goes on from one to the next.",
            "Prints a line per cell (with its output when it fails) and ends with `N passed, N failed`."
        })
public final class CheckCommand implements Callable<Integer> {

    /** Where a cell's explanation and output start, under its result line. */
    private static final String INDENT = "       ";

    @Parameters(
            paramLabel = "LESSON",
            arity = "0..*",
            description = "Lessons by number or name, such as 00 or welcome (default: every lesson).")
    List<String> names = new ArrayList<>();

    @Option(
            names = "--one-session",
            description = {
                "Run the lessons in one Java session, in the course's order, keeping the variables, methods"
                        + " and classes each lesson leaves: as `learn` offers them to a learner who goes from one lesson to"
                        + " the next (/next) in one sitting. Catches a lesson that needs, or is broken by, a name an earlier"
                        + " one left.",
                "By default each lesson starts with a fresh Java session, as for a learner who starts at it"
                        + " (`learn 02`)."
            })
    boolean oneSession;

    @Option(
            names = "--show-output",
            description = "Print every cell's output under its line, as the learner sees it (a failed cell's output is"
                    + " always printed).")
    boolean showOutput;

    @Mixin
    BrokerCountOption brokerCount;

    @Mixin
    ClusterOptions clusterOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output output = Output.of(spec);
        LessonCatalogue catalogue = LessonCatalogue.builtIn();
        // An author's broken lesson is left out of the catalogue; checking every lesson says so, and fails.
        catalogue.problems().forEach(problem -> output.error("This lesson cannot be read: " + problem));
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
        if (oneSession) {
            // A learner in one sitting only goes forward (/next), so the lessons run in the course's order.
            lessons = lessons.stream()
                    .distinct()
                    .sorted(Comparator.comparingInt(
                            lesson -> catalogue.lessons().indexOf(lesson)))
                    .toList();
        }
        Counts counts;
        // In a class, what the learner's checks did goes to the class's view, as the learner.
        ClassPublisher publisher = clusterOptions
                .joinFile()
                .map(join -> ClassPublisher.start(
                        join,
                        warning ->
                                output.err().println(output.styles().apply(Styles.NOTICE, "Class:") + " " + warning)))
                .orElse(null);
        try (Cluster cluster = LessonClusters.start(clusterOptions, brokerCount.brokers(), output::progress);
                Notebook notebook = new Notebook(cluster)) {
            counts = check(lessons, notebook, output, publisher == null ? LearnerActivity.NONE : publisher);
        } finally {
            if (publisher != null) {
                publisher.close(Duration.ofSeconds(5));
            }
        }
        output.result(counts.passed() + " passed, " + counts.failed() + " failed"
                + (counts.skipped() > 0
                        ? ", " + counts.skipped()
                                + " skipped (they stop brokers, which this cluster does not let streamlab do)"
                        : ""));
        boolean unreadable = names.isEmpty() && !catalogue.problems().isEmpty();
        return counts.failed() == 0 && !unreadable ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    /** How many cells passed and failed. */
    record Counts(int passed, int failed, int skipped) {}

    /** Runs the lessons on the notebook, in fresh Java sessions or in one (--one-session), and prints a line per cell. */
    Counts check(List<Lesson> lessons, Notebook notebook, Output output) {
        return check(lessons, notebook, output, LearnerActivity.NONE);
    }

    /** The same, telling {@code activity} each cell's result and each lesson whose cells all passed. */
    Counts check(List<Lesson> lessons, Notebook notebook, Output output, LearnerActivity activity) {
        int[] counts = new int[3];
        LessonRunner runner = new LessonRunner(notebook);
        Lesson before = null;
        for (Lesson lesson : lessons) {
            int[] cellNumber = {0};
            int passedBefore = counts[0];
            int failedBefore = counts[1];
            LessonRunner.Listener each = new LessonRunner.Listener() {
                private int step;

                @Override
                public void step(int number, int total, dev.streamlab.lesson.Step lessonStep) {
                    step = number;
                    activity.stepReached(lesson.id(), number);
                }

                @Override
                public void result(CellResult result) {
                    cellNumber[0]++;
                    counts[result.skipped() ? 2 : result.passed() ? 0 : 1]++;
                    if (!result.skipped()) {
                        activity.cellRun(lesson.id(), Math.max(1, step), result);
                    }
                    output.result(line(
                            lesson.number() + " cell " + cellNumber[0], lesson, result, showOutput, output.styles()));
                }
            };
            if (oneSession && before != null) {
                output.progress("Checking " + lesson.id() + " in the Java session " + before.id() + " left");
                runner.continueSession(lesson, each);
            } else {
                output.progress("Checking " + lesson.id()
                        + (oneSession
                                ? " (one Java session for "
                                        + lessons.stream().map(Lesson::number).collect(Collectors.joining(", ")) + ")"
                                : ""));
                runner.run(lesson, each);
            }
            // Finished as a learner finishes it: some cell ran, and none failed.
            if (counts[1] == failedBefore && counts[0] > passedBefore) {
                activity.lessonFinished(lesson.id());
            }
            before = lesson;
        }
        return new Counts(counts[0], counts[1], counts[2]);
    }

    /** A result line: {@code label} names the cell ("01 cell 3", "step 3"); a failed cell's reason and output follow. */
    static String line(String label, Lesson lesson, CellResult result, Styles styles) {
        return line(label, lesson, result, false, styles);
    }

    /**
     * A result line, then, for a failed cell, why it failed; then the cell's output as the learner sees it (compile
     * errors, jshell's feedback such as {@code created method f()}, values, exceptions), indented and marked with
     * {@code |}, for a failed cell or when {@code showOutput}.
     */
    static String line(String label, Lesson lesson, CellResult result, boolean showOutput, Styles styles) {
        String where = label + " (" + lesson.file() + ":" + result.cell().line() + ")";
        String code = result.code().lines().findFirst().orElse("").strip();
        if (code.length() > 40) {
            code = code.substring(0, 37) + "...";
        }
        String time = String.format("%.1f s", result.elapsed().toMillis() / 1000.0);
        StringBuilder text = new StringBuilder(
                        result.skipped()
                                ? styles.apply(Styles.FAINT, "skip") + " "
                                : result.passed()
                                        ? styles.apply(Styles.GOOD, "ok  ") + " "
                                        : styles.apply(Styles.BAD, "FAIL") + " ")
                .append(where + "  " + code + "  " + time);
        if (result.skipped()) {
            return text.append('\n').append(INDENT).append(result.problem()).toString();
        }
        String shown = result.output().stripTrailing().replaceFirst("^(\\s*\\n)+", "");
        if (!result.passed()) {
            String why = result.whyNot() == null
                    ? "It did not pass."
                    : result.whyNot().strip();
            why.lines().forEach(reason -> text.append('\n').append(INDENT).append(reason));
            if (why.equals(shown.strip()) && !showOutput) {
                shown = ""; // a command's error is its whole output: once is enough
            }
        }
        if (!result.passed() || showOutput) {
            shown.lines().forEach(out -> text.append('\n').append(INDENT).append(("| " + out).stripTrailing()));
        }
        return text.toString();
    }
}
