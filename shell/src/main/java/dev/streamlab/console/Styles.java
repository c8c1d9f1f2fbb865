package dev.streamlab.console;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Colours and emphasis for the terminal, or none at all (NO_COLOR, no terminal, tests). */
public final class Styles {

    public static final AttributedStyle HEADING = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE).underline();
    public static final AttributedStyle STRONG = AttributedStyle.BOLD;
    public static final AttributedStyle EMPHASIS = AttributedStyle.DEFAULT.italic();
    public static final AttributedStyle CODE = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    public static final AttributedStyle LINK = AttributedStyle.DEFAULT.underline();
    public static final AttributedStyle FAINT = AttributedStyle.DEFAULT.faint();
    public static final AttributedStyle GOOD = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    public static final AttributedStyle BAD = AttributedStyle.BOLD.foreground(AttributedStyle.RED);
    public static final AttributedStyle NOTICE = AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW);

    private final boolean colour;

    public Styles(boolean colour) {
        this.colour = colour;
    }

    /** Colour unless NO_COLOR is set (https://no-color.org) or there is no real terminal. */
    public static Styles forTerminal(boolean realTerminal) {
        String noColor = System.getenv("NO_COLOR");
        return new Styles(realTerminal && (noColor == null || noColor.isEmpty()));
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
}
