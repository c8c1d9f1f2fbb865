package dev.streamlab.cli;

import java.util.ArrayList;
import java.util.List;

import dev.streamlab.grading.CheckResult;
import dev.streamlab.grading.Scorecard;

/** A scorecard as lines for the terminal (picocli colour markup; plain with NO_COLOR). */
final class ScorecardView {

    private ScorecardView() {
    }

    static List<String> lines(Scorecard card) {
        List<String> lines = new ArrayList<>();
        lines.add("@|bold Lab " + card.lab().id() + ": " + card.lab().title() + "|@"
                + (card.visibleOnly() ? " (visible checks only)" : ""));
        lines.add("Submission: " + card.submission());
        if (!card.compiled()) {
            lines.add("@|red,bold Your code does not compile:|@");
            card.compileErrors().forEach(e -> lines.add("  " + escape(e)));
        }
        for (CheckResult c : card.checks()) {
            String mark = switch (c.status()) {
                case PASSED -> "@|green PASS|@";
                case FAILED -> "@|red FAIL|@";
                case NOT_RUN -> "@|yellow SKIP|@";
            };
            lines.add(String.format("  %s %2d/%-2d %s%s", mark, c.points(), c.maxPoints(), c.fullName(),
                    c.visible() ? "" : " @|faint (hidden)|@"));
            if (!c.passed()) {
                lines.add("             Why:  " + escape(c.message()).replace("\n", "\n                   "));
                if (!c.hint().isEmpty()) {
                    lines.add("             Hint: " + escape(c.hint()));
                }
            }
        }
        card.warnings().forEach(w -> lines.add("@|yellow Warning:|@ " + escape(w)));
        String verdict = card.passed() ? "@|green,bold Full marks.|@" : "@|red,bold Not yet full marks.|@";
        lines.add(String.format("Score: %d/%d points, %d of %d checks passed. %s", card.points(), card.maxPoints(),
                card.passedChecks(), card.checks().size(), verdict));
        lines.add("Seed: " + card.seed() + " (replay this run with --seed " + card.seed() + ")");
        return lines;
    }

    /** Learner text may contain picocli's markup characters. */
    private static String escape(String text) {
        return text.replace("@|", "@ |");
    }
}
