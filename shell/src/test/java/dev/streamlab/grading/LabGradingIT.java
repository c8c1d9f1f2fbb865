package dev.streamlab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every lab graded for real: checks in a separate JVM, Kafka labs on embedded clusters started there. */
@NeedsSandbox
class LabGradingIT {

    @Tag(AttackCatalogueIT.JAVA_25)
    @ParameterizedTest
    @ValueSource(strings = {"01", "02", "03", "04", "05", "06"})
    void theReferenceSolutionScoresFullMarks(String id) {
        Lab lab = Submissions.lab(id);
        Scorecard card = Submissions.grade(lab, lab.solution());

        assertThat(card.checks())
                .allSatisfy(c -> assertThat(c.passed())
                        .as(c.fullName() + ": " + c.message())
                        .isTrue());
        assertThat(card.points()).isEqualTo(card.maxPoints()).isPositive();
        assertThat(card.checks()).anyMatch(CheckResult::visible).anyMatch(c -> !c.visible());
        assertThat(card.passed()).isTrue();
        assertThat(card.junitXml()).get().asString().contains("<testsuite").contains("failures=\"0\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "02", "03", "04", "05", "06"})
    void theStarterScoresZero(String id) {
        Lab lab = Submissions.lab(id);
        Scorecard card = Submissions.grade(lab, lab.starter());

        assertThat(card.compiled()).isTrue();
        assertThat(card.maxPoints()).isPositive();
        assertThat(card.points()).isZero();
        assertThat(card.passed()).isFalse();
        assertThat(card.checks()).allSatisfy(c -> assertThat(c.message()).contains("TODO"));
    }

    @ParameterizedTest(name = "{0}/{1} scores {2}")
    @CsvSource({
        "05-fraud-window,        no-window,             5",
        "05-fraud-window,        three-is-fraud,        0",
        "04-mask-pii,            masks-whole-ip,        2",
        "01-keyed-producer,      key-by-event,          1",
        "02-committing-consumer, commits-poll-position, 0",
        "03-no-loss-producer,    leader-only,           1",
        // Takes what Kafka hands it: orders it has not reached when their lock expires are worked twice.
        "06-queue-worker,        takes-too-many,        10",
    })
    void aWrongSubmissionScoresWhatItShould(String labId, String name, int expectedPoints) {
        Scorecard card = Submissions.grade(Submissions.lab(labId), Submissions.wrong(labId, name));

        assertThat(card.points())
                .as(String.join(
                        "\n",
                        card.checks().stream()
                                .map(c -> c.status() + " " + c.fullName() + ": " + c.message())
                                .toList()))
                .isEqualTo(expectedPoints);
        assertThat(card.passed()).isFalse();
        assertThat(card.checks())
                .filteredOn(c -> !c.passed())
                .allSatisfy(c -> assertThat(c.hint()).isNotBlank());
        // What its consumers make of it: the Classroom reporter's two sums, a valid JUnit XML with JUnit's method
        // names.
        try {
            JsonNode classroom = new ObjectMapper().readTree(GradingReports.classroomJson(card));
            assertThat(ClassroomReporter.noticePoints(List.of(classroom)))
                    .isEqualTo("Points " + expectedPoints + "/" + card.maxPoints());
            assertThat(ClassroomReporter.tableTotal(classroom)).isEqualTo((double) expectedPoints);
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(Submissions.RESOURCES
                            .resolve("surefire-test-report-rules.xsd")
                            .toFile())
                    .newValidator()
                    .validate(new StreamSource(new StringReader(card.junitXml().orElseThrow())));
            assertThat(card.checks())
                    .allSatisfy(c -> assertThat(card.junitXml().orElseThrow()).contains("name=\"" + c.method() + "\""));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @org.junit.jupiter.api.Test
    void theSameSeedReplaysARunAndAnotherSeedMakesOtherData() {
        Lab lab = Submissions.lab("05");
        Path wrong = Submissions.wrong("05-fraud-window", "no-window");
        Grader grader = Grader.ofThisJvm(step -> {});

        List<String> first = failures(grader.grade(lab, wrong, new Grader.Options(false, OptionalLong.of(7))));
        List<String> replay = failures(grader.grade(lab, wrong, new Grader.Options(false, OptionalLong.of(7))));
        List<String> other = failures(grader.grade(lab, wrong, new Grader.Options(false, OptionalLong.of(8))));

        assertThat(first).isNotEmpty().isEqualTo(replay);
        assertThat(other).as("other cards and times").isNotEqualTo(first);
    }

    private static List<String> failures(Scorecard card) {
        return card.checks().stream()
                .filter(c -> !c.passed())
                .map(CheckResult::message)
                .toList();
    }

    @org.junit.jupiter.api.Test
    void codeThatDoesNotCompileGetsZeroWithFileAndLine() {
        Lab lab = Submissions.lab("05");
        Path submission = Submissions.wrong("05-fraud-window", "does-not-compile");
        Scorecard card = Submissions.grade(lab, submission);

        assertThat(card.compiled()).isFalse();
        assertThat(card.compileErrors()).anyMatch(e -> e.matches("lab05/FraudDetection\\.java:\\d+: .*';' expected.*"));
        assertThat(card.points()).isZero();
        assertThat(card.maxPoints())
                .as("the checks are still listed, with their points")
                .isEqualTo(12);
        assertThat(card.checks()).allSatisfy(c -> assertThat(c.status()).isEqualTo(CheckResult.Status.NOT_RUN));
    }
}
