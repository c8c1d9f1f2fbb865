package dev.streamlab.diagram;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Ansi.IStyle;

/**
 * How a diagram paints its parts: as plain text, or in colour. Painting never changes the width of
 * the text, so a renderer lays out plain text first and paints it last. Every difference a colour
 * shows is also written in the text (a word or a {@code *}), so nothing is lost without colour.
 */
@FunctionalInterface
public interface Style {

    /** The kinds of text a diagram has; each style decides how they look, except PLAIN, which stays as it is. */
    enum Part {
        PLAIN, TITLE, MUTED, LEADER, FOLLOWER, OUT_OF_SYNC, DOWN, PROBLEM, CHANGED, POSITION, WATERMARK
    }

    String paint(Part part, String text);

    /** No colour at all: for {@code NO_COLOR}, pipes, files and golden tests. */
    static Style plain() {
        return (part, text) -> text;
    }

    /**
     * Colour when {@code ansi} is enabled, plain text otherwise. Pass the {@link Ansi} that the
     * command line already chose (off with {@code NO_COLOR} or when stdout is not a terminal).
     */
    static Style of(Ansi ansi) {
        if (!ansi.enabled()) {
            return plain();
        }
        Map<Part, List<IStyle>> looks = new EnumMap<>(Part.class);
        looks.put(Part.TITLE, List.of(Ansi.Style.bold));
        looks.put(Part.MUTED, List.of(Ansi.Style.faint));
        looks.put(Part.LEADER, List.of(Ansi.Style.bold, Ansi.Style.fg_green));
        looks.put(Part.FOLLOWER, List.of(Ansi.Style.fg_green));
        looks.put(Part.OUT_OF_SYNC, List.of(Ansi.Style.fg_yellow));
        looks.put(Part.DOWN, List.of(Ansi.Style.fg_red));
        looks.put(Part.PROBLEM, List.of(Ansi.Style.bold, Ansi.Style.fg_red));
        looks.put(Part.CHANGED, List.of(Ansi.Style.bold, Ansi.Style.fg_yellow));
        looks.put(Part.POSITION, List.of(Ansi.Style.bold, Ansi.Style.fg_cyan));
        looks.put(Part.WATERMARK, List.of(Ansi.Style.fg_magenta));
        // apply() takes the text as it is, so braces or "|@" in a record's value cannot break the markup.
        return (part, text) -> text.isEmpty() || part == Part.PLAIN ? text : ansi.apply(text, looks.get(part)).toString();
    }
}
