package dev.streamlab.lesson;

import java.util.List;

/**
 * One block of a lesson's prose, already parsed: front ends render it without knowing AsciiDoc.
 *
 * @param kind what sort of block this is
 * @param level the heading level (1 for a lesson's sections), or 0
 * @param label the admonition's label (NOTE, TIP...), a list's marker ("*" or "1."), a code block's language, or ""
 * @param lines a paragraph has one line, a list one per item, a code block one per source line, a picture its
 *              description
 * @param onSlide the author marked this block ({@code [.slide]}) as what a deck's slide shows of its step
 */
public record Prose(Kind kind, int level, String label, List<List<Span>> lines, boolean onSlide) {

    /** A PICTURE's label is its file, relative to the lesson's folder. */
    public enum Kind {
        HEADING,
        PARAGRAPH,
        LIST,
        ADMONITION,
        CODE,
        QUOTE,
        PICTURE
    }

    public Prose {
        lines = List.copyOf(lines.stream().map(List::copyOf).toList());
        label = label == null ? "" : label;
    }

    public Prose(Kind kind, int level, String label, List<List<Span>> lines) {
        this(kind, level, label, lines, false);
    }

    public Prose markedForSlide(boolean marked) {
        return new Prose(kind, level, label, lines, marked);
    }

    /** The text without styles, for plain output and tests. */
    public String plainText() {
        return String.join(
                "\n",
                lines.stream()
                        .map(line -> line.stream().map(Span::text).reduce("", String::concat))
                        .toList());
    }
}
