package dev.streamlab.console;

import static dev.streamlab.console.ReplSteps.ctrlCWhenOutputHas;
import static dev.streamlab.console.ReplSteps.start;
import static dev.streamlab.console.ReplSteps.step;
import static dev.streamlab.console.ScriptedConsole.ENTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.ClusterListener;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.cluster.ExternalCluster;
import dev.streamlab.diagram.Drawing;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.LessonCatalogue;
import dev.streamlab.notebook.Notebook;
import dev.streamlab.notebook.Progress;
import dev.streamlab.notebook.PromptCommand;
import dev.streamlab.notebook.PromptCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The REPL driven like a transcript, step by step: what a learner enters, and exactly what they see next ({@link ReplSteps}). */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReplIT {

    private static Cluster cluster;
    private static Notebook notebook;

    /** What lesson 00 shows first, up to its first cell, offered in the line: prose rendered, no markup left. */
    private static final String LESSON_00_STEP_1 = """

            Lesson 00: Welcome to streamlab
            9 steps. Enter runs a cell; /help lists the commands.

            ── step 1 of 9 ──
            This first lesson shows how streamlab works. You read a little, then you run a
            cell. A cell is a bit of Java, or a command that starts with /.

              • Press Enter to run the cell you see.
              • Change it first if you like: it is yours to edit.
              • Type /hint when you are stuck, and /help for every command.


            Your first cell

            Java cells run in JShell, so a line of Java is enough. No class, no main method.

            A Java cell: press Enter to run it, or edit it first.
            run ▶ int answer = 40 + 2;""";

    private static final String LESSON_00_STEP_2 = """

            ── step 2 of 9 ──

            A real cluster

            streamlab started a real Kafka cluster for you, right here on your computer. It
            has one controller and three brokers. A broker stores data and serves the
            clients that read and write it.

            A command: press Enter to run it, or edit it first.
            run ▶ /brokers""";

    private static final String BYE = "Bye. Your progress is saved; `./streamlab` brings you back here.";

    @TempDir
    Path home;

    @BeforeAll
    static void startTheCluster() {
        cluster = EmbeddedCluster.builder().brokers(1).start();
        notebook = new Notebook(cluster);
    }

    @AfterAll
    static void stopTheCluster() {
        notebook.close();
        cluster.close();
    }

    @BeforeEach
    void freshJava() {
        // Each test starts with no variables, and JShell numbers its values from $1 again.
        notebook.reset();
    }

    @Test
    void theFirstCellRunsAsOfferedAHintExplainsItAndTheNextStepRunsACommand() {
        ReplSteps.of(
                        start(LESSON_00_STEP_1),
                        step(ENTER, """
                        answer ==> 42
                          ✓ output contains "answer ==> 42"
                        Step done. Press Enter for the next step.
                        »"""),
                        step("/hint", """
                        Hint:
                        Press Enter to run the cell. streamlab shows each new variable with its value,
                        like answer ==> 42.

                        »"""),
                        step(ENTER, LESSON_00_STEP_2),
                        step(ENTER, """
                        Broker 1 is up
                          ✓ output contains "Broker 1 is up"
                        Step done. Press Enter for the next step.
                        »"""),
                        step("/quit", BYE))
                .run(this::lessonZero);

        assertThat(Progress.load(home.resolve("progress.json")).of("00-welcome").passedCells())
                .containsExactly(0, 1);
    }

    @Test
    void typedJavaRunsAndACompileErrorPointsAtTheMistake() {
        ReplSteps.of(
                        start(LESSON_00_STEP_1),
                        step("System.out.println(\"typed by me\");", """
                        typed by me
                        »"""),
                        step("String s = 42;", """
                        error: incompatible types: int cannot be converted to java.lang.String
                        String s = 42;
                                   ^
                        ✗ The code does not compile.
                        »"""),
                        step("/quit", BYE))
                .run(this::lessonZero);
    }

    /** The new Java process gets the learner's declarations again, and numbers its values from $1. */
    @Test
    void systemExitEndsOnlyJavaWhichStartsAfreshWithTheLearnersDeclarations() {
        ReplSteps.of(
                        start(LESSON_00_STEP_1),
                        step("int kept = 7;", """
                        kept ==> 7
                        »"""),
                        step("System.exit(1);", """
                        ✗ Your code ended its Java process (exit code 1, as with System.exit). The shell
                        and the cluster are fine. Java started afresh. Restored kept with its last
                        value.
                        »"""),
                        step("kept", """
                        kept ==> 7
                        »"""),
                        step("2 + 2", """
                        $1 ==> 4
                        »"""),
                        step("/quit", BYE))
                .run(this::lessonZero);
    }

    @Test
    void ctrlCStopsAnEndlessLoopAndJavaGoesOn() {
        ReplSteps.of(
                        start(LESSON_00_STEP_1),
                        ctrlCWhenOutputHas("looping", "System.out.println(\"looping\"); while (true) { }", """
                        looping
                        Stopped.
                        ✗ You stopped the code.
                        »"""),
                        step("3 + 3", """
                        $1 ==> 6
                        »"""),
                        step("/quit", BYE))
                .run(this::lessonZero);
    }

    @Test
    void anUnknownCommandSaysSoAndPointsToHelp() {
        ReplSteps.of(start(LESSON_00_STEP_1), step("/nonsense", """
                        ✗ There is no command /nonsense. /help lists them.
                        »"""), step("/quit", BYE))
                .run(this::lessonZero);
    }

    /** Typed over the offered cell, code that is not recognisably the cell runs as the learner's own: no ✓, no ✗. */
    @Test
    void codeTypedOverTheOfferedCellRunsAsTheLearnersOwnWithoutTheCellsExpectations() {
        ReplSteps.of(
                        start(LESSON_00_STEP_1),
                        step("/next", LESSON_00_STEP_2),
                        step("/next", """

                        ── step 3 of 9 ──

                        Your first topic

                        A topic is a named log of records. Create one called greetings, with one
                        partition:

                        A Java cell: press Enter to run it, or edit it first.
                        run ▶ createTopic("greetings", 1)"""),
                        step("System.out.println(\"my own code\");", """
                        my own code
                        »"""),
                        step("/quit", BYE))
                .run(this::lessonZero);
    }

    @Test
    void saveWritesEveryCellWithItsOutputAndQuitSaysBye() throws Exception {
        Path saved = home.resolve("session.adoc");
        ReplSteps.of(
                        start(LESSON_00_STEP_1),
                        step(ENTER, """
                        answer ==> 42
                          ✓ output contains "answer ==> 42"
                        Step done. Press Enter for the next step.
                        »"""),
                        step(ENTER, LESSON_00_STEP_2),
                        step(ENTER, """
                        Broker 1 is up
                          ✓ output contains "Broker 1 is up"
                        Step done. Press Enter for the next step.
                        »"""),
                        step("/save " + saved, """
                        Saved 2 cells with their output to <home>/session.adoc
                        »"""),
                        step("/quit", BYE))
                // The line wraps before a long temporary folder (a deep clone's): the mask takes the break too.
                .mask("\\s+" + Pattern.quote(home.toString()), " <home>")
                .run(this::lessonZero);

        assertThat(Files.readString(saved))
                .startsWith("= Welcome to streamlab")
                .contains("[source,java]\n----\nint answer = 40 + 2;\n----\n\n.Output\n....\nanswer ==> 42\n....")
                .contains("[command]\n----\n/brokers\n----");
        assertThat(home).isDirectoryNotContaining("glob:**.tmp");
    }

    /**
     * A learner in a class: the learning loop tells the class's publisher each step, hint and cell run (not the
     * quiet catch-up), and the instructor's Kafka Streams view, on the same cluster here, shows where they are.
     */
    @Test
    void aLearnerInAClassIsFollowedStepByStepInTheInstructorsView() throws Exception {
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        LessonCatalogue catalogue = LessonCatalogue.builtIn();
        String lesson = catalogue.find("00").orElseThrow().id();
        try (dev.streamlab.classroom.ClassWatch watch = dev.streamlab.classroom.ClassWatch.start(
                        cluster.clientConfig(),
                        true,
                        0,
                        dev.streamlab.classroom.ClassView.StuckRule.DEFAULT,
                        java.time.Clock.systemUTC());
                dev.streamlab.notebook.ClassPublisher publisher =
                        dev.streamlab.notebook.ClassPublisher.start(cluster.bootstrapServers(), "Ada", calls::add)) {
            dev.streamlab.notebook.LearnerActivity recorded = new dev.streamlab.notebook.LearnerActivity() {
                @Override
                public void stepReached(String l, int step) {
                    calls.add("step " + step);
                    publisher.stepReached(l, step);
                }

                @Override
                public void cellRun(String l, int step, dev.streamlab.notebook.CellResult result) {
                    calls.add("cell " + step + (result.passed() ? " passed" : " failed"));
                    publisher.cellRun(l, step, result);
                }

                @Override
                public void hintAsked(String l, int step) {
                    calls.add("hint " + step);
                    publisher.hintAsked(l, step);
                }
            };
            ScriptedConsole console = new ScriptedConsole(
                    List.of("/hint", "int answer = 40 + 1;", "int answer = 40 + 2;", ENTER, "/quit"));
            new Repl(console, notebook, catalogue, Progress.load(home.resolve("progress.json")))
                    .following(recorded)
                    .run(catalogue.find("00").orElseThrow());

            assertThat(calls).containsExactly("step 1", "hint 1", "cell 1 failed", "cell 1 passed", "step 2");
            org.awaitility.Awaitility.await("the instructor's view shows Ada on step 2")
                    .atMost(java.time.Duration.ofSeconds(60))
                    .pollInterval(java.time.Duration.ofMillis(100))
                    .untilAsserted(() -> {
                        var ada = watch.view().learner("Ada");
                        assertThat(ada).isNotNull();
                        assertThat(ada.lesson()).isEqualTo(lesson);
                        assertThat(ada.step()).isEqualTo(2);
                        assertThat(ada.hints()).isEqualTo(1);
                        assertThat(ada.failures())
                                .as("failures count on the step they happened")
                                .isZero();
                    });
            assertThat(watch.view().step(lesson, 2).here()).isEqualTo(1);
        }
    }

    /**
     * A learner who comes back to the end of lesson 00 on a cluster streamlab does not control (a class's) catches up
     * as {@code check} runs the lesson: the cells that stop brokers are skipped, not run and failed, and the one broker
     * of the cluster stays up.
     */
    @Test
    void catchingUpOnAClusterStreamlabDoesNotControlSkipsTheStepsThatStopBrokers() {
        LessonCatalogue catalogue = LessonCatalogue.builtIn();
        Lesson lesson = catalogue.find("00").orElseThrow();
        Progress progress = Progress.load(home.resolve("progress.json"));
        progress.at(lesson.id(), lesson.steps().size() - 1);
        try (ExternalCluster classroom =
                        ExternalCluster.connect(cluster.bootstrapServers(), null, ClusterListener.SILENT);
                Notebook onTheClassroom = new Notebook(classroom)) {
            ReplSteps.of(start("""

                            Lesson 00: Welcome to streamlab
                            9 steps. Enter runs a cell; /help lists the commands.
                            Catching up: running the 8 cells before this step again, so the next cells find
                            what they need...
                            Caught up: 6 cells ran and passed. 2 cells did not run: this cluster's brokers
                            are not streamlab's to stop.

                            ── step 9 of 9 ──
                            ▌ Note: Killing a broker is safe here. It only affects the cluster that
                            ▌ streamlab started for this lesson.


                            Where the helpers come from

                            producer(), send(…) and the others come from streamlab’s own code. Here is how
                            producer() sets up a producer:

                              │ Map<String, Object> config = clientConfig();
                              │ config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
                              │ config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
                              │ config.put(ProducerConfig.ACKS_CONFIG, "all");         // a record counts once every in-sync replica has it
                              │ config.put(ProducerConfig.LINGER_MS_CONFIG, 0);        // send at once: we look at every record

                            ▌ Tip: You can type your own Java at any time, for example send("greetings",
                            ▌ "bob", "Hi").


                            What you learned

                              • A lesson is prose and cells; Enter runs a cell.
                              • Java cells run in JShell, with Kafka clients ready to use.
                              • Commands such as /brokers and /partitions show the cluster.
                              • A partition keeps working when its leader’s broker dies.

                            Type /next to go on.

                            End of the lesson. /next starts lesson 01: The log.
                            »"""), step("/quit", BYE))
                    .run(console -> new Repl(console, onTheClassroom, catalogue, progress).run(lesson));
        }
        assertThat(cluster.brokerIds()).allMatch(cluster::isRunning);
    }

    private void lessonZero(ConsoleIO console) {
        LessonCatalogue catalogue = LessonCatalogue.builtIn();
        new Repl(console, notebook, catalogue, Progress.load(home.resolve("progress.json")))
                .run(catalogue.find("00").orElseThrow());
    }

    /**
     * /help shows every command of the one table in one layout, by where it applies; /exit is one of them, and it ends
     * the session (the harness fails if the REPL reads on after the last step).
     */
    @Test
    void helpListsEveryCommandByWhereItAppliesAndExitLeaves() {
        ReplSteps.of(start(LESSON_00_STEP_1), step("/help", """
                        Enter                           Run the cell, or go on once it passed.
                        Tab                             Complete Java, a command or its arguments.
                        Ctrl-C                          Stop running code.

                        In a lesson
                          /next                         The next step.
                          /back                         The step before.
                          /run                          Run the lesson's cell as written, even if you
                                                        edited it.
                          /hint                         A hint for this step.
                          /toc                          Lessons and your progress.

                        Any time
                          /reset                        Forget your Java variables (the cluster stays).
                          /save FILE                    Save this session, with every output, as
                                                        AsciiDoc.
                          /help                         This list.
                          /quit, /exit                  Leave (your progress is saved).

                        The cluster
                          /brokers                      Which brokers are up.
                          /broker kill|stop|restart ID  Kill (crash), stop (gracefully) or restart a
                                                        broker. ID may also be `leader TOPIC PARTITION`,
                                                        `follower TOPIC PARTITION`, or `stopped` to
                                                        restart every stopped broker.
                          /topics                       The topics, with their partition counts.
                          /partitions TOPIC             Partitions against brokers: leaders, followers,
                                                        copies out of sync, and what changed since you
                                                        last looked.
                          /log TOPIC [PARTITION]        A partition's log from old to new, with where
                                                        each group is.
                          /groups                       Consumer groups: members, committed offsets and
                                                        lag.
                          /queue GROUP                  A share group: its members, and each record's
                                                        state (acknowledged, available again, archived)
                                                        with how many times Kafka delivered it.

                        Your Java variables
                          /topology [VARIABLE]          Draws a Kafka Streams topology you built: the
                                                        newest Topology variable, or the one you name.
                          /smt [VARIABLE] [N]           Applies a transform chain (a map of transforms.*
                                                        settings) to N sample customer events, before ->
                                                        after.

                        SQL
                          /jobs [stop ID|all]           The SQL jobs (INSERT INTO) and their status;
                                                        `/jobs stop ID` stops one (the first characters
                                                        of its id are enough).

                        Or type any Java, such as send("greetings", "bob", "Hi")
                        »"""), step("/exit", BYE))
                .run(this::lessonZero);
    }

    /**
     * The one table decides: every command in it is on the /help page, completes (as Tab asks the table), and runs its
     * own action when typed, by its name or another; a line that names no command in it runs nothing.
     */
    @Test
    void helpCompletionAndDispatchAgreeOnEveryCommandOfTheTable() {
        LessonCatalogue catalogue = LessonCatalogue.builtIn();
        PromptCommands table = notebook.commands();
        List<String> script = new ArrayList<>(List.of("/help"));
        List<String> expected = new ArrayList<>();
        List<String> dispatched = new java.util.concurrent.CopyOnWriteArrayList<>();
        ScriptedConsole console = new ScriptedConsole(List.of());
        Repl repl = new Repl(console, notebook, catalogue, Progress.load(home.resolve("progress.json")));
        List<PromptCommand> all = table.all();
        try {
            expected.add("/help");
            for (PromptCommand c : all) {
                table.add(new PromptCommand(
                        c.name(), c.aliases(), c.usage(), c.help(), c.where(), c.arguments(), args -> {
                            dispatched.add(c.name());
                            return c.action().run(args);
                        }));
                if (!c.name().equals("/quit")) {
                    c.names().forEach(name -> {
                        script.add(name);
                        expected.add(c.name());
                    });
                }
            }
            script.addAll(List.of("/nonsense", "/brokerz", "/HELP", "/exit"));
            expected.add("/quit");
            console.enter(script);

            repl.run(catalogue.find("00").orElseThrow());
        } finally {
            all.forEach(table::add); // the shared notebook's table as it was, without the recording
        }

        String screen = console.transcript();
        String help = screen.substring(screen.indexOf("/help\nEnter"), screen.indexOf("Or type any Java"))
                .replaceAll("\\s+", " ");
        assertThat(all).extracting(PromptCommand::name).contains("/next", "/quit", "/brokers", "/topology", "/jobs");
        for (PromptCommand c : all) {
            assertThat(help).as("/help shows " + c.name()).contains(" " + c.usage() + " " + c.help() + " ");
            c.names().forEach(name -> {
                assertThat(table.complete(name.substring(0, 2)))
                        .as("/" + name.charAt(1) + " Tab")
                        .contains(name);
                assertThat(table.complete(name)).as(name + " Tab").contains(name);
            });
        }
        assertThat(dispatched)
                .as("the commands that ran, in the order they were typed")
                .containsExactlyElementsOf(expected);
        assertThat(screen)
                .contains(
                        "There is no command /nonsense.",
                        "There is no command /brokerz.",
                        "There is no command /HELP.");
    }

    /**
     * The learner's terminal shows a diagram in colour at its own width; the saved transcript (and what expectations
     * read) has it plain at 80 columns.
     */
    @Test
    void aDiagramIsDrawnInColourAtTheTerminalsWidthAndPlainInTheTranscript() throws Exception {
        Path saved = home.resolve("diagram.adoc");
        ScriptedConsole console = new ScriptedConsole(
                List.of(
                        "createTopic(\"wide\", 1)",
                        "for (int i = 0; i < 120; i++) send(\"wide\", \"k\" + i, \"v\");",
                        "/partitions wide",
                        "/log wide",
                        "/save " + saved),
                true,
                132);
        LessonCatalogue catalogue = LessonCatalogue.builtIn();

        new Repl(console, notebook, catalogue, Progress.load(home.resolve("progress.json")))
                .run(catalogue.lessons().get(0));

        String screen = console.transcript();
        String map = screen.substring(screen.indexOf("/partitions wide"));
        assertThat(map).as("colour on the terminal").contains("\u001b[");
        assertThat(map.lines()
                        .map(l -> l.replaceAll("\u001b\\[[0-9;]*m", ""))
                        .mapToInt(String::length)
                        .max()
                        .orElse(0))
                .isLessThanOrEqualTo(132);
        String strip = screen.substring(screen.indexOf("/log wide"));
        assertThat(strip.lines()
                        .map(l -> l.replaceAll("\u001b\\[[0-9;]*m", ""))
                        .mapToInt(String::length)
                        .max()
                        .orElse(0))
                .as("the log strip uses the terminal's 132 columns")
                .isGreaterThan(Drawing.PLAIN_WIDTH);
        String transcript = Files.readString(saved);
        assertThat(transcript.lines().mapToInt(String::length).max().orElse(0))
                .as("the transcript's width")
                .isLessThanOrEqualTo(Drawing.PLAIN_WIDTH);
        assertThat(transcript).contains("/partitions wide").doesNotContain("\u001b");
        assertThat(transcript.substring(transcript.indexOf("/partitions wide"))).contains("leader");
    }
}
