package dev.streamlab.console;

import static dev.streamlab.console.ScriptedConsole.ENTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.cluster.containers.ContainersCluster;
import dev.streamlab.cluster.containers.DockerEngine;
import dev.streamlab.golden.GoldenFile;
import dev.streamlab.lesson.Cell;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.LessonCatalogue;
import dev.streamlab.lesson.Step;
import dev.streamlab.notebook.JavaSession;
import dev.streamlab.notebook.Notebook;
import dev.streamlab.notebook.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole course, 00 to 05, the way a learner takes it: one shell, one Java session, one cluster, lesson after
 * lesson as {@code ./streamlab} offers them. At every exercise (a Java cell with a hint) the learner first types
 * a cell that does not compile; at some, a cell that gives a wrong value, then asks for a hint; then the fix.
 * They go back and run a cell again, stop an endless loop, reset Java, save the session, quit in the middle
 * of lesson 02 and come back (a new process: new Java, new cluster) to where they were.
 *
 * <p>What the learner saw is compared with golden files ({@code -Dgolden.update=true} rewrites them): the whole
 * screen, and each lesson's saved transcript. A change to a lesson's prose or to any output shows up there.
 *
 * <p>One class per setup ({@link CourseInOneSessionIT}, {@link CourseOnANewJdkIT}, {@link CourseOnContainersIT}), so that
 * the integration tests' forks can take them side by side.
 */
@Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class CourseInOneSession {

    /** Where the learner quits, and comes back: the "Rewind" step of lesson 02, after running it. */
    private static final String QUIT_IN = "02-consumer-positions";

    private static final int QUIT_AFTER_CELL = 6;

    /** Wrong attempts that run, harmlessly, and give a value the cell's expectations reject. */
    private static final Map<String, String> WRONG_VALUES = Map.of(
            "00-welcome:0", "int answer = 40 + 1;",
            "01-the-log:6", """
                    var reader = consumer("reader");
                    var partition0 = new TopicPartition("orders", 1);
                    reader.assign(List.of(partition0));
                    reader.seek(partition0, 0);
                    pollAndPrint(reader, 3);""",
            "02-consumer-positions:6", """
                    var partition0 = new TopicPartition("page-views", 0);
                    robin.seek(partition0, 2);
                    robin.commitSync(Map.of(partition0, new OffsetAndMetadata(2)));
                    pollAndPrint(robin, 10);""",
            "05-stream-processing:5", """
                    var sim = new FraudSimulation(FraudRules.fromTheTalk(), Instant.parse("2026-03-02T09:00:00Z"));
                    for (int i = 0; i < 3; i++) {
                        sim.attempt("4000-0001");
                    }
                    System.out.println("fraud so far: " + sim.fraud());""");

    @TempDir
    Path home;

    record Setup(String golden, Supplier<Cluster> cluster, Path java) {}

    /** Where this run of the course happens: the cluster, the learner's JDK, and the golden files' folder. */
    abstract Setup setup();

    static Setup embedded() {
        return new Setup(
                "course/embedded", () -> EmbeddedCluster.builder().brokers(3).start(), thisJdk());
    }

    static Setup embeddedOnANewJdk() {
        return new Setup(
                "course/embedded-new-jdk",
                () -> EmbeddedCluster.builder().brokers(3).start(),
                newJdk());
    }

    static Setup containers() {
        return new Setup(
                "course/containers",
                () -> ContainersCluster.builder().brokers(3).start(),
                thisJdk());
    }

    private static Path thisJdk() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static Path newJdk() {
        return dev.streamlab.notebook.InstalledJdks.withoutThreadStop().orElse(null);
    }

    @Test
    void theWholeCourseInOneSession() throws Exception {
        Setup setup = setup();
        Assumptions.assumeTrue(setup.java() != null, "no JDK 20 or newer here (set STREAMLAB_TEST_NEW_JDK)");
        if (setup.golden().contains("containers")) {
            Assumptions.assumeTrue(DockerEngine.probe().answers(), "no Docker engine answers");
        }
        LessonCatalogue catalogue = LessonCatalogue.builtIn();
        Path progressFile = home.resolve("progress.json");
        StringBuilder screen = new StringBuilder();

        // Part one: from the first lesson until the learner quits in lesson 02.
        List<String> firstPart = new ArrayList<>();
        List<String> secondPart = new ArrayList<>();
        List<String> script = firstPart;
        for (Lesson lesson : catalogue.lessons()) {
            for (int index = 0; index < lesson.steps().size(); index++) {
                Step step = lesson.steps().get(index);
                if (lesson.id().equals(QUIT_IN)
                        && step.hasCell()
                        && lesson.cells().indexOf(step.cell()) == QUIT_AFTER_CELL) {
                    takeCell(lesson, step.cell(), script);
                    script.add("/quit");
                    script = secondPart;
                    script.add(ENTER); // run the offered cell again: it was not run in this process
                    script.add(ENTER); // go on
                    continue;
                }
                if (step.hasCell()) {
                    takeCell(lesson, step.cell(), script);
                }
                extras(lesson, index, script);
                if (index == lesson.steps().size() - 1) {
                    script.add("/save " + home.resolve("saved").resolve(lesson.id() + ".adoc"));
                }
                script.add(ENTER); // go on (after the last step: the next lesson)
            }
        }

        java.util.Set<Path> scratchBefore = scratchFolders();
        Progress progress = Progress.load(progressFile);
        Path screenFile = Path.of("target", setup.golden() + "-screen.txt");
        Files.createDirectories(screenFile.getParent());
        try (Cluster cluster = setup.cluster().get();
                Notebook notebook = notebook(cluster, setup.java())) {
            ScriptedConsole console = new ScriptedConsole(firstPart);
            try {
                new Repl(console, notebook, catalogue, progress)
                        .run(catalogue.lessons().get(0));
            } finally {
                screen.append(console.transcript());
                Files.writeString(screenFile, screen); // to read when the test fails
            }
        }
        // A new ./streamlab: a new Java process and, as with the embedded cluster, a new cluster.
        Progress resumed = Progress.load(progressFile);
        assertThat(resumed.lastLesson()).contains(QUIT_IN);
        try (Cluster cluster = setup.cluster().get();
                Notebook notebook = notebook(cluster, setup.java())) {
            ScriptedConsole console = new ScriptedConsole(secondPart);
            try {
                new Repl(console, notebook, catalogue, resumed)
                        .run(catalogue.find(resumed.lastLesson().orElseThrow()).orElseThrow());
            } finally {
                screen.append(console.transcript());
                Files.writeString(screenFile, screen);
            }
        }

        // Another streamlab running on this machine meanwhile (a second test run) may have folders of its own.
        assertThat(scratchFolders())
                .as("temporary folders the session left behind (lesson 05's simulation, the cells' own)")
                .filteredOn(dir -> !scratchBefore.contains(dir) && !ownedByAnotherLiveProcess(dir))
                .isEmpty();
        String seen = screen.toString();
        assertThat(seen)
                .contains(
                        "Catching up: running the 6 cells before this step again",
                        "Caught up: 6 cells ran and passed.",
                        "This was the last lesson. Well done!");
        Progress done = Progress.load(progressFile);
        for (Lesson lesson : catalogue.lessons()) {
            assertThat(done.of(lesson.id()).passedCells())
                    .as("cells passed in %s", lesson.id())
                    .hasSize(lesson.cells().size());
        }
        GoldenFile golden = masks();
        golden.assertMatches(setup.golden() + "/screen.txt", seen);
        for (Lesson lesson : catalogue.lessons()) {
            Path saved = home.resolve("saved").resolve(lesson.id() + ".adoc");
            assertThat(saved).exists();
            golden.assertMatches(setup.golden() + "/" + lesson.id() + ".adoc", Files.readString(saved));
        }
    }

    /** A learner at one cell: mistakes first at an exercise, then the cell as the lesson gives it. */
    private static boolean ownedByAnotherLiveProcess(Path dir) {
        try {
            long owner =
                    Long.parseLong(Files.readString(dir.resolve("owner.pid")).strip());
            return owner != ProcessHandle.current().pid()
                    && ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false);
        } catch (java.io.IOException | NumberFormatException e) {
            return false;
        }
    }

    private static java.util.Set<Path> scratchFolders() throws java.io.IOException {
        try (var dirs = Files.newDirectoryStream(
                Path.of(System.getProperty("java.io.tmpdir")), "streamlab-{streams,cells,sql-engine}-*")) {
            java.util.Set<Path> found = new java.util.HashSet<>();
            dirs.forEach(found::add);
            return found;
        }
    }

    private static void takeCell(Lesson lesson, Cell cell, List<String> script) {
        boolean exercise = cell.kind() == Cell.Kind.JAVA && !cell.hints().isEmpty();
        String wrong = WRONG_VALUES.get(lesson.id() + ":" + lesson.cells().indexOf(cell));
        if (exercise) {
            // A typo in a first line of its own: nothing of the cell runs, so nothing happens twice in Kafka.
            script.add("Sytem.out.println(\"trying\");\n" + cell.code());
        }
        boolean sqlTypo = cell.kind() == Cell.Kind.SQL && cell.code().contains("\nFROM ");
        if (sqlTypo) {
            // The classic SQL typo: Flink's message names the line and column, and the fixed cell passes.
            script.add(cell.code().replaceFirst("\nFROM ", "\nFORM "));
        }
        if (wrong != null) {
            script.add(wrong);
            script.add("/hint");
        }
        script.add(exercise || wrong != null || sqlTypo ? cell.code() : ENTER);
    }

    /** What else the learner does at a step, after its cell: go back, stop a loop, reset, look around. */
    private static void extras(Lesson lesson, int index, List<String> script) {
        if (lesson.id().equals("00-welcome") && index == 1) {
            script.add("int keep = 7;");
            script.add(ScriptedConsole.ctrlCWhenOutputHas("looping"));
            // One snippet, so the stop finds the loop running (a stop between two snippets ends the cell at once).
            script.add("for (long i = 0; ; i++) { if (i == 0) System.out.println(\"looping\"); }");
            script.add("keep + 1");
        }
        if (lesson.id().equals("00-welcome") && index == lesson.steps().size() - 1) {
            script.add("/reset");
            script.add("keep");
        }
        if (lesson.id().equals("04-kafka-connect")
                && lesson.steps().get(index).hasCell()
                && lesson.cells().indexOf(lesson.steps().get(index).cell()) == 1) {
            // Back to the step before, run its cell again, and come forward to run this one again.
            script.add("/back");
            Step before = lesson.steps().get(index - 1);
            if (before.hasCell()) {
                script.add(ENTER);
                script.add(ENTER);
            } else {
                script.add(ENTER);
            }
            script.add(ENTER);
            script.add("/toc");
        }
    }

    private static Notebook notebook(Cluster cluster, Path java) {
        JavaSession session = new JavaSession(java, Notebook.JAVA_OPTIONS, Notebook.PRELUDE);
        return new Notebook(CompletableFuture.completedFuture(cluster), session);
    }

    /**
     * What may differ between two honest runs of the course: which broker leads which partition (and so which one
     * a "kill the leader" kills), how many records a writer got in before a failover, whether a consumer that died with
     * its Java session has timed out yet, ports, temporary folders and hash codes. Offsets, values and everything a
     * lesson says stay as they are.
     */
    static GoldenFile masks() {
        return GoldenFile.standard()
                .mask("(?m)^(partition \\d+\\*?)\\s.*$", "$1 <leaders and followers>")
                .mask("(?m)^\\s+broker \\d+\\*?\\s.*$", "<brokers>")
                .mask("(?m)^\\s+(up|down)\\*?\\s.*$", "<brokers up or down>")
                .mask("[Bb]roker \\d+", "broker <id>")
                .mask("Acknowledged: \\d+, read back: \\d+", "Acknowledged: <n>, read back: <n>")
                .mask("clicks-\\d", "clicks-<p>")
                // Lesson 00's consumer of g1 dies with the /reset after it, without leaving its group; the brokers let
                // it
                // go after 10 s, so lesson 02's first /groups shows it still there or gone, by how fast the course ran.
                .mask(
                        "(?m)^g1 +(?:active +greetings-0 +consumer-g1-\\d+|idle +greetings-0 +-) +",
                        "g1  <active or idle>  greetings-0  <lesson 00's consumer or ->  ")
                // Lesson 06: which cook the consumer group gives the partition, and how a share group spreads its
                // orders and members, change from run to run; what each record went through does not.
                .mask("(?m)^(anna|ben|cleo) reads \\[(kitchen-0)?\\]$", "<cook> reads <kitchen-0 or nothing>")
                .mask("(?m)^(cooks\\s+active\\s+|\\s+)(kitchen-0|-)\\s+(anna|ben|cleo)\\s.*$", "<a cook's row>")
                .mask("(?m)^(anna|ben|cleo) cooked \\d+: .*$", "$1 cooked <n>: <orders>")
                .mask("(?m)^  (anna|ben|cleo)\\s+reads .*$", "  <member> reads <partitions>")
                .mask("start offset \\d+  log end", "start offset <n>  log end")
                .mask("after \\d+ s cleo gets", "after <n> s cleo gets")
                .mask("@[0-9a-f]{2,8}(?![0-9a-zA-Z])", "@<hash>")
                // The SQL engine: how long it took to start (it starts in the background when lesson 05 opens), and the
                // ids and clock times of its jobs.
                .mask("(?m)^(Starting the SQL engine \\(Apache Flink.*|  \\.\\.\\. .*)\\n", "")
                .mask("(?m)^[0-9a-f]{8}(\\s+[A-Z]+\\s+)\\d{2}:\\d{2}:\\d{2}", "<job>$1<clock>")
                .mask("\\b[0-9a-f]{32}\\b", "<job>")
                .mask("(Job |/jobs stop )[0-9a-f]{8}\\b", "$1<job>");
    }
}
