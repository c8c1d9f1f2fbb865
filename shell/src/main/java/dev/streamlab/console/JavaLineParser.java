package dev.streamlab.console;

import dev.streamlab.notebook.JavaSession;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tells JLine when an entry is complete, as the JDK's jshell does: while JShell says the Java is
 * unfinished (an open brace, a missing semicolon), Enter adds a line instead of running it.
 * No escape characters: a backslash belongs to Java, not to the line editor.
 */
final class JavaLineParser implements Parser {

    private final JavaSession java;

    JavaLineParser(JavaSession java) {
        this.java = java;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE
                && !line.strip().startsWith("/")
                && !line.isBlank()
                && java.isIncomplete(line)) {
            throw new EOFError(-1, -1, "The Java is not finished yet", "more");
        }
        int start = cursor;
        while (start > 0 && (Character.isJavaIdentifierPart(line.charAt(start - 1)) || line.charAt(start - 1) == '/')) {
            start--;
        }
        return new Line(line, cursor, line.substring(start, cursor));
    }

    /** The word under the cursor is the Java identifier (or /command) being typed. */
    private record Line(String line, int cursor, String word) implements CompletingParsedLine {
        @Override
        public int wordCursor() {
            return word.length();
        }

        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word);
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return word.length();
        }

        @Override
        public int rawWordLength() {
            return word.length();
        }
    }
}
