package dev.streamlab.present;

import dev.streamlab.lesson.Prose;
import dev.streamlab.lesson.Span;
import java.util.List;

/** Lesson prose as HTML for a slide or its notes: the prose was parsed once, so no AsciiDoc is read here. */
public final class Html {

    private Html() {}

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String spans(List<Span> spans) {
        StringBuilder out = new StringBuilder();
        for (Span span : spans) {
            String text = escape(span.text());
            out.append(
                    switch (span.style()) {
                        case STRONG -> "<strong>" + text + "</strong>";
                        case EMPHASIS -> "<em>" + text + "</em>";
                        case CODE -> "<code>" + text + "</code>";
                        case LINK -> "<span class=\"link\">" + text + "</span>";
                        case PLAIN -> text;
                    });
        }
        return out.toString();
    }

    public static String prose(List<Prose> blocks) {
        StringBuilder out = new StringBuilder();
        for (Prose block : blocks) {
            out.append(prose(block)).append('\n');
        }
        return out.toString();
    }

    static String prose(Prose block) {
        return switch (block.kind()) {
            case HEADING -> "<h3>" + spans(block.lines().get(0)) + "</h3>";
            case PARAGRAPH -> "<p>" + spans(block.lines().get(0)) + "</p>";
            case LIST -> {
                String tag = block.label().equals("1.") ? "ol" : "ul";
                StringBuilder items = new StringBuilder("<" + tag + ">");
                block.lines()
                        .forEach(
                                item -> items.append("<li>").append(spans(item)).append("</li>"));
                yield items.append("</").append(tag).append(">").toString();
            }
            case ADMONITION -> {
                StringBuilder text =
                        new StringBuilder("<div class=\"admonition\"><strong>" + escape(block.label()) + ":</strong> ");
                block.lines().forEach(p -> text.append(spans(p)).append(' '));
                yield text.append("</div>").toString();
            }
            case CODE -> code(block.plainText(), block.label());
            case QUOTE -> {
                StringBuilder text = new StringBuilder("<blockquote>");
                block.lines().forEach(p -> text.append("<p>").append(spans(p)).append("</p>"));
                yield text.append("</blockquote>").toString();
            }
            case PICTURE -> "<p class=\"picture-note\">[picture: " + escape(block.plainText()) + "]</p>";
        };
    }

    /** Code for highlight.js: escaped here, so reveal.js must not unescape it ({@code data-noescape} is absent). */
    static String code(String code, String language) {
        String lang = language == null || language.isBlank() ? "plaintext" : language;
        return "<pre class=\"code\"><code class=\"language-" + escape(lang) + "\">" + escape(code) + "</code></pre>";
    }

    /** How many words a reader sees in this prose. */
    static int words(List<Prose> blocks) {
        int words = 0;
        for (Prose block : blocks) {
            if (block.kind() != Prose.Kind.CODE && block.kind() != Prose.Kind.PICTURE) {
                String text = block.plainText().strip();
                words += text.isEmpty() ? 0 : text.split("\\s+").length;
            }
        }
        return words;
    }
}
