package dev.streamlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.golden.GoldenFile;
import dev.streamlab.grading.CheckResult;
import dev.streamlab.grading.CheckResult.Status;
import dev.streamlab.grading.Lab;
import dev.streamlab.grading.Scorecard;
import dev.streamlab.terminal.Styles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The scorecard {@code streamlab grade} prints, from fixed results (grading itself takes a sandbox and a JVM per
 * lab): every kind of line, compared with its golden file ({@code -Dgolden.update=true} rewrites them).
 */
class ScorecardViewTest {

    private static final Lab LAB = new Lab(
            "07",
            "word-count",
            Path.of("labs/07-word-count"),
            "Count the words",
            Duration.ofSeconds(20),
            Duration.ofSeconds(120),
            384,
            256);
    private static final Path SUBMISSION = Path.of("labs/07-word-count/starter");

    private static CheckResult check(
            String name, boolean visible, Status status, int points, int maxPoints, String message, String hint) {
        return new CheckResult("lab07.WordCountChecks", name, visible, status, points, maxPoints, message, hint, 120);
    }

    /** Passed, failed with a hint, failed in part, hidden, not run; a message of several lines; a warning. */
    @Test
    void aMixedScorecardShowsWhyAndAHintUnderEachCheckThatDidNotPass() {
        Scorecard card = new Scorecard(
                LAB,
                SUBMISSION,
                20240607L,
                false,
                List.of(),
                List.of(
                        check("one line gives its words", true, Status.PASSED, 3, 3, "", "Split on whitespace."),
                        check(
                                "words are counted per key",
                                true,
                                Status.FAILED,
                                0,
                                2,
                                "expected: <{kafka=2}>\n but was: <{kafka=1}>",
                                "Group by the word, then count."),
                        check(
                                "every output record is keyed by its word",
                                false,
                                Status.FAILED,
                                4,
                                12,
                                "4 of 12 records had the right key",
                                ""),
                        check(
                                "a restarted application goes on counting",
                                false,
                                Status.NOT_RUN,
                                0,
                                5,
                                "Not run: the check JVM ended early (exit code 1; did your code call System.exit?).",
                                "Never end the JVM from a topology.")),
                List.of("The sandbox is off (--no-sandbox): this score is unverified."),
                Duration.ofSeconds(9),
                Optional.empty());

        List<String> lines = plain(card);

        assertThat(card.passed()).isFalse();
        GoldenFile.exact().assertMatches("cli/scorecard-mixed.txt", String.join("\n", lines));
    }

    @Test
    void codeThatDoesNotCompileShowsTheCompilersErrorsAndNoCheckRan() {
        Scorecard card = new Scorecard(
                LAB,
                SUBMISSION,
                7L,
                false,
                List.of(
                        "WordCount.java:12: error: cannot find symbol",
                        "        builder.strem(\"lines\");",
                        "               ^"),
                List.of(
                        check(
                                "one line gives its words",
                                true,
                                Status.NOT_RUN,
                                0,
                                3,
                                "Not run: the code does not compile.",
                                ""),
                        check(
                                "words are counted per key",
                                true,
                                Status.NOT_RUN,
                                0,
                                2,
                                "Not run: the code does not compile.",
                                "")),
                List.of(),
                Duration.ofSeconds(2),
                Optional.empty());

        GoldenFile.exact().assertMatches("cli/scorecard-does-not-compile.txt", String.join("\n", plain(card)));
    }

    @Test
    void fullMarksOnTheVisibleChecksSaysSo() {
        Scorecard card = new Scorecard(
                LAB,
                SUBMISSION,
                1L,
                true,
                List.of(),
                List.of(
                        check("one line gives its words", true, Status.PASSED, 3, 3, "", "Split on whitespace."),
                        check(
                                "words are counted per key",
                                true,
                                Status.PASSED,
                                2,
                                2,
                                "",
                                "Group by the word, then count.")),
                List.of(),
                Duration.ofSeconds(4),
                Optional.empty());

        assertThat(card.passed()).isTrue();
        GoldenFile.exact().assertMatches("cli/scorecard-full-marks-visible-only.txt", String.join("\n", plain(card)));
    }

    /** A learner's message may hold what looks like markup; it shows as typed, never as a colour. */
    @Test
    void markupInALearnersMessageIsShownNotApplied() {
        Scorecard card = new Scorecard(
                LAB,
                SUBMISSION,
                1L,
                false,
                List.of(),
                List.of(check("the output is plain", true, Status.FAILED, 0, 1, "printed @|red alarm|@", "")),
                List.of(),
                Duration.ofSeconds(1),
                Optional.empty());

        assertThat(ScorecardView.lines(card, new Styles(true)))
                .anyMatch(l -> l.contains("Why:  printed @|red alarm|@"))
                .noneMatch(l -> l.contains("\u001b[31malarm"));
    }

    private static List<String> plain(Scorecard card) {
        return ScorecardView.lines(card, new Styles(false));
    }
}
