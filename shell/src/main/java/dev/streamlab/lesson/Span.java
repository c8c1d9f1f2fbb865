package dev.streamlab.lesson;

/** A run of text with one inline style: how prose keeps emphasis without keeping markup. */
public record Span(Style style, String text) {

    public enum Style {
        PLAIN,
        STRONG,
        EMPHASIS,
        CODE,
        LINK
    }

    public static Span plain(String text) {
        return new Span(Style.PLAIN, text);
    }
}
