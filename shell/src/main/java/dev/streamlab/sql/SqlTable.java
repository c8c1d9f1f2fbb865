package dev.streamlab.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A query's result as text, the way Flink's SQL client shows it in its tableau mode: a header, then one line per row as
 * rows arrive, with the change each row is ({@code +I} a new row; {@code -U}, {@code +U} an update; {@code -D} a
 * retraction), then a closing line. Column widths come from the column types, so rows can be printed one at a time.
 */
public final class SqlTable {

    private static final int MAX_WIDTH = 30;
    private static final String OP = "op";

    private final List<String> columns;
    private final int[] widths;

    public SqlTable(List<String> columns, List<String> types) {
        this.columns = List.copyOf(columns);
        this.widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] =
                    Math.min(MAX_WIDTH, Math.max(columns.get(i).length(), width(i < types.size() ? types.get(i) : "")));
        }
    }

    /** The border and the column names. */
    public String header() {
        StringBuilder out = new StringBuilder(border()).append('\n');
        out.append("| ").append(pad(OP, OP.length())).append(" |");
        for (int i = 0; i < columns.size(); i++) {
            out.append(' ').append(pad(columns.get(i), widths[i])).append(" |");
        }
        return out.append('\n').append(border()).append('\n').toString();
    }

    public String row(String kind, List<String> values) {
        StringBuilder out =
                new StringBuilder("| ").append(pad(kind, OP.length())).append(" |");
        for (int i = 0; i < columns.size(); i++) {
            String value = i < values.size() ? values.get(i) : null;
            out.append(' ')
                    .append(pad(value == null ? "<NULL>" : value, widths[i]))
                    .append(" |");
        }
        return out.append('\n').toString();
    }

    public String border() {
        StringBuilder out =
                new StringBuilder("+").append("-".repeat(OP.length() + 2)).append('+');
        for (int width : widths) {
            out.append("-".repeat(width + 2)).append('+');
        }
        return out.toString();
    }

    /** Right-aligned, as Flink's client does; a value too long for its column ends in "...". */
    private static String pad(String text, int width) {
        String flat = text.replace('\n', ' ');
        if (flat.length() > width) {
            return flat.substring(0, width - 3) + "...";
        }
        return " ".repeat(width - flat.length()) + flat;
    }

    /** How wide a value of this type prints at most (capped, e.g. strings). */
    static int width(String type) {
        String t = type.toUpperCase(java.util.Locale.ROOT);
        if (t.startsWith("TIMESTAMP")) {
            return 24;
        }
        if (t.startsWith("BIGINT")) {
            return 8;
        }
        if (t.startsWith("INT") || t.startsWith("SMALLINT") || t.startsWith("TINYINT")) {
            return 6;
        }
        if (t.startsWith("BOOLEAN")) {
            return 5;
        }
        if (t.startsWith("DATE")) {
            return 10;
        }
        if (t.startsWith("DECIMAL")) {
            return 10;
        }
        if (t.startsWith("STRING") || t.startsWith("VARCHAR") || t.startsWith("CHAR")) {
            return 16;
        }
        return 12;
    }

    /** The whole table at once, for a result that is complete (e.g. SHOW TABLES). */
    public static String render(List<String> columns, List<String> types, List<List<String>> rows) {
        SqlTable table = new SqlTable(columns, types);
        List<String> lines = new ArrayList<>();
        lines.add(table.header());
        rows.forEach(r -> lines.add(table.row("+I", r)));
        lines.add(table.border() + "\n");
        return String.join("", lines);
    }
}
