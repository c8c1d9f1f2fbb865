package dev.streamlab.cli;

import dev.streamlab.grading.CheckResult;
import dev.streamlab.grading.Scorecard;
import dev.streamlab.grading.VisibleText;
import dev.streamlab.terminal.Styles;
import java.util.ArrayList;
import java.util.List;

/** A scorecard as lines for the terminal, in its colours (plain with NO_COLOR). */
final class ScorecardView {

    private ScorecardView() {}

    static List<String> lines(Scorecard card, Styles styles) {
        List<String> lines = new ArrayList<>();
        lines.add(styles.apply(
                        Styles.STRONG,
                        "Lab " + card.lab().id() + ": " + card.lab().title())
                + (card.visibleOnly() ? " (visible checks only)" : ""));
        lines.add("Submission: " + VisibleText.of(card.submission()));
        if (!card.compiled()) {
            lines.add(styles.apply(Styles.BAD, "Your code does not compile:"));
            card.compileErrors().forEach(e -> lines.add("  " + e));
        }
        for (CheckResult c : card.checks()) {
            String mark = switch (c.status()) {
                case PASSED -> styles.apply(Styles.GOOD, "PASS");
                case FAILED -> styles.apply(Styles.BAD, "FAIL");
                case NOT_RUN -> styles.apply(Styles.WARNING, "SKIP");
            };
            lines.add(String.format(
                    "  %s %2d/%-2d %s%s",
                    mark,
                    c.points(),
                    c.maxPoints(),
                    c.fullName(),
                    c.visible() ? "" : " " + styles.apply(Styles.FAINT, "(hidden)")));
            if (!c.passed()) {
                lines.add("             Why:  " + c.message().replace("\n", "\n                   "));
                if (!c.hint().isEmpty()) {
                    lines.add("             Hint: " + c.hint());
                }
            }
        }
        card.warnings().forEach(w -> lines.add(styles.apply(Styles.WARNING, "Warning:") + " " + w));
        String verdict = card.passed()
                ? styles.apply(Styles.GOOD_STRONG, "Full marks.")
                : styles.apply(Styles.BAD, "Not yet full marks.");
        lines.add(String.format(
                "Score: %d/%d points, %d of %d checks passed. %s",
                card.points(),
                card.maxPoints(),
                card.passedChecks(),
                card.checks().size(),
                verdict));
        lines.add("Seed: " + card.seed() + " (replay this run with --seed " + card.seed() + ")");
        return lines;
    }
}
