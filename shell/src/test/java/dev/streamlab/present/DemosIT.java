package dev.streamlab.present;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.LessonCatalogue;
import dev.streamlab.notebook.Notebook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every built-in demo rehearses cleanly, twice in a row on the same cluster (its reset makes the second run
 * start from a clean state), as {@code streamlab demo NAME --rehearse} does, and writes its speaker notes.
 */
class DemosIT {

    private static Cluster cluster;
    private static Notebook notebook;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        cluster = EmbeddedCluster.builder().brokers(3).start();
        notebook = new Notebook(cluster);
    }

    @AfterAll
    static void stop() {
        if (notebook != null) {
            notebook.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyDemoRehearsesTwiceInARow() {
        return LessonCatalogue.builtInDemos().lessons().stream().map(demo -> DynamicTest.dynamicTest(demo.id(), () -> {
            Path notes = dir.resolve(demo.id() + "-notes.txt");
            for (int run = 1; run <= 2; run++) {
                new DemoReset(cluster.clientConfig()).reset(demo);
                Rehearsal.Report report = new Rehearsal(notebook, new SpeakerNotes(notes)).run(demo, r -> { });
                assertPassed(demo, run, report);
            }
            assertThat(Files.readString(notes)).contains("== Step 1 of").doesNotContain("topic orders has");
        }));
    }

    private static void assertPassed(Lesson demo, int run, Rehearsal.Report report) {
        assertThat(report.results()).hasSameSizeAs(demo.cells());
        assertThat(report.results()).allSatisfy(result -> assertThat(result.passed())
                .as("run %d: %s:%d `%s` did not pass: %s%noutput:%n%s", run, demo.file(), result.cell().line(),
                        result.code(), result.whyNot(), result.output())
                .isTrue());
    }
}
