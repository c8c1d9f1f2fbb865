package dev.streamlab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradingReportsTest {

    private static final Lab LAB = new Lab("05", "fraud-window", Path.of("labs/05-fraud-window"), "The fraud window",
            Duration.ofSeconds(10), Duration.ofSeconds(60), 256);

    private static Scorecard card(List<String> compileErrors, List<CheckResult> checks) {
        return new Scorecard(LAB, Path.of("work"), 42L, false, compileErrors, checks, List.of(), Duration.ofSeconds(3), Optional.empty());
    }

    private static final CheckResult PASSED = new CheckResult("lab05.checks.FraudWindowChecks", "four is flagged", true,
            CheckResult.Status.PASSED, 3, 3, "", "Count per card.", 120);
    private static final CheckResult FAILED = new CheckResult("lab05.checks.FraudWindowHiddenChecks", "windows are <separate>", false,
            CheckResult.Status.FAILED, 0, 4, "expected: <[]> but was: <[(card, 6)]>", "Use tumbling windows.", 80);

    @Test
    void theClassroomResultHasTheReportersShape(@TempDir Path dir) throws Exception {
        GradingReports.write(card(List.of(), List.of(PASSED, FAILED)), dir);

        JsonNode json = new ObjectMapper().readTree(dir.resolve(GradingReports.CLASSROOM_JSON).toFile());
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("status").asText()).isEqualTo("fail");
        assertThat(json.get("max_score").asInt()).isEqualTo(7);
        assertThat(json.get("tests")).hasSize(2);
        JsonNode failed = json.get("tests").get(1);
        assertThat(failed.get("name").asText()).isEqualTo("FraudWindowHiddenChecks > windows are <separate>");
        assertThat(failed.get("status").asText()).isEqualTo("fail");
        assertThat(failed.get("score").asInt()).isZero();
        assertThat(failed.get("message").asText()).contains("but was").endsWith("Hint: Use tumbling windows.");
        assertThat(json.get("tests").get(0).get("score").asInt()).isEqualTo(3);
    }

    @Test
    void codeThatDoesNotCompileIsAnErrorWithTheCompilersWords(@TempDir Path dir) throws Exception {
        GradingReports.write(card(List.of("lab05/FraudDetection.java:12: ';' expected"), List.of()), dir);

        JsonNode json = new ObjectMapper().readTree(dir.resolve(GradingReports.CLASSROOM_JSON).toFile());
        assertThat(json.get("status").asText()).isEqualTo("error");
        assertThat(json.get("tests").get(0).get("message").asText()).isEqualTo("lab05/FraudDetection.java:12: ';' expected");
        String xml = Files.readString(dir.resolve(GradingReports.JUNIT_XML));
        assertThat(xml).contains("failures=\"1\"").contains("FraudDetection.java:12: ';' expected");
    }

    @Test
    void theFallbackJunitXmlEscapesMarkup() {
        String xml = GradingReports.fallbackXml(card(List.of(), List.of(PASSED, FAILED)));
        assertThat(xml).contains("tests=\"2\" failures=\"1\"")
                .contains("name=\"windows are &lt;separate&gt;\"")
                .contains("message=\"expected: &lt;[]&gt; but was: &lt;[(card, 6)]&gt;\"")
                .doesNotContain("<separate>");
    }

    @Test
    void noTemporaryFileIsLeftBeside(@TempDir Path dir) throws Exception {
        GradingReports.write(card(List.of(), List.of(PASSED)), dir);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("junit.xml", "autograding.json");
        }
    }

    @Test
    void theClassSummaryQuotesWhatNeedsQuoting(@TempDir Path dir) throws Exception {
        Path csv = ClassSummary.write(Map.of("ann, the \"first\"", card(List.of(), List.of(PASSED, FAILED))), dir);

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(ClassSummary.HEADER);
        assertThat(lines.get(1)).isEqualTo("\"ann, the \"\"first\"\"\",3,7,43,1,2,true,42,3.0,FraudWindowHiddenChecks > windows are <separate>,true");
    }

    @Test
    void labsAreFoundByNumberOrName() {
        LabCatalog catalog = LabCatalog.ofProject(Submissions.PROJECT);
        assertThat(catalog.find("5")).map(Lab::id).contains("05-fraud-window");
        assertThat(catalog.find("05")).map(Lab::id).contains("05-fraud-window");
        assertThat(catalog.find("fraud-window")).map(Lab::id).contains("05-fraud-window");
        assertThat(catalog.find("06")).isEmpty();
        assertThat(catalog.labs()).extracting(Lab::number).containsExactly("01", "02", "03", "04", "05");
    }
}
