package dev.streamlab.guides;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ./streamlab ...} examples in a document: each line of a listing block that runs streamlab (with its
 * {@code \} continuations), and each inline code span that does. An example ends where the shell would stop giving
 * streamlab arguments: a comment, a pipe, a redirection, a {@code ;}, {@code &} or {@code )}.
 */
record CommandExamples(Path file, List<Example> examples) {

    /** One example: where it is, its text, and the arguments streamlab would get. */
    record Example(Path file, int line, String text, List<String> arguments) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + text;
        }
    }

    /** {@code ./streamlab}, or an installed copy's {@code bin/streamlab} (such as {@code ~/streamlab/bin/streamlab}). */
    private static final Pattern LAUNCHER =
            Pattern.compile("(?:^|(?<=[\\s(]))(?:[\\w~.-]+/)*(?:\\.|bin)/streamlab(?=\\s|$)");

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

    static CommandExamples in(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Example> examples = new ArrayList<>();
        boolean listing = false;
        StringBuilder prose = new StringBuilder();
        int proseStart = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.equals("----")) {
                listing = !listing;
                continue;
            }
            if (listing) {
                int start = i;
                StringBuilder command = new StringBuilder(line);
                while (command.toString().endsWith("\\") && i + 1 < lines.size()) {
                    command.setLength(command.length() - 1);
                    command.append(' ').append(lines.get(++i).strip());
                }
                add(examples, file, start + 1, command.toString());
            } else if (line.isBlank()) {
                spans(examples, file, proseStart, prose);
                prose.setLength(0);
            } else {
                if (prose.isEmpty()) {
                    proseStart = i + 1;
                }
                prose.append(line).append('\n');
            }
        }
        spans(examples, file, proseStart, prose);
        return new CommandExamples(file, examples);
    }

    /** Code spans may run over a line break inside a paragraph, so a paragraph is searched whole. */
    private static void spans(List<Example> examples, Path file, int firstLine, CharSequence paragraph) {
        Matcher span = CODE_SPAN.matcher(paragraph);
        while (span.find()) {
            int line = firstLine
                    + (int) paragraph
                            .subSequence(0, span.start())
                            .chars()
                            .filter(c -> c == '\n')
                            .count();
            add(examples, file, line, span.group(1).replace('\n', ' '));
        }
    }

    private static void add(List<Example> examples, Path file, int line, String text) {
        Matcher launcher = LAUNCHER.matcher(text);
        if (launcher.find()) {
            String command = text.substring(launcher.start()).strip();
            examples.add(new Example(file, line, command, arguments(text.substring(launcher.end()))));
        }
    }

    /** The words the shell would pass, quotes removed, up to the first character that ends the command. */
    static List<String> arguments(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if ("#|<>;&)".indexOf(c) >= 0) {
                break;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
