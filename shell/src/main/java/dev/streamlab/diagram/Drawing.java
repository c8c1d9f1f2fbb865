package dev.streamlab.diagram;

import java.util.List;

/**
 * What a command shows, kept as data until a front end draws it: the terminal in colour at its own width, a
 * transcript or an expectation plain at {@link #PLAIN_WIDTH} columns, a slide as a picture of its {@link #views()}.
 * A plain message is a drawing too.
 */
@FunctionalInterface
public interface Drawing {

    /** The width of the plain text that expectations read and transcripts keep. */
    int PLAIN_WIDTH = 80;

    String draw(Style style, int width);

    /** The state this drawing shows, for a front end that draws it in a medium of its own; empty for a message. */
    default List<View> views() {
        return List.of();
    }

    /** The same text whatever the style and width. */
    static Drawing text(String text) {
        return (style, width) -> text;
    }

    /** A drawing of {@code views}, drawn as text by {@code how}. */
    static Drawing of(List<? extends View> views, Drawing how) {
        List<View> kept = List.copyOf(views);
        return new Drawing() {
            @Override
            public String draw(Style style, int width) {
                return how.draw(style, width);
            }

            @Override
            public List<View> views() {
                return kept;
            }
        };
    }

    default String plain() {
        return draw(Style.plain(), PLAIN_WIDTH);
    }
}
