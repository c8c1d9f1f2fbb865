package dev.streamlab.sqlengine;

import java.util.regex.Pattern;

/**
 * Flink's own message for a failed statement, in one line. Flink wraps the message that matters: a parse or validation
 * error names its position ("line 1, column 8") somewhere in the chain, and a planner error such as a window on a
 * column without a watermark says what is wrong only in its deepest cause.
 */
public final class ErrorLine {

    private static final Pattern POSITION = Pattern.compile("line \\d+, column \\d+");

    private ErrorLine() {}

    public static String of(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null
                    && (POSITION.matcher(message).find()
                            || message.startsWith("SQL parse failed")
                            || message.startsWith("SQL validation failed"))) {
                return firstLine(message);
            }
            if (message != null && !message.isBlank()) {
                deepest = t;
            }
        }
        String message = deepest.getMessage();
        return message == null || message.isBlank() ? deepest.getClass().getSimpleName() : firstLine(message);
    }

    private static String firstLine(String message) {
        String line = message.strip();
        int newline = line.indexOf('\n');
        return (newline < 0 ? line : line.substring(0, newline)).strip();
    }
}
