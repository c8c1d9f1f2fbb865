package dev.streamlab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.lesson.Lesson;
import dev.streamlab.lesson.LessonCatalogue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every lesson in {@code lessons/} runs headless, cell by cell, against a real cluster, through the
 * same {@link LessonRunner} that {@code streamlab check} uses: a broken lesson fails the build.
 */
class LessonsIT {

    private static Cluster cluster;
    private static Notebook notebook;

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
    Stream<DynamicTest> everyLessonPasses() {
        List<Lesson> lessons = LessonCatalogue.builtIn().lessons();
        assertThat(lessons).isNotEmpty();
        return lessons.stream().map(lesson -> DynamicTest.dynamicTest(lesson.id(), () -> {
            List<CellResult> results = new LessonRunner(notebook).run(lesson, result -> { });
            assertThat(results).hasSameSizeAs(lesson.cells());
            assertThat(results).allSatisfy(result -> assertThat(result.passed())
                    .as("%s:%d `%s` did not pass: %s%noutput:%n%s", lesson.file(), result.cell().line(),
                            result.code(), result.whyNot(), result.output())
                    .isTrue());
        }));
    }
}
