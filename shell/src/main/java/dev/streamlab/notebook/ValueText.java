package dev.streamlab.notebook;

/**
 * Values as a cell shows them ({@code name ==> value}): each line cut to the width with an ellipsis, and at most a
 * screenful of lines, so a record with two thousand characters of {@code toString()} does not bury the output.
 * What the learner's code prints is never cut.
 */
final class ValueText {

    static final int MAX_LINES = 20;

    private ValueText() {
    }

    static String cut(String value, int width) {
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
            text.append(line.codePointCount(0, line.length()) <= width ? line
                    : line.substring(0, line.offsetByCodePoints(0, width - 1)) + "…");
        }
        return text.toString();
    }
}
