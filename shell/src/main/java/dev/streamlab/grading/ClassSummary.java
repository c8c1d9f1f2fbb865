package dev.streamlab.grading;

import dev.streamlab.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The class summary of {@code grade --all}: one CSV row per learner, the name as {@link VisibleText} shows it;
 * {@code verified} is false where the sandbox did not vouch for the run (it could not start, or {@code --no-sandbox}). Written by hand (RFC 4180 quoting in
 * {@link #field}) because one small table does not justify another dependency.
 */
public final class ClassSummary {

    public static final String FILE = "class-summary.csv";
    static final String HEADER =
            "learner,points,max_points,percent,passed_checks,checks,compiled,seed,seconds,first_failure,verified";

    private ClassSummary() {}

    public static Path write(Map<String, Scorecard> byLearner, Path resultsDir) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        byLearner.forEach((learner, card) -> csv.append(row(learner, card)).append("\r\n"));
        Path file = resultsDir.resolve(FILE);
        try {
            AtomicFiles.write(file, csv.toString());
        } catch (IOException e) {
            throw new GradingException(
                    "Cannot write " + file + " (" + e.getMessage() + "). Choose another folder with --results.", e);
        }
        return file;
    }

    static String row(String learner, Scorecard card) {
        int percent = card.maxPoints() == 0 ? 0 : Math.round(100f * card.points() / card.maxPoints());
        String firstFailure = card.compiled()
                ? card.checks().stream()
                        .filter(c -> !c.passed())
                        .map(CheckResult::fullName)
                        .findFirst()
                        .orElse("")
                : whyNotGraded(card);
        return String.join(
                ",",
                List.of(
                        field(VisibleText.of(learner)),
                        String.valueOf(card.points()),
                        String.valueOf(card.maxPoints()),
                        String.valueOf(percent),
                        String.valueOf(card.passedChecks()),
                        String.valueOf(card.checks().size()),
                        String.valueOf(card.compiled()),
                        String.valueOf(card.seed()),
                        String.format(
                                java.util.Locale.ROOT, "%.1f", card.duration().toMillis() / 1000.0),
                        field(firstFailure),
                        String.valueOf(card.verified())));
    }

    /**
     * "does not compile", or, when nothing could be graded at all (no check listed: {@link Grader#failed}, a folder
     * {@code grade --all} refused), the reason.
     */
    static String whyNotGraded(Scorecard card) {
        return card.checks().isEmpty() && !card.compileErrors().isEmpty()
                ? card.compileErrors().get(0)
                : "does not compile";
    }

    static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
