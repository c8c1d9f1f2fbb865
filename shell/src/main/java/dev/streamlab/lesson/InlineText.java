package dev.streamlab.lesson;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the little HTML that Asciidoctor makes of inline markup ({@code <strong>}, {@code <em>},
 * {@code <code>}, links, entities) into styled spans. Written by hand because we only need these few
 * tags, and an HTML parser would be a large dependency for them; unknown tags are dropped, never shown.
 */
final class InlineText {

    private static final Pattern TOKEN = Pattern.compile("<(/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)");
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);");

    private InlineText() {}

    static List<Span> spans(String html) {
        List<Span> spans = new ArrayList<>();
        Deque<Span.Style> styles = new ArrayDeque<>();
        Deque<String> links = new ArrayDeque<>();
        Matcher m = TOKEN.matcher(html == null ? "" : html);
        while (m.find()) {
            if (m.group(4) != null) {
                add(spans, styles.isEmpty() ? Span.Style.PLAIN : styles.peek(), unescape(m.group(4)));
                continue;
            }
            boolean closing = !m.group(1).isEmpty();
            String tag = m.group(2).toLowerCase(java.util.Locale.ROOT);
            if (tag.equals("br")) {
                add(spans, Span.Style.PLAIN, "\n");
                continue;
            }
            Span.Style style = switch (tag) {
                case "strong", "b" -> Span.Style.STRONG;
                case "em", "i" -> Span.Style.EMPHASIS;
                case "code", "kbd" -> Span.Style.CODE;
                case "a" -> Span.Style.LINK;
                default -> null;
            };
            if (style == null) {
                continue;
            }
            if (!closing) {
                styles.push(style);
                if (style == Span.Style.LINK) {
                    Matcher href = HREF.matcher(m.group(3));
                    links.push(href.find() ? unescape(href.group(1)) : "");
                }
            } else if (!styles.isEmpty()) {
                styles.pop();
                if (style == Span.Style.LINK && !links.isEmpty()) {
                    String url = links.pop();
                    String shown =
                            spans.isEmpty() ? "" : spans.get(spans.size() - 1).text();
                    if (!url.isEmpty() && !url.startsWith("#") && !url.equals(shown)) {
                        add(spans, Span.Style.PLAIN, " (" + url + ")");
                    }
                }
            }
        }
        return spans;
    }

    private static void add(List<Span> spans, Span.Style style, String text) {
        if (text.isEmpty()) {
            return;
        }
        int last = spans.size() - 1;
        if (last >= 0 && spans.get(last).style() == style) {
            spans.set(last, new Span(style, spans.get(last).text() + text));
        } else {
            spans.add(new Span(style, text));
        }
    }

    static String unescape(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String replacement = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default ->
                    new String(Character.toChars(
                            e.startsWith("#x")
                                    ? Integer.parseInt(e.substring(2), 16)
                                    : Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        // Asciidoctor puts thin spaces around em dashes; a terminal shows them as odd gaps.
        // and a zero-width space after an ellipsis.
        return out.toString().replace("\u2009", " ").replace("\u200b", "");
    }
}
