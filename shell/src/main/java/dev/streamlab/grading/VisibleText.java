package dev.streamlab.grading;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A learner's folder name or path as a teacher's terminal (or spreadsheet) may show it: every character that would act
 * on the terminal or not be seen is shown instead, so a name can neither move the cursor nor pass for another learner's.
 * {@link Grader#printable} takes such characters out of messages; a name keeps them, visibly, as {@code cat -v} does:
 * <ul>
 *   <li>C0 control characters and DEL in caret notation: ESC is {@code ^[}, a line feed {@code ^J}, DEL {@code ^?};</li>
 *   <li>other characters with no glyph of their own (C1 controls, format characters such as a zero-width space or a
 *       bidirectional override, line and paragraph separators, spaces other than the plain one, surrogates, private and
 *       unassigned code points) as {@code <U+202E>};</li>
 *   <li>and, so two different names never look the same, a {@code ^} itself as {@code <U+005E>} and a {@code <} that
 *       starts {@code <U+} as {@code <U+003C>}.</li>
 * </ul>
 */
public final class VisibleText {

    private VisibleText() {}

    /** The text with its invisible and terminal-controlling characters made visible. */
    public static String of(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c < 0x20) {
                b.append('^').append((char) (c + 0x40));
            } else if (c == 0x7f) {
                b.append("^?");
            } else if (c == '^' || c == '<' && text.startsWith("U+", i + 1) || hidden(c)) {
                b.append("<U+").append(String.format(Locale.ROOT, "%04X", c)).append('>');
            } else {
                b.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return b.toString();
    }

    /** A path, as {@link #of(String)}. */
    public static String of(Path path) {
        return of(String.valueOf(path));
    }

    private static boolean hidden(int c) {
        if (c < 0x7f) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED -> true;
            default -> false;
        };
    }
}
