package dev.streamlab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports as their consumers read them: GitHub Classroom's reporter (its own arithmetic, see {@link ClassroomReporter}),
 * CI test reporters (the Surefire report schema) and Exercism's test-runner interface. Lab 05's real checks give the
 * lines, the order and the points.
 */
class GradingReportsTest {

    private static final Lab LAB = Lab.load(Submissions.PROJECT.resolve("labs/05-fraud-window"));

    private static Scorecard card(List<String> compileErrors, List<CheckResult> checks) {
        return new Scorecard(
                LAB,
                Path.of("work"),
                42L,
                false,
                compileErrors,
                checks,
                List.of(),
                Duration.ofSeconds(3),
                Optional.empty());
    }

    // Lab 05's four checks, worth 3, 2 (visible), 3 and 4 (hidden): 5 of 12 points when the visible ones pass.
    static final CheckResult FOUR_FLAGGED = new CheckResult(
            "lab05.checks.FraudWindowChecks",
            "a card with 4 attempts in one window is flagged, with its card number and count",
            true,
            CheckResult.Status.PASSED,
            3,
            3,
            "",
            "Count per card.",
            120,
            "fourAttemptsAreFlagged(Random)",
            "");
    static final CheckResult THREE_NOT_FLAGGED = new CheckResult(
            "lab05.checks.FraudWindowChecks",
            "a card with 3 attempts in one window is not flagged",
            true,
            CheckResult.Status.PASSED,
            2,
            2,
            "",
            "",
            90,
            "threeAttemptsAreNotFlagged(Random)",
            "");
    static final CheckResult WINDOWS_SEPARATE = new CheckResult(
            "lab05.checks.FraudWindowHiddenChecks",
            "attempts in two different windows are not added up",
            false,
            CheckResult.Status.FAILED,
            0,
            3,
            "expected: <[]> but was: <[(card, 6)]> \u0007\u001b & \"quoted\" ]]>",
            "Use tumbling windows.",
            80,
            "windowsAreSeparate(Random)",
            "org.opentest4j.AssertionFailedError");
    static final CheckResult MANY_CARDS = new CheckResult(
            "lab05.checks.FraudWindowHiddenChecks",
            "many cards over several windows: exactly the right cards are flagged, with the right counts",
            false,
            CheckResult.Status.NOT_RUN,
            0,
            4,
            "Not run: grading stopped after the lab's time limit of 120 s.",
            "",
            0,
            "manyCards(Random)",
            "");
    static final List<CheckResult> FIVE_OF_TWELVE =
            List.of(FOUR_FLAGGED, THREE_NOT_FLAGGED, WINDOWS_SEPARATE, MANY_CARDS);

    private static JsonNode classroom(Scorecard card) throws Exception {
        return new ObjectMapper().readTree(GradingReports.classroomJson(card));
    }

    @Test
    void theReportersNoticeAndTableBothShowTheScorecardsPoints() throws Exception {
        Scorecard card = card(List.of(), FIVE_OF_TWELVE);
        JsonNode json = classroom(card);

        assertThat(ClassroomReporter.noticePoints(List.of(json))).isEqualTo("Points 5/12");
        assertThat(ClassroomReporter.tableTotal(json)).isEqualTo(5.0);
        assertThat(ClassroomReporter.logLine(json, "streamlab")).isEqualTo("Total points for streamlab: 5.00/12");
        assertThat(card.points()).isEqualTo(5);
        assertThat(json.get("status").asText()).isEqualTo("fail");
    }

    @Test
    void everyOutcomeGivesTheSameScoreInTheNoticeAndTheTable() throws Exception {
        for (List<CheckResult> checks : List.of(
                List.of(FOUR_FLAGGED, THREE_NOT_FLAGGED),
                List.of(WINDOWS_SEPARATE, MANY_CARDS),
                List.of(THREE_NOT_FLAGGED, MANY_CARDS),
                List.of(FOUR_FLAGGED, WINDOWS_SEPARATE, MANY_CARDS))) {
            Scorecard card = card(List.of(), checks);
            JsonNode json = classroom(card);
            assertThat(ClassroomReporter.noticePoints(List.of(json)))
                    .isEqualTo("Points " + card.points() + "/" + card.maxPoints());
            assertThat(ClassroomReporter.tableTotal(json)).isEqualTo((double) card.points());
        }
    }

    @Test
    void theLogShowsWhichCheckFailedWhyItsHintAndAVisibleChecksLine() throws Exception {
        JsonNode json = classroom(card(List.of(), FIVE_OF_TWELVE));

        List<String> log = ClassroomReporter.testLines(json);
        assertThat(log).noneMatch(line -> line.contains("undefined") || line.contains("null"));
        assertThat(log)
                .contains("✅ FraudWindowChecks > a card with 4 attempts in one window is flagged, with its card number"
                        + " and count [1/3] - line 24");
        assertThat(log)
                .contains("❌ FraudWindowHiddenChecks > attempts in two different windows are not added up [1/3]");
        assertThat(log)
                .contains("Test code:\nWhy: expected: <[]> but was: <[(card, 6)]> \u0007\u001b & \"quoted\" ]]>\n"
                        + "Hint: Use tumbling windows.\n");
        assertThat(String.join("\n", log))
                .as("no hidden check's code")
                .doesNotContain("void ")
                .doesNotContain("assert");
    }

    @Test
    void codeThatDoesNotCompileIsAnErrorWithTheCompilersWordsAndTheLabsMaximum() throws Exception {
        Scorecard card = card(List.of("lab05/FraudDetection.java:12: ';' expected"), List.of());
        JsonNode json = classroom(card);

        assertThat(json.get("status").asText()).isEqualTo("error");
        assertThat(json.get("max_score").asInt()).isEqualTo(12);
        assertThat(ClassroomReporter.testLines(json))
                .containsExactly("Error: lab05/FraudDetection.java:12: ';' expected\n");
        assertThat(ClassroomReporter.noticePoints(List.of(json))).isEqualTo("Points 0/12");
        assertThat(ClassroomReporter.tableTotal(json)).isZero();
    }

    @Test
    void theGithubOutputLineIsOneLineOfBase64OfTheResult() throws Exception {
        Scorecard card = card(List.of(), FIVE_OF_TWELVE);
        String line = GradingReports.githubOutputLine(GradingReports.classroomJson(card));

        assertThat(line).startsWith("result=").endsWith("\n").hasLineCount(1);
        String json = new String(
                Base64.getDecoder().decode(line.substring("result=".length()).strip()), StandardCharsets.UTF_8);
        assertThat(new ObjectMapper().readTree(json)).isEqualTo(classroom(card));
    }

    @Test
    void theJunitXmlFollowsTheSurefireSchemaWhateverTheOutcome() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Submissions.RESOURCES
                        .resolve("surefire-test-report-rules.xsd")
                        .toFile());
        for (Scorecard card : List.of(
                card(List.of(), FIVE_OF_TWELVE),
                card(List.of("A.java:1: '\u0000;' expected"), List.of()),
                card(List.of(), List.of(FOUR_FLAGGED)))) {
            String xml = GradingReports.junitXml(card);
            schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        }
        String xml = GradingReports.junitXml(card(List.of(), FIVE_OF_TWELVE));
        assertThat(xml)
                .contains("<testsuite name=\"JUnit Jupiter\" tests=\"4\" skipped=\"0\" failures=\"1\" errors=\"1\"")
                .contains(
                        "<testcase classname=\"lab05.checks.FraudWindowHiddenChecks\" name=\"windowsAreSeparate(Random)\" time=\"0.080\">")
                .contains("type=\"org.opentest4j.AssertionFailedError\"")
                .contains("<error message=\"Not run: grading stopped")
                .contains("<property name=\"streamlab.seed\" value=\"42\"")
                .doesNotContain("\u0007")
                .doesNotContain("\u001b");
    }

    @Test
    void exercismResultsFollowTheInterface() throws Exception {
        JsonNode json = new ObjectMapper()
                .valueToTree(GradingReports.exercismResult(
                        card(List.of(), List.of(WINDOWS_SEPARATE, THREE_NOT_FLAGGED, MANY_CARDS, FOUR_FLAGGED))));

        assertThat(json.get("version").asInt()).isEqualTo(3);
        assertThat(json.get("status").asText()).isEqualTo("fail");
        assertThat(json.has("message")).isFalse();
        assertThat(json.get("tests").findValuesAsText("name"))
                .as("in the order the checks are written, visible first")
                .containsExactly(
                        FOUR_FLAGGED.fullName(),
                        THREE_NOT_FLAGGED.fullName(),
                        WINDOWS_SEPARATE.fullName(),
                        MANY_CARDS.fullName());
        assertThat(json.get("tests").findValuesAsText("status")).containsExactly("pass", "pass", "fail", "error");
        assertThat(json.get("tests").get(0).get("test_code").asText())
                .startsWith("@Test")
                .contains("void fourAttemptsAreFlagged(");
        assertThat(json.get("tests").get(2).has("test_code"))
                .as("a hidden check's code")
                .isFalse();
        assertThat(json.get("tests").get(2).get("message").asText()).contains("Hint: Use tumbling windows.");

        JsonNode broken = new ObjectMapper()
                .valueToTree(GradingReports.exercismResult(card(List.of("A.java:1: ';' expected"), List.of())));
        assertThat(broken.get("status").asText()).isEqualTo("error");
        assertThat(broken.get("message").asText()).isEqualTo("A.java:1: ';' expected");
    }

    @Test
    void theClassSummaryQuotesWhatNeedsQuoting(@TempDir Path dir) throws Exception {
        Path csv = ClassSummary.write(
                Map.of("ann, the \"first\"", card(List.of(), List.of(FOUR_FLAGGED, WINDOWS_SEPARATE))), dir);

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(ClassSummary.HEADER);
        assertThat(lines.get(1))
                .isEqualTo("\"ann, the \"\"first\"\"\",3,6,50,1,2,true,42,3.0,"
                        + "FraudWindowHiddenChecks > attempts in two different windows are not added up,true");
    }

    @Test
    void labsAreFoundByNumberOrName() {
        LabCatalog catalog = LabCatalog.ofProject(Submissions.PROJECT);
        assertThat(catalog.find("5")).map(Lab::id).contains("05-fraud-window");
        assertThat(catalog.find("05")).map(Lab::id).contains("05-fraud-window");
        assertThat(catalog.find("fraud-window")).map(Lab::id).contains("05-fraud-window");
        assertThat(catalog.find("queue-worker")).map(Lab::id).contains("06-queue-worker");
        assertThat(catalog.find("07")).isEmpty();
        assertThat(catalog.labs()).extracting(Lab::number).containsExactly("01", "02", "03", "04", "05", "06");
    }

    @Test
    void noTemporaryFileIsLeftBeside(@TempDir Path dir) throws Exception {
        GradingReports.write(card(List.of(), List.of(FOUR_FLAGGED)), dir);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("junit.xml", "autograding.json");
        }
    }
}
