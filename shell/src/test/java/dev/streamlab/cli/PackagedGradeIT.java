package dev.streamlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.files.ProjectRoot;
import dev.streamlab.grading.NeedsSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grade} as ./streamlab runs it: from the packaged jar, whose manifest names its libraries. The check JVM in the
 * sandbox must get them too (it once got the jar alone, and every check ended with ClassNotFoundException).
 */
@NeedsSandbox
class PackagedGradeIT {

    @TempDir
    Path results;

    @Test
    void thePackagedJarGradesTheReferenceSolutionWithFullMarks() throws Exception {
        Path root = ProjectRoot.find();
        Path jar = root.resolve("shell/target/streamlab.jar");
        Assumptions.assumeTrue(Files.exists(jar), "the jar is built by `package`, before the integration tests");
        Path log = results.resolve("log.txt");
        Process grade = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "grade",
                        "05",
                        "--submission",
                        root.resolve("labs/05-fraud-window/solution").toString(),
                        "--results",
                        results.resolve("out").toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();

        assertThat(grade.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(grade.exitValue()).as(output).isEqualTo(ExitCode.OK);
        assertThat(output)
                .contains("Score: 12/12 points, 4 of 4 checks passed. Full marks.")
                .doesNotContain("ClassNotFoundException");
    }
}
