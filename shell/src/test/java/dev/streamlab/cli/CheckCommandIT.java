package dev.streamlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.golden.GoldenFile;
import dev.streamlab.lesson.Cell;
import dev.streamlab.lesson.Expectation;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.Step;
import dev.streamlab.notebook.Notebook;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code streamlab check} prints: a line per cell, a failed cell's reason and output under its line, every cell's
 * output with {@code --show-output}, whether the lessons share one Java session ({@code --one-session}), and its
 * progress on stderr.
 */
class CheckCommandIT {

    private static final GoldenFile GOLDEN = GoldenFile.standard().mask("\u001B\\[[0-9;]*m", "");

    /** Two made-up lessons: the second needs what the first declared, and some of its cells fail on purpose. */
    private static final Lesson FIRST = lesson(
            "90-first",
            "test/90-first.adoc",
            java("int answer = 42;", 10, "output contains \"answer ==> 42\""),
            java("int twice(int x) { return 2 * x; }", 20));

    private static final Lesson SECOND = lesson(
            "91-second",
            "test/91-second.adoc",
            java("twice(answer)", 10, "output contains \"84\""),
            java("int wrong = \"forty-two\";", 20),
            java("System.out.println(\"hello\");\nthrow new IllegalStateException(\"no answer yet\");", 30),
            java("System.out.println(\"hello\");", 40, "output contains \"goodbye\""),
            java("int answer = 43;", 50),
            new Cell(
                    Cell.Kind.COMMAND,
                    "/brokers",
                    60,
                    List.of(Expectation.parse("output contains \"Broker 1 is up\"")),
                    64,
                    List.of()));

    private static Notebook notebook;

    @BeforeAll
    static void start() {
        // These cells need no cluster; one that asked for it would fail at once with this reason.
        notebook = new Notebook(
                CompletableFuture.failedFuture(new IllegalStateException("no cluster in this test")),
                Notebook.newJavaSession());
    }

    @AfterAll
    static void stop() {
        if (notebook != null) {
            notebook.close();
        }
    }

    @Test
    void lessonZeroOnTheEmbeddedCluster() {
        CommandLineRun run = CommandLineRun.of("check", "--cluster", "embedded", "00");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).contains("Checking 00-welcome");
        GOLDEN.assertMatches("cli/check-00.txt", run.out());
        // The cell kills the partition's leader, whichever broker that is in this run.
        GoldenFile.standard()
                .mask("\u001B\\[[0-9;]*m", "")
                .mask("(Killing|Restarting) broker \\d+", "$1 broker <id>")
                .assertMatches("cli/check-00-progress.txt", run.err());
    }

    @Test
    void eachLessonGetsAFreshSessionAndAFailedCellShowsItsOutput() {
        Checked checked = check(false, false);

        assertThat(checked.counts()).isEqualTo(new CheckCommand.Counts(3, 5, 0));
        assertThat(checked.out()).contains("cannot find symbol");
        assertThat(checked.out()).as("a failed command's message, once").containsOnlyOnce("no cluster in this test");
        GOLDEN.assertMatches("cli/check-fresh-sessions.txt", checked.out());
        GOLDEN.assertMatches("cli/check-fresh-sessions-progress.txt", checked.err());
    }

    @Test
    void oneSessionKeepsWhatEarlierLessonsDeclaredAndShowOutputShowsEveryCell() {
        Checked checked = check(true, true);

        assertThat(checked.counts()).isEqualTo(new CheckCommand.Counts(4, 4, 0));
        assertThat(checked.out())
                .contains("twice(answer)", "$1 ==> 84", "created method twice(int)", "modified variable answer");
        assertThat(checked.err()).contains("Checking 91-second in the Java session 90-first left");
        GOLDEN.assertMatches("cli/check-one-session-show-output.txt", checked.out());
        GOLDEN.assertMatches("cli/check-one-session-progress.txt", checked.err());
    }

    private record Checked(CheckCommand.Counts counts, String out, String err) {}

    private static Checked check(boolean oneSession, boolean showOutput) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CheckCommand command = new CheckCommand();
        command.oneSession = oneSession;
        command.showOutput = showOutput;
        notebook.reset();
        CheckCommand.Counts counts = command.check(
                List.of(FIRST, SECOND),
                notebook,
                new Output(
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        new dev.streamlab.terminal.Styles(false)));
        return new Checked(counts, out.toString(), err.toString());
    }

    private static Lesson lesson(String id, String file, Cell... cells) {
        return new Lesson(
                id,
                id,
                file,
                Arrays.stream(cells).map(c -> new Step(List.of(), c)).toList());
    }

    private static Cell java(String code, int line, String... expect) {
        return new Cell(
                Cell.Kind.JAVA,
                code,
                line,
                Arrays.stream(expect).map(Expectation::parse).toList(),
                expect.length == 0 ? 0 : line + 4,
                List.of());
    }
}
