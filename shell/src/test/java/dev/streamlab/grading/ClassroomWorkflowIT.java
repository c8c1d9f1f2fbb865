package dev.streamlab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped GitHub Classroom workflow, as far as this machine can run it: its steps wire the grade step's output to
 * the reporter the way the reporter reads it, and the grade step's own command, run as Actions runs it (bash -e, in
 * the course checkout, with $GITHUB_OUTPUT set), runs the visible checks on a learner's partly right lab 05, exits 0 so
 * the reporter still runs, and leaves one {@code result=} line whose score the reporter's arithmetic turns into the
 * scorecard's. The grade itself is the instructor's: {@code grade --all} over the learners' repositories as GitHub
 * Classroom's tools clone them, with the hidden checks. (What the workflow may not hold: {@link ClassroomWorkflowTest}.)
 */
@NeedsSandbox
class ClassroomWorkflowIT {

    static final Path WORKFLOW = Submissions.PROJECT.resolve("labs/classroom/streamlab-autograding.yml");

    @TempDir
    Path runner;

    @Test
    void theWorkflowHandsTheGradeToTheReporterAsItReadsIt() throws Exception {
        JsonNode steps = steps();
        JsonNode grade = step(steps, "streamlab");
        JsonNode reporter = null;
        for (JsonNode s : steps) {
            if (s.path("uses").asText().startsWith("classroom-resources/autograding-grading-reporter@")) {
                reporter = s;
            }
        }
        assertThat(reporter).as("the reporter step").isNotNull();
        String runners = reporter.path("with").path("runners").asText();
        // The reporter reads the env var <RUNNER, upper-cased>_RESULTS; its own check on the list allows letters and
        // digits.
        assertThat(runners).matches("^([a-zA-Z0-9]+,)*[a-zA-Z0-9]+$").isEqualTo("streamlab");
        assertThat(reporter.path("env").path(runners.toUpperCase() + "_RESULTS").asText())
                .isEqualTo("${{ steps." + grade.path("id").asText() + ".outputs.result }}");
        assertThat(grade.path("run").asText()).contains("--github-output");
        assertThat(grade.has("continue-on-error"))
                .as("grade's exit code 0 keeps the job going")
                .isFalse();
    }

    @Test
    void theGradeStepGradesTheLearnersCodeAndLeavesOneResultLine() throws Exception {
        JsonNode grade = step(steps(), "streamlab");
        Path course = Files.createDirectories(
                runner.resolve(grade.path("working-directory").asText()));
        // ./streamlab of the course checkout: this build's classes, which find this project's labs (the instructor's
        // copy).
        Path launcher = course.resolve("streamlab");
        Files.writeString(
                launcher,
                "#!/usr/bin/env bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '"
                        + System.getProperty("java.class.path") + "' dev.streamlab.cli.Main \"$@\"\n");
        launcher.toFile().setExecutable(true);
        learnersRepository(
                Submissions.wrong("05-fraud-window", "counts-all-cards-together"), runner.resolve("submission"));
        Path githubOutput = Files.writeString(runner.resolve("github_output"), "earlier=kept\n");

        List<String> command = new ArrayList<>(List.of(
                "bash",
                "--noprofile",
                "--norc",
                "-eo",
                "pipefail",
                "-c",
                grade.path("run").asText()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(course.toFile())
                .redirectErrorStream(true)
                .redirectOutput(runner.resolve("log.txt").toFile());
        builder.environment().put("GITHUB_OUTPUT", githubOutput.toString());
        grade.path("env")
                .fields()
                .forEachRemaining(
                        e -> builder.environment().put(e.getKey(), e.getValue().asText()));
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(runner.resolve("log.txt"));

        assertThat(process.exitValue()).as("the grade step's exit code\n" + log).isZero();
        List<String> lines = Files.readAllLines(githubOutput);
        assertThat(lines).hasSize(2).first().isEqualTo("earlier=kept");
        assertThat(lines.get(1)).startsWith("result=").doesNotContain(" ");
        JsonNode result = new ObjectMapper()
                .readTree(new String(
                        Base64.getDecoder().decode(lines.get(1).substring("result=".length())),
                        StandardCharsets.UTF_8));
        JsonNode written = new ObjectMapper()
                .readTree(course.resolve("grading-results/05-fraud-window/autograding.json")
                        .toFile());
        assertThat(result).isEqualTo(written);
        // The visible checks only (5 points of lab 05's 12): feedback, which the learner could change anyway.
        assertThat(log)
                .contains("(visible checks only)")
                .contains("Score: 3/5 points")
                .doesNotContain("(hidden)");
        assertThat(result.path("max_score").asInt()).isEqualTo(5);
        assertThat(ClassroomReporter.noticePoints(List.of(result))).isEqualTo("Points 3/5");
        assertThat(ClassroomReporter.tableTotal(result)).isEqualTo(3.0);
        assertThat(result.path("verified").asBoolean()).isTrue();
    }

    /**
     * The grade: the instructor's {@code grade 05 --all DIR} over the repositories as {@code gh classroom clone
     * student-repos} leaves them (DIR/ASSIGNMENT-submissions/REPOSITORY/, each a clone of the handout): each learner's
     * {@code starter/} is graded with every check, hidden ones too.
     */
    @Test
    void theInstructorGradesTheClonedRepositoriesWithTheHiddenChecks() throws Exception {
        Path submissions = runner.resolve("fraud-window-submissions");
        learnersRepository(
                Submissions.wrong("05-fraud-window", "counts-all-cards-together"),
                submissions.resolve("fraud-window-ada"));
        learnersRepository(Submissions.lab("05").solution(), submissions.resolve("fraud-window-bob"));
        Path results = runner.resolve("grading-results");
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();

        int code = dev.streamlab.cli.StreamlabCommand.commandLine(
                        new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true))
                .execute("grade", "05", "--all", submissions.toString(), "--results", results.toString());

        assertThat(code).as(err.toString()).isEqualTo(dev.streamlab.cli.ExitCode.CHECK_FAILED);
        // ada's Classroom feedback was 3/5 (the visible checks); her grade is 3/12.
        assertThat(err.toString())
                .contains("] fraud-window-ada: 3/12 points")
                .contains("] fraud-window-bob: 12/12 points");
        List<String> csv = Files.readAllLines(results.resolve("05-fraud-window/class-summary.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(1)).startsWith("fraud-window-ada,3,12,");
        assertThat(csv.get(2)).startsWith("fraud-window-bob,12,12,");
        JsonNode ada = new ObjectMapper()
                .readTree(results.resolve("05-fraud-window/fraud-window-ada/autograding.json")
                        .toFile());
        assertThat(ada.path("max_score").asInt()).isEqualTo(12);
        assertThat(ada.path("verified").asBoolean()).isTrue();
    }

    /** A learner's repository made from the handout, as a clone of it: the code in starter/, and what else the handout holds. */
    private static void learnersRepository(Path code, Path repository) throws Exception {
        Lab lab = Submissions.lab("05");
        AttackCatalogueIT.copy(code, repository.resolve("starter"));
        AttackCatalogueIT.copy(lab.visibleChecks(), repository.resolve("checks/visible"));
        Files.copy(lab.directory().resolve("README.adoc"), repository.resolve("README.adoc"));
        Files.copy(lab.directory().resolve("lab.properties"), repository.resolve("lab.properties"));
        Files.createDirectories(repository.resolve(".git"));
        Files.writeString(repository.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    }

    @Test
    void outsideActionsGithubOutputSaysWhatIsMissing() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getenv("GITHUB_OUTPUT") == null, "this runs in GitHub Actions");
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int code = dev.streamlab.cli.StreamlabCommand.commandLine(
                        new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true))
                .execute("grade", "05", "--github-output", "--results", runner.toString());
        assertThat(code).isEqualTo(dev.streamlab.cli.ExitCode.USAGE);
        assertThat(err.toString()).contains("GITHUB_OUTPUT is not set");
        assertThat(runner).isEmptyDirectory();
    }

    private static JsonNode steps() throws Exception {
        JsonNode workflow = new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile());
        Map.Entry<String, JsonNode> job = workflow.path("jobs").fields().next();
        return job.getValue().path("steps");
    }

    private static JsonNode step(JsonNode steps, String id) {
        for (JsonNode s : steps) {
            if (id.equals(s.path("id").asText())) {
                return s;
            }
        }
        throw new AssertionError("no step with id " + id + " in " + WORKFLOW);
    }
}
