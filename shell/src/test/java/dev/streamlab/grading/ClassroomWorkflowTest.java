package dev.streamlab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped GitHub Classroom workflow runs in the learner's own repository, where the learner can change it: so it
 * holds nothing that could read the course's hidden checks or solutions (no secret, no token, no path to them) and
 * runs the visible checks only. Its score is feedback; the grade is the instructor's {@code grade --all}.
 * (The workflow's steps, run: {@link ClassroomWorkflowIT}.)
 */
class ClassroomWorkflowTest {

    /** A command of a run script: what lies between line breaks, ';', '&' and '|'. */
    private static final Pattern COMMAND_SEPARATOR = Pattern.compile("[\\n;&|]");

    private static final Pattern GRADE = Pattern.compile("(^|\\s)grade(\\s|$)");

    @Test
    void theWorkflowHoldsNoSecretNoTokenAndNoPathToTheHiddenChecks() throws Exception {
        String workflow = Files.readString(ClassroomWorkflowIT.WORKFLOW);

        // GitHub's expressions ignore case (secrets.X is SECRETS.X), so these do too; comments count as well.
        assertThat(workflow)
                .doesNotContainIgnoringCase("secrets.")
                .doesNotContainIgnoringCase("token:")
                .doesNotContainIgnoringCase("checks/hidden");
    }

    @Test
    void everyGradeItRunsIsVisibleOnly() throws Exception {
        List<String> grades = new ArrayList<>();
        for (JsonNode job : jobs()) {
            for (JsonNode step : job.path("steps")) {
                for (String command : COMMAND_SEPARATOR.split(step.path("run").asText(""))) {
                    if (GRADE.matcher(command).find()) {
                        grades.add(command.strip());
                    }
                }
            }
        }

        assertThat(grades)
                .as("the grade commands of " + ClassroomWorkflowIT.WORKFLOW)
                .isNotEmpty()
                .allSatisfy(command -> assertThat(command).contains(" --visible-only"));
    }

    @Test
    void itsTokenMayOnlyReadTheLearnersRepository() throws Exception {
        JsonNode workflow = workflow();

        // The reporter (v1) only prints annotations; the checkouts only read.
        assertThat(workflow.path("permissions")).isEqualTo(new ObjectMapper().readTree("{\"contents\": \"read\"}"));
        for (JsonNode job : jobs()) {
            assertThat(job.has("permissions")).as("a job's own permissions").isFalse();
        }
    }

    private static JsonNode workflow() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(ClassroomWorkflowIT.WORKFLOW.toFile());
    }

    private static List<JsonNode> jobs() throws Exception {
        List<JsonNode> jobs = new ArrayList<>();
        workflow().path("jobs").elements().forEachRemaining(jobs::add);
        assertThat(jobs).isNotEmpty();
        return jobs;
    }
}
