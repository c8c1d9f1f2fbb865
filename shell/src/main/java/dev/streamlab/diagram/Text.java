package dev.streamlab.diagram;

/** Small helpers for laying out plain text in columns. */
final class Text {

    private Text() {}

    static String spaces(int count) {
        return " ".repeat(Math.max(0, count));
    }

    static String padRight(String text, int width) {
        return text + spaces(width - text.length());
    }

    static String center(String text, int width) {
        int left = (width - text.length()) / 2;
        return spaces(left) + text + spaces(width - text.length() - left);
    }

    /** Cuts {@code text} to at most {@code max} characters, ending with an ellipsis when cut. */
    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** "ricardo", "ricardo and robin", "ricardo, robin and viktor". */
    static String listOf(java.util.List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
