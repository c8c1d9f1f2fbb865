package dev.streamlab.classroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The class view as plain text (the terminal's table) and as CSV (the instructor's records). No terminal code. */
public final class ClassTable {

    private static final List<String> HEADERS =
            List.of("learner", "lesson", "step", "on step", "failures", "hints", "finished", "labs", "status");

    private ClassTable() {}

    public static List<List<String>> rows(ClassView view) {
        List<List<String>> rows = new ArrayList<>();
        for (ClassView.Learner l : view.learners()) {
            rows.add(List.of(
                    l.name(),
                    l.lesson() == null ? "" : l.lesson(),
                    l.lesson() == null ? "" : String.valueOf(l.step()),
                    duration(l.secondsOnStep()),
                    String.valueOf(l.failures()),
                    String.valueOf(l.hints()),
                    String.join(" ", l.finished()),
                    labs(l.labs()),
                    l.stuck() ? "STUCK" : ""));
        }
        return rows;
    }

    static String duration(long seconds) {
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }

    private static String labs(Map<String, String> labs) {
        return labs.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(" "));
    }

    /** Aligned columns, then a line per step where learners are; {@code width} cuts long lines. */
    public static String text(ClassView view, int width) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        rows.addAll(rows(view));
        int[] widths = new int[HEADERS.size()];
        rows.forEach(r -> {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                line.append(String.format("%-" + widths[i] + "s", r.get(i))).append(i + 1 < r.size() ? "  " : "");
            }
            out.append(cut(line.toString().stripTrailing(), width)).append('\n');
        }
        if (view.learners().isEmpty()) {
            out.append("(no learner yet: events appear here as learners run their lessons)\n");
        }
        for (ClassView.StepRow s : view.steps()) {
            out.append(cut(
                            "step " + s.lesson() + " #" + s.step() + ": " + s.here() + " here, " + s.stuck()
                                    + " stuck, " + s.past() + " past it",
                            width))
                    .append('\n');
        }
        if (view.rejected() > 0) {
            out.append(view.rejected()).append(" events left out (not in the schema)\n");
        }
        return out.toString();
    }

    private static String cut(String line, int width) {
        return line.length() <= width ? line : line.substring(0, Math.max(0, width - 1)) + "…";
    }

    /** RFC 4180 CSV of the learners' table, with a header line; a cell a spreadsheet would run as a formula is quoted. */
    public static String csv(ClassView view) {
        StringBuilder out = new StringBuilder(String.join(",", HEADERS)).append("\r\n");
        for (List<String> r : rows(view)) {
            out.append(r.stream().map(ClassTable::csvCell).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return out.toString();
    }

    private static String csvCell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\""
                : v;
    }
}
