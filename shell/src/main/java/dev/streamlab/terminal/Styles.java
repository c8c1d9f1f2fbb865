package dev.streamlab.terminal;

import dev.streamlab.diagram.Drawing;
import dev.streamlab.diagram.Style;
import java.util.EnumMap;
import java.util.Map;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The one colour system of every front end (the learning shell, the demo player, the command line): colours and
 * emphasis for a terminal, or none at all. Whether there is colour is decided here only, once per front end.
 */
public final class Styles {

    public static final AttributedStyle HEADING =
            AttributedStyle.BOLD.foreground(AttributedStyle.BLUE).underline();
    public static final AttributedStyle STRONG = AttributedStyle.BOLD;
    public static final AttributedStyle EMPHASIS = AttributedStyle.DEFAULT.italic();
    public static final AttributedStyle CODE = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    public static final AttributedStyle LINK = AttributedStyle.DEFAULT.underline();
    public static final AttributedStyle FAINT = AttributedStyle.DEFAULT.faint();
    public static final AttributedStyle GOOD = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    public static final AttributedStyle GOOD_STRONG = AttributedStyle.BOLD.foreground(AttributedStyle.GREEN);
    public static final AttributedStyle BAD = AttributedStyle.BOLD.foreground(AttributedStyle.RED);
    public static final AttributedStyle NOTICE = AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW);
    public static final AttributedStyle WARNING = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);

    /** How a diagram's parts look in colour; every difference is also written in the diagram's text. */
    private static final Map<Style.Part, AttributedStyle> DIAGRAM = new EnumMap<>(Map.of(
            Style.Part.TITLE, AttributedStyle.BOLD,
            Style.Part.MUTED, FAINT,
            Style.Part.LEADER, AttributedStyle.BOLD.foreground(AttributedStyle.GREEN),
            Style.Part.FOLLOWER, AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN),
            Style.Part.OUT_OF_SYNC, AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW),
            Style.Part.DOWN, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED),
            Style.Part.PROBLEM, AttributedStyle.BOLD.foreground(AttributedStyle.RED),
            Style.Part.CHANGED, AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW),
            Style.Part.POSITION, AttributedStyle.BOLD.foreground(AttributedStyle.CYAN),
            Style.Part.WATERMARK, AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA)));

    private final boolean colour;

    public Styles(boolean colour) {
        this.colour = colour;
    }

    /** Colour unless NO_COLOR is set (https://no-color.org) or there is no real terminal. */
    public static Styles forTerminal(boolean realTerminal) {
        String noColor = System.getenv("NO_COLOR");
        return new Styles(realTerminal && (noColor == null || noColor.isEmpty()));
    }

    /** For a command's standard output: colour only when it is a terminal (not a pipe or a file). */
    public static Styles forStandardOutput() {
        return forTerminal(System.console() != null);
    }

    public boolean colour() {
        return colour;
    }

    public String apply(AttributedStyle style, String text) {
        return render(new AttributedStringBuilder().styled(style, text).toAttributedString());
    }

    public String render(AttributedString text) {
        return colour ? text.toAnsi() : text.toString();
    }

    /** Diagrams in these colours, or plain without them. Painting never changes the text's width. */
    public Style diagramStyle() {
        if (!colour) {
            return Style.plain();
        }
        return (part, text) -> text.isEmpty() || !DIAGRAM.containsKey(part) ? text : apply(DIAGRAM.get(part), text);
    }

    /** What a command showed, in these colours at this width, as whole lines. */
    public String draw(Drawing drawing, int width) {
        String text = drawing.draw(diagramStyle(), width);
        return text.endsWith("\n") ? text : text + "\n";
    }
}
