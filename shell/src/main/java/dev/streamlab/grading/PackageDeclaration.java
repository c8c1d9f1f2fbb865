package dev.streamlab.grading;

/**
 * The package a Java source file declares, read as javac reads it, without javac: Unicode escapes are translated first
 * (so &#92;u0070ackage is {@code package}, and &#92;u002a/ ends a comment), comments and white space are
 * skipped, annotations before the declaration (a {@code package-info.java}'s) are passed over, and the characters javac
 * ignores inside a name are left out of it. Linear in the file's length; never throws.
 *
 * @param name the package's qualified name, "" when the file declares none (or javac could not read the declaration
 *             either: a file javac will refuse anyway)
 * @param line the line of the declaration (of the file's first token when there is none), from 1
 */
record PackageDeclaration(String name, int line) {

    static PackageDeclaration of(String source) {
        return new Reader(translateUnicodeEscapes(source)).declaration();
    }

    /** JLS 3.3: a backslash preceded by an even number of backslashes, one or more 'u' and four hex digits is one character. */
    static String translateUnicodeEscapes(String s) {
        if (s.indexOf("\\u") < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int backslashes = 0;
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '\\' && backslashes % 2 == 0 && i + 1 < s.length() && s.charAt(i + 1) == 'u') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) == 'u') {
                    j++;
                }
                if (j + 4 <= s.length() && isHex(s, j, j + 4)) {
                    b.append((char) Integer.parseInt(s, j, j + 4, 16));
                    i = j + 4;
                    // A translated character, even a backslash, starts no further escape (JLS 3.3).
                    backslashes = 0;
                    continue;
                }
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
            b.append(c);
            i++;
        }
        return b.toString();
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static final class Reader {
        private final String s;
        private int pos;
        private int line = 1;

        Reader(String s) {
            this.s = s;
        }

        PackageDeclaration declaration() {
            if (s.startsWith("\uFEFF")) {
                // A byte order mark: javac refuses the file with its own words ("illegal character").
                pos++;
            }
            skipBlanks();
            while (peek() == '@') {
                int at = pos;
                pos++;
                skipBlanks();
                String name = qualifiedName();
                if (name.isEmpty() || name.equals("interface")) {
                    pos = at;
                    break;
                }
                skipBlanks();
                if (peek() == '(' && !skipParentheses()) {
                    return none();
                }
                skipBlanks();
            }
            int declaredAt = line;
            if (!"package".equals(identifier())) {
                return new PackageDeclaration("", declaredAt);
            }
            skipBlanks();
            String name = qualifiedName();
            skipBlanks();
            return new PackageDeclaration(peek() == ';' ? name : "", declaredAt);
        }

        private PackageDeclaration none() {
            return new PackageDeclaration("", line);
        }

        /** Identifiers joined by dots, with blanks and comments allowed between them; "" when none. */
        private String qualifiedName() {
            StringBuilder name = new StringBuilder(identifier());
            if (name.length() == 0) {
                return "";
            }
            while (true) {
                int before = pos;
                int lineBefore = line;
                skipBlanks();
                if (peek() != '.') {
                    pos = before;
                    line = lineBefore;
                    return name.toString();
                }
                pos++;
                skipBlanks();
                String next = identifier();
                if (next.isEmpty()) {
                    return "";
                }
                name.append('.').append(next);
            }
        }

        /** An identifier as javac's tokenizer reads it (characters it ignores left out), or "" when none starts here. */
        private String identifier() {
            if (pos >= s.length() || !Character.isJavaIdentifierStart(s.codePointAt(pos))) {
                return "";
            }
            StringBuilder b = new StringBuilder();
            while (pos < s.length()) {
                int c = s.codePointAt(pos);
                if (Character.isIdentifierIgnorable(c) || c == 0x1a) {
                    pos += Character.charCount(c);
                } else if (Character.isJavaIdentifierPart(c)) {
                    b.appendCodePoint(c);
                    pos += Character.charCount(c);
                } else {
                    break;
                }
            }
            return b.toString();
        }

        /** Passes over an annotation's arguments, strings, characters and comments included; false when they never end. */
        private boolean skipParentheses() {
            int depth = 0;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '/' && (startsWith("//") || startsWith("/*"))) {
                    skipBlanks();
                    continue;
                }
                if (c == '"' || c == '\'') {
                    skipLiteral(c);
                    continue;
                }
                if (c == '\n') {
                    line++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    pos++;
                    return true;
                }
                pos++;
            }
            return false;
        }

        private void skipLiteral(char quote) {
            boolean textBlock = quote == '"' && startsWith("\"\"\"");
            pos += textBlock ? 3 : 1;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\\') {
                    pos += 2;
                    continue;
                }
                if (c == '\n') {
                    line++;
                    if (!textBlock) {
                        pos++;
                        return;
                    }
                }
                if (textBlock ? startsWith("\"\"\"") : c == quote) {
                    pos += textBlock ? 3 : 1;
                    return;
                }
                pos++;
            }
        }

        /** White space as javac knows it (space, tab, form feed, line ends), comments, and a trailing Ctrl-Z. */
        private void skipBlanks() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\n') {
                    line++;
                    pos++;
                } else if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
                    if (c == '\r' && !startsWithAt(pos + 1, "\n")) {
                        line++;
                    }
                    pos++;
                } else if (startsWith("//")) {
                    while (pos < s.length() && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
                        pos++;
                    }
                } else if (startsWith("/*")) {
                    int end = s.indexOf("*/", pos + 2);
                    int stop = end < 0 ? s.length() : end + 2;
                    for (int i = pos; i < stop; i++) {
                        if (s.charAt(i) == '\n'
                                || s.charAt(i) == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n')) {
                            line++;
                        }
                    }
                    pos = stop;
                } else {
                    return;
                }
            }
        }

        private int peek() {
            return pos < s.length() ? s.charAt(pos) : -1;
        }

        private boolean startsWith(String prefix) {
            return s.startsWith(prefix, pos);
        }

        private boolean startsWithAt(int at, String prefix) {
            return s.startsWith(prefix, at);
        }
    }
}
