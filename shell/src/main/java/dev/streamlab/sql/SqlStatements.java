package dev.streamlab.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a cell or a file of SQL into statements at the semicolons that end them: not those inside a string, a quoted
 * name or a comment. Flink runs one statement at a time, as its SQL client does.
 */
public final class SqlStatements {

    /** The words a SQL statement the engine runs may start with. */
    private static final Pattern SQL_START = Pattern.compile(
            "(?is)\\s*(--[^\\n]*\\n\\s*)*(SELECT|CREATE|INSERT|DROP|ALTER|SHOW|DESCRIBE|DESC|EXPLAIN|SET|RESET|USE|WITH)\\s.*");

    /**
     * One statement, and the line it starts on (1 for the first).
     *
     * @param text the statement without its semicolon, with as many newlines in front as lines before it, so that
     *             Flink's "line N, column M" names the line in the cell or file
     */
    public record Statement(String text, int line) {

        /** The statement as written, without the newlines that keep its line numbers. */
        public String written() {
            return text.strip();
        }
    }

    private SqlStatements() {}

    public static List<Statement> split(String sql) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = 1;
        boolean blank = true;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            char next = i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
            if (c == '\'' || c == '"' || c == '`') {
                int end = closing(sql, i, c);
                String quoted = sql.substring(i, end);
                current.append(quoted);
                line += (int) quoted.chars().filter(ch -> ch == '\n').count();
                i = end - 1;
                blank = false;
            } else if (c == '-' && next == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                current.append(sql, i, end);
                i = end - 1;
            } else if (c == '/' && next == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : end + 2;
                String comment = sql.substring(i, end);
                current.append(comment);
                line += (int) comment.chars().filter(ch -> ch == '\n').count();
                i = end - 1;
            } else if (c == ';') {
                add(statements, current, startLine, blank);
                current.setLength(0);
                blank = true;
            } else {
                if (blank && !Character.isWhitespace(c)) {
                    blank = false;
                    startLine = line;
                    current.setLength(0);
                }
                current.append(c);
                if (c == '\n') {
                    line++;
                }
            }
        }
        add(statements, current, startLine, blank);
        return statements;
    }

    private static final Pattern LIMIT = Pattern.compile("(?is).*\\bLIMIT\\s+(\\d{1,9})\\s*");

    /**
     * The row count of a query's own {@code LIMIT} at its end, if it has one. Flink's streaming {@code LIMIT} gives its
     * rows and then waits for ever for its source to end; the shell stops it after that many rows.
     */
    public static java.util.OptionalInt limit(String statement) {
        var m = LIMIT.matcher(statement.strip());
        return m.matches() ? java.util.OptionalInt.of(Integer.parseInt(m.group(1))) : java.util.OptionalInt.empty();
    }

    /** Whether what a learner typed at the prompt is SQL rather than Java. */
    public static boolean looksLikeSql(String input) {
        return SQL_START.matcher(input + " ").matches() && !input.strip().endsWith("{");
    }

    private static void add(List<Statement> statements, StringBuilder current, int startLine, boolean blank) {
        String text = current.toString().strip();
        if (blank || text.isEmpty() || onlyComments(text)) {
            return;
        }
        statements.add(new Statement("\n".repeat(startLine - 1) + text, startLine));
    }

    private static boolean onlyComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", "")
                .replaceAll("--[^\\n]*", "")
                .isBlank();
    }

    /** Where the quote opened at {@code start} ends (after its closing quote); a doubled quote is part of the text. */
    private static int closing(String sql, int start, char quote) {
        for (int i = start + 1; i < sql.length(); i++) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i++;
                } else {
                    return i + 1;
                }
            }
        }
        return sql.length();
    }
}
