package dev.streamlab.cli;

import dev.streamlab.bench.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Benchmark figures as aligned text lines: median, every run, target, reference and ratio. */
final class FigureTable {

    private final List<Figure> figures;
    private final int runs;

    FigureTable(List<Figure> figures, int runs) {
        this.figures = figures;
        this.runs = runs;
    }

    List<String> lines() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"figure", "median", "runs", "target", "reference", "ratio", ""});
        for (Figure f : figures) {
            String reference = f.referenceName().isEmpty()
                    ? "the target"
                    : f.referenceName() + " " + number(f.referenceMedian().orElse(Double.NaN)) + " " + f.unit();
            rows.add(new String[] {
                f.name(),
                number(f.median()) + " " + f.unit(),
                f.runs().stream().map(FigureTable::number).collect(Collectors.joining(" ")),
                (f.higherIsBetter() ? ">= " : "<= ") + number(f.target()) + " " + f.unit(),
                reference,
                Double.isFinite(f.ratio()) ? String.format(Locale.ROOT, "%.2fx", f.ratio()) : "-",
                !f.measured() ? "NOT MEASURED" : f.meetsTarget() ? "ok" : "MISSED"
            });
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("Medians of " + runs + (runs == 1 ? " run" : " runs")
                + "; ratio = median / reference median (or / target).");
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(String.format("%-" + widths[i] + "s", row[i]));
                if (i < row.length - 1) {
                    line.append("  ");
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private static String number(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
