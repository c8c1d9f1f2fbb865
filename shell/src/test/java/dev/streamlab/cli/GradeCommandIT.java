package dev.streamlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamlab.files.ProjectRoot;
import dev.streamlab.golden.GoldenFile;
import dev.streamlab.grading.NeedsSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code streamlab grade} as a learner and an instructor run it (lab 5: no cluster needed). */
class GradeCommandIT {

    private static final Path LAB = ProjectRoot.find().resolve("labs/05-fraud-window");

    @Test
    @NeedsSandbox
    void theReferenceSolutionGetsFullMarksAndBothResultFiles(@TempDir Path results) throws Exception {
        CommandLineRun run = CommandLineRun.of(
                "grade", "05", "--submission", LAB.resolve("solution").toString(), "--results", results.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out())
                .contains("Score: 12/12 points, 4 of 4 checks passed. Full marks.")
                .contains("Seed: ");
        Path dir = results.resolve("05-fraud-window");
        assertThat(Files.readString(dir.resolve("junit.xml")))
                .contains("tests=\"4\"")
                .contains("failures=\"0\"");
        JsonNode json =
                new ObjectMapper().readTree(dir.resolve("autograding.json").toFile());
        assertThat(json.get("status").asText()).isEqualTo("pass");
        assertThat(json.get("max_score").asInt()).isEqualTo(12);
    }

    /** A learner in a class: their score goes to the class server, and the instructor's view shows it. */
    @Test
    @NeedsSandbox
    void withAClassServerTheScoreReachesTheInstructorsView(@TempDir Path results) throws Exception {
        try (dev.streamlab.cluster.EmbeddedCluster cluster =
                dev.streamlab.cluster.EmbeddedCluster.builder().brokers(1).start()) {
            dev.streamlab.classroom.ClassWatch.createTopic(cluster.clientConfig());
            CommandLineRun run = CommandLineRun.of(
                    "grade",
                    "05",
                    "--submission",
                    LAB.resolve("solution").toString(),
                    "--results",
                    results.toString(),
                    "--class-server",
                    cluster.bootstrapServers(),
                    "--learner",
                    "Ada L");
            assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(run.err()).doesNotContain("cannot be reached");
            try (dev.streamlab.classroom.ClassWatch watch = dev.streamlab.classroom.ClassWatch.start(
                    cluster.clientConfig(),
                    true,
                    0,
                    dev.streamlab.classroom.ClassView.StuckRule.DEFAULT,
                    java.time.Clock.systemUTC())) {
                org.awaitility.Awaitility.await("Ada's score in the view")
                        .atMost(java.time.Duration.ofSeconds(60))
                        .pollInterval(java.time.Duration.ofMillis(200))
                        .untilAsserted(() -> assertThat(watch.view().learner("Ada L"))
                                .isNotNull()
                                .extracting(dev.streamlab.classroom.ClassView.Learner::labs)
                                .isEqualTo(java.util.Map.of("05-fraud-window", "12/12")));
            }
        }
    }

    @Test
    @NeedsSandbox
    void theStarterGetsZeroAndANonZeroExitCode(@TempDir Path results) {
        CommandLineRun run = CommandLineRun.of("grade", "05", "--seed", "20240607", "--results", results.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(run.out()).contains("Score: 0/12 points").contains("Hint: ").contains("TODO");
        // The scorecard as the learner sees it; the seed is fixed, so the checks' data and messages are too.
        String projectRoot = ProjectRoot.find().toAbsolutePath().normalize().toString();
        GoldenFile.standard()
                .mask("\u001B\\[[0-9;]*m", "")
                .assertMatches("cli/grade-05-starter.txt", run.out().replace(projectRoot, "<project>"));
    }

    @Test
    @NeedsSandbox
    void theExercismFormatWritesResultsJsonAndExitsZeroWhateverTheScore(@TempDir Path results) throws Exception {
        Path wrong =
                ProjectRoot.find().resolve("shell/src/test/resources/grading/submissions/05-fraud-window/no-window");
        CommandLineRun run = CommandLineRun.of(
                "grade",
                "05",
                "--submission",
                wrong.toString(),
                "--format",
                "exercism",
                "--results",
                results.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        Path dir = results.resolve("05-fraud-window");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("results.json");
        }
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertThat(json.get("version").asInt()).isEqualTo(3);
        assertThat(json.get("status").asText()).isEqualTo("fail");
        assertThat(json.get("tests")).hasSize(4);
        assertThat(json.get("tests").get(0).get("name").asText())
                .startsWith("FraudWindowChecks > a card with 4 attempts");
    }

    @Test
    void aFormatThatDoesNotExistIsAUsageErrorThatNamesTheChoices(@TempDir Path results) {
        CommandLineRun run = CommandLineRun.of("grade", "05", "--format", "jenkins", "--results", results.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("jenkins").contains("classroom").contains("exercism");
    }

    @Test
    @NeedsSandbox
    void visibleOnlyRunsOnlyTheVisibleChecks(@TempDir Path results) {
        CommandLineRun run = CommandLineRun.of(
                "grade",
                "05",
                "--visible-only",
                "--submission",
                LAB.resolve("solution").toString(),
                "--results",
                results.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("Score: 5/5 points").doesNotContain("(hidden)");
    }

    @Test
    void anUnknownLabListsTheLabs() {
        CommandLineRun run = CommandLineRun.of("grade", "99");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err())
                .contains("There is no lab '99'")
                .contains("01-keyed-producer")
                .contains("05-fraud-window");
    }

    @Test
    @NeedsSandbox
    void allGradesAClassAndWritesTheSummary(@TempDir Path tmp) throws Exception {
        Path learners = Files.createDirectories(tmp.resolve("class"));
        copy(LAB.resolve("solution"), learners.resolve("ada"));
        copy(LAB.resolve("starter"), learners.resolve("bob"));
        Path results = tmp.resolve("results");

        CommandLineRun run =
                CommandLineRun.of("grade", "05", "--all", learners.toString(), "--results", results.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        // Learners are graded at once, so the progress lines come in the order they finish; the summary is in folder
        // order.
        assertThat(run.err())
                .contains("] ada: 12/12 points")
                .contains("] bob: 0/12 points")
                .contains("[1/2] ")
                .contains("[2/2] ");
        List<String> csv = Files.readAllLines(results.resolve("05-fraud-window/class-summary.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(1)).startsWith("ada,12,12,100,4,4,true,");
        assertThat(csv.get(2)).startsWith("bob,0,12,0,0,4,true,");
        assertThat(results.resolve("05-fraud-window/bob/autograding.json")).exists();
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
