package dev.streamlab.console;

import static dev.streamlab.console.ScriptedConsole.ENTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.diagram.Drawing;
import dev.streamlab.lesson.LessonCatalogue;
import dev.streamlab.notebook.Notebook;
import dev.streamlab.notebook.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The REPL driven like a transcript: what a learner types, and what they see. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReplIT {

    private static Cluster cluster;
    private static Notebook notebook;

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        cluster = EmbeddedCluster.builder().brokers(1).start();
        notebook = new Notebook(cluster);
    }

    @AfterAll
    static void stop() {
        notebook.close();
        cluster.close();
    }

    @Test
    void aLearnerRunsCellsTypesJavaAndSurvivesTheirMistakes() throws Exception {
        Path saved = home.resolve("session.adoc");
        ScriptedConsole console = new ScriptedConsole(List.of(
                ENTER,                                   // run the first cell as offered
                "/hint",
                ENTER,                                   // go on to step 2
                ENTER,                                   // run /brokers
                "System.out.println(\"typed by me\");",
                "String s = 42;",
                "System.exit(1);",
                "2 + 2",
                ScriptedConsole.ctrlCWhenOutputHas("looping"),
                "System.out.println(\"looping\"); while (true) { }",
                "3 + 3",
                "/nonsense",
                "/next",                                 // step 3 offers createTopic(...)
                "System.out.println(\"my own code\");",  // typed over the offered cell: the learner's own code
                "/save " + saved,
                "/quit"));
        Progress progress = Progress.load(home.resolve("progress.json"));
        LessonCatalogue catalogue = LessonCatalogue.builtIn();

        new Repl(console, notebook, catalogue, progress).run(catalogue.find("00").orElseThrow());

        String transcript = console.transcript();
        assertThat(transcript)
                .contains("Lesson 00: Welcome to streamlab")
                .contains("Your first cell")
                .doesNotContain("*cell*", "kbd:[", "`/hint`")           // prose is rendered, not raw markup
                .contains("run ▶ int answer = 40 + 2;\nanswer ==> 42\n  ✓ output contains \"answer ==> 42\"\nStep done.")
                .contains("Hint:\n")
                .contains("Broker 1 is up")
                .contains("typed by me")
                .contains("String s = 42;\n           ^")
                .contains("exit code 1", "Java started afresh")
                .contains("» 2 + 2\n$1 ==> 4")
                .contains("looping\nStopped.")
                .contains("==> 6")
                .contains("There is no command /nonsense")
                .contains("run ▶ System.out.println(\"my own code\");\nmy own code\n» ")
                .contains("Saved ");
        assertThat(Progress.load(home.resolve("progress.json")).of("00-welcome").passedCells()).contains(0, 1);
        assertThat(Files.readString(saved))
                .startsWith("= Welcome to streamlab")
                .contains("[source,java]\n----\nint answer = 40 + 2;\n----\n\n.Output\n....\nanswer ==> 42\n....")
                .contains("[command]\n----\n/brokers\n----");
        assertThat(home).isDirectoryNotContaining("glob:**.tmp");
    }

    /** /help shows every command of the one table, /exit is one of them (and completes), and it ends the session. */
    @Test
    void helpListsEveryCommandAndExitLeaves() {
        ScriptedConsole console = new ScriptedConsole(List.of("/help", "/exit", "/next"));
        Progress progress = Progress.load(home.resolve("progress.json"));
        LessonCatalogue catalogue = LessonCatalogue.builtIn();

        new Repl(console, notebook, catalogue, progress).run(catalogue.lessons().get(0));

        assertThat(console.transcript()).contains("""
                Enter          run the cell (or go on, once it passed)
                /next          the next step
                /back          the step before
                /run           run the lesson's cell as written, even if you edited it
                /hint          a hint for this step
                /toc           lessons and your progress
                /reset         forget your Java variables (the cluster stays)
                /save FILE     save this session, with every output, as AsciiDoc
                /help          this list
                /quit, /exit   leave (your progress is saved)
                Tab            complete Java;  Ctrl-C  stop running code
                """);
        for (var c : notebook.commands().all()) {
            assertThat(console.transcript()).contains(String.format("%-30s %s%n", c.usage(), c.help()));
        }
        assertThat(console.transcript()).endsWith("Bye. Your progress is saved; `./streamlab` brings you back here.\n");
        assertThat(console.unread()).as("nothing read after /exit").containsExactly("/next");
        assertThat(Repl.commandNames(notebook.commands())).contains("/exit", "/quit", "/help", "/save");
    }

    /**
     * The learner's terminal shows a diagram in colour at its own width; the saved transcript (and what expectations
     * read) has it plain at 80 columns.
     */
    @Test
    void aDiagramIsDrawnInColourAtTheTerminalsWidthAndPlainInTheTranscript() throws Exception {
        Path saved = home.resolve("diagram.adoc");
        ScriptedConsole console = new ScriptedConsole(List.of("createTopic(\"wide\", 1)",
                "for (int i = 0; i < 120; i++) send(\"wide\", \"k\" + i, \"v\");", "/partitions wide", "/log wide", "/save " + saved),
                true, 132);
        LessonCatalogue catalogue = LessonCatalogue.builtIn();

        new Repl(console, notebook, catalogue, Progress.load(home.resolve("progress.json"))).run(catalogue.lessons().get(0));

        String screen = console.transcript();
        String map = screen.substring(screen.indexOf("/partitions wide"));
        assertThat(map).as("colour on the terminal").contains("\u001b[");
        assertThat(map.lines().map(l -> l.replaceAll("\u001b\\[[0-9;]*m", "")).mapToInt(String::length).max().orElse(0))
                .isLessThanOrEqualTo(132);
        String strip = screen.substring(screen.indexOf("/log wide"));
        assertThat(strip.lines().map(l -> l.replaceAll("\u001b\\[[0-9;]*m", "")).mapToInt(String::length).max().orElse(0))
                .as("the log strip uses the terminal's 132 columns").isGreaterThan(Drawing.PLAIN_WIDTH);
        String transcript = Files.readString(saved);
        assertThat(transcript.lines().mapToInt(String::length).max().orElse(0)).as("the transcript's width")
                .isLessThanOrEqualTo(Drawing.PLAIN_WIDTH);
        assertThat(transcript).contains("/partitions wide").doesNotContain("\u001b");
        assertThat(transcript.substring(transcript.indexOf("/partitions wide"))).contains("leader");
    }
}
