package dev.streamlab.diagram;

/**
 * Values as a front end shows them ({@code name ==> value}): each line cut to the width with an ellipsis, and at most
 * a screenful of lines, so a record with two thousand characters of {@code toString()} does not bury the output.
 * What the learner's code prints is never cut; the result keeps the value whole.
 */
public final class ValueText {

    public static final int MAX_LINES = 20;
    static final int MIN_WIDTH = 20;

    private ValueText() {}

    /** A value as {@code name ==> text}, cut to the width (at least 20 columns, however narrow the window). */
    public static String shown(String name, String text, int width) {
        return cut(name + " ==> " + text, Math.max(MIN_WIDTH, width));
    }

    public static String cut(String value, int width) {
        String[] lines = value.split("\n", -1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i == MAX_LINES) {
                text.append("\n…");
                break;
            }
            if (i > 0) {
                text.append('\n');
            }
            String line = lines[i];
            text.append(
                    line.codePointCount(0, line.length()) <= width
                            ? line
                            : line.substring(0, line.offsetByCodePoints(0, width - 1)) + "…");
        }
        return text.toString();
    }
}
