package dev.streamlab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.lesson.Expectation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressAndTranscriptTest {

    @TempDir
    Path dir;

    @Test
    void progressSurvivesARestartAndADamagedFile() throws Exception {
        Path file = dir.resolve("home/progress.json");
        Progress progress = Progress.load(file);
        assertThat(progress.lastLesson()).isEmpty();
        progress.at("00-welcome", 3);
        progress.passed("00-welcome", 2);

        Progress again = Progress.load(file);
        assertThat(again.lastLesson()).contains("00-welcome");
        assertThat(again.of("00-welcome").step()).isEqualTo(3);
        assertThat(again.of("00-welcome").passedCells()).containsExactly(2);
        assertThat(file.getParent()).isDirectoryNotContaining("glob:**.tmp");

        Files.writeString(file, "{ not json");
        assertThat(Progress.load(file).lastLesson()).isEmpty();
    }

    @Test
    void homeCanBeMovedForTests() {
        String before = System.getProperty(StreamlabHome.PROPERTY);
        System.setProperty(StreamlabHome.PROPERTY, dir.toString());
        try {
            assertThat(StreamlabHome.path()).isEqualTo(dir);
        } finally {
            if (before == null) {
                System.clearProperty(StreamlabHome.PROPERTY);
            } else {
                System.setProperty(StreamlabHome.PROPERTY, before);
            }
        }
    }

    @Test
    void aTranscriptIsAsciiDocWithRealOutputs() throws Exception {
        Transcript transcript = new Transcript("Welcome");
        transcript.add(new CellResult(
                null,
                "int x = 1;",
                JavaOutcome.OK,
                "x ==> 1\n----\n",
                null,
                List.of(new CellResult.Check(Expectation.parse("output contains \"x\""), true, "")),
                Duration.ZERO));
        transcript.add(new CellResult(
                null, "/topics", JavaOutcome.OK, "orders  3 partitions\n", null, List.of(), Duration.ZERO));

        Path saved = transcript.save(dir.resolve("out/session.adoc"));

        assertThat(Files.readString(saved))
                .startsWith("= Welcome\n")
                .contains("[source,java]\n----\nint x = 1;\n----\n\n.Output\n....\nx ==> 1\n ----\n....\n")
                .contains("* [x] output contains \"x\"")
                .contains("[command]\n----\n/topics\n----");
        assertThat(saved.getParent()).isDirectoryNotContaining("glob:**.tmp");
    }
}
