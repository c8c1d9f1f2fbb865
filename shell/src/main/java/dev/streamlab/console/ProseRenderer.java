package dev.streamlab.console;

import dev.streamlab.lesson.Prose;
import dev.streamlab.lesson.Span;
import dev.streamlab.terminal.Styles;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Turns a lesson's prose into terminal text: headings, emphasis, lists, admonitions and code,
 * wrapped at the terminal's width. Never shows AsciiDoc markup.
 */
public final class ProseRenderer {

    private final Styles styles;
    private final int width;

    public ProseRenderer(Styles styles, int width) {
        this.styles = styles;
        this.width = Math.max(40, Math.min(width, 100));
    }

    public String render(List<Prose> blocks) {
        StringBuilder out = new StringBuilder();
        for (Prose block : blocks) {
            out.append(render(block)).append('\n');
        }
        return out.toString();
    }

    public String render(Prose block) {
        return switch (block.kind()) {
            case HEADING -> "\n" + styles.apply(Styles.HEADING, block.plainText()) + "\n";
            case PARAGRAPH -> wrap(block.lines().get(0), "", "");
            case PICTURE ->
                wrap(List.of(new Span(Span.Style.EMPHASIS, "[picture: " + block.plainText() + "]")), "", "");
            case LIST -> {
                StringBuilder out = new StringBuilder();
                int n = 1;
                for (List<Span> item : block.lines()) {
                    String marker = block.label().equals("1.") ? (n++) + ". " : "• ";
                    out.append(wrap(item, "  " + marker, "  " + " ".repeat(marker.length())));
                }
                yield out.toString();
            }
            case ADMONITION -> {
                String label =
                        block.label().charAt(0) + block.label().substring(1).toLowerCase(java.util.Locale.ROOT);
                StringBuilder out = new StringBuilder();
                boolean first = true;
                for (List<Span> paragraph : block.lines()) {
                    List<Span> spans = new ArrayList<>();
                    if (first) {
                        spans.add(new Span(Span.Style.STRONG, label + ": "));
                    }
                    spans.addAll(paragraph);
                    out.append(wrap(spans, styles.apply(Styles.NOTICE, "▌ "), styles.apply(Styles.NOTICE, "▌ ")));
                    first = false;
                }
                yield out.toString();
            }
            case CODE -> {
                StringBuilder out = new StringBuilder();
                for (List<Span> line : block.lines()) {
                    String text = line.stream().map(Span::text).reduce("", String::concat);
                    out.append(styles.apply(Styles.FAINT, "  │ "))
                            .append(styles.apply(Styles.CODE, text))
                            .append('\n');
                }
                yield out.toString();
            }
            case QUOTE -> {
                StringBuilder out = new StringBuilder();
                for (List<Span> paragraph : block.lines()) {
                    out.append(wrap(paragraph, "  “ ", "    "));
                }
                yield out.toString();
            }
        };
    }

    /**
     * A message of streamlab's own, broken between words at {@code columns} (the terminal's width now); its own line
     * breaks stay. The one word wrapper: prose and messages wrap alike.
     */
    public String wrapPlain(String text, int columns) {
        if (columns < 20) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            out.append(wrap(List.of(Span.plain(line)), "", "", columns));
        }
        // wrap() ends each line with a line break; the message ends as it began.
        return out.substring(0, Math.max(0, out.length() - 1));
    }

    /** Word-wraps styled spans; the line breaks of the source are kept as spaces, as a browser would. */
    private String wrap(List<Span> spans, String firstIndent, String indent) {
        return wrap(spans, firstIndent, indent, width);
    }

    private String wrap(List<Span> spans, String firstIndent, String indent, int limit) {
        List<AttributedString> lines = new ArrayList<>();
        AttributedStringBuilder line = new AttributedStringBuilder();
        int column = visible(firstIndent);
        for (Span span : spans) {
            AttributedStyle style = style(span.style());
            String[] words = span.text().replace('\n', ' ').split("(?<= )");
            for (String word : words) {
                if (word.isEmpty()) {
                    continue;
                }
                String trimmed = word.stripTrailing();
                if (column + trimmed.length() > limit && line.length() > 0) {
                    lines.add(line.toAttributedString());
                    line = new AttributedStringBuilder();
                    column = visible(indent);
                    word = word.stripLeading();
                    if (word.isEmpty()) {
                        continue;
                    }
                }
                line.styled(style, word);
                column += word.length();
            }
        }
        lines.add(line.toAttributedString());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String text = styles.render(lines.get(i));
            out.append(i == 0 ? firstIndent : indent)
                    .append(stripTrailingSpaces(text))
                    .append('\n');
        }
        return out.toString();
    }

    private static String stripTrailingSpaces(String text) {
        return text.replaceAll(" +$", "");
    }

    private static int visible(String text) {
        return AttributedString.fromAnsi(text).columnLength();
    }

    private static AttributedStyle style(Span.Style style) {
        return switch (style) {
            case STRONG -> Styles.STRONG;
            case EMPHASIS -> Styles.EMPHASIS;
            case CODE -> Styles.CODE;
            case LINK -> Styles.LINK;
            case PLAIN -> AttributedStyle.DEFAULT;
        };
    }
}
