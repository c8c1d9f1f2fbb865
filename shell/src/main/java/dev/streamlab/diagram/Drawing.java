package dev.streamlab.diagram;

/**
 * What a command shows, kept as data until a front end draws it: the terminal in colour at its own width, a
 * transcript or an expectation plain at {@link #PLAIN_WIDTH} columns. A plain message is a drawing too.
 */
@FunctionalInterface
public interface Drawing {

    /** The width of the plain text that expectations read and transcripts keep. */
    int PLAIN_WIDTH = 80;

    String draw(Style style, int width);

    /** The same text whatever the style and width. */
    static Drawing text(String text) {
        return (style, width) -> text;
    }

    default String plain() {
        return draw(Style.plain(), PLAIN_WIDTH);
    }
}
