package dev.streamlab.diagram;

/**
 * How a diagram paints its parts: as plain text, or in colour. Painting never changes the width of
 * the text, so a renderer lays out plain text first and paints it last. Every difference a colour
 * shows is also written in the text (a word or a {@code *}), so nothing is lost without colour. The front ends
 * choose the colours ({@code terminal.Styles}); this package knows no terminal.
 */
@FunctionalInterface
public interface Style {

    /** The kinds of text a diagram has; each style decides how they look, except PLAIN, which stays as it is. */
    enum Part {
        PLAIN,
        TITLE,
        MUTED,
        LEADER,
        FOLLOWER,
        OUT_OF_SYNC,
        DOWN,
        PROBLEM,
        CHANGED,
        POSITION,
        WATERMARK
    }

    String paint(Part part, String text);

    /** No colour at all: for {@code NO_COLOR}, pipes, files and golden tests. */
    static Style plain() {
        return (part, text) -> text;
    }
}
