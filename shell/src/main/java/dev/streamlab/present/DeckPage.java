package dev.streamlab.present;

import dev.streamlab.present.SlidePlan.Code;
import dev.streamlab.present.SlidePlan.Element;
import dev.streamlab.present.SlidePlan.Image;
import dev.streamlab.present.SlidePlan.Output;
import dev.streamlab.present.SlidePlan.Picture;
import dev.streamlab.present.SlidePlan.Slide;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a planned deck as one reveal.js page: a {@code <section>} per slide, code for reveal.js' highlight plugin,
 * the rehearsal's output in a block of its own, pictures inline (so a slide's values can be found in its page), and
 * the notes in {@code <aside class="notes">} for the speaker view. Every asset is a local file under {@code vendor/}.
 */
final class DeckPage {

    static final int WIDTH = 1280;
    static final int HEIGHT = 720;
    /** The room a slide's pictures share, in slide pixels, below its heading and key sentence. */
    static final int PICTURE_WIDTH = 1180;

    static final int PICTURES_HEIGHT = 430;
    private static final int PICTURE_MARGINS = 28;

    /** A monospace character is about this wide, and a line this high, for each pixel of font size (DejaVu Sans Mono). */
    private static final double CHAR_WIDTH = 0.67;

    private static final double LINE_HEIGHT = 1.3;
    private static final int TEXT_PICTURE_FONT = 18;

    private static final Pattern SVG_SIZE = Pattern.compile("^<svg ([^>]*?)width=\"(\\d+)\" height=\"(\\d+)\"");

    private DeckPage() {}

    static String html(String title, List<Slide> slides) {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1.0">
                <meta name="generator" content="streamlab slides">
                <title>%s</title>
                <link rel="stylesheet" href="vendor/node_modules/reveal.js/dist/reveal.css">
                <link rel="stylesheet" href="vendor/node_modules/@highlightjs/cdn-assets/styles/github.min.css">
                <link rel="stylesheet" href="deck.css">
                </head>
                <body>
                <div class="reveal"><div class="slides">
                """.formatted(Html.escape(title)));
        for (Slide slide : slides) {
            page.append(section(slide)).append('\n');
        }
        page.append("""
                </div></div>
                <script src="vendor/node_modules/reveal.js/dist/reveal.js"></script>
                <script src="vendor/node_modules/reveal.js/plugin/notes/notes.js"></script>
                <script src="vendor/node_modules/reveal.js/plugin/highlight/highlight.js"></script>
                <script src="deck.js"></script>
                </body>
                </html>
                """);
        return page.toString();
    }

    private static String section(Slide slide) {
        StringBuilder html = new StringBuilder();
        html.append("<section class=\"")
                .append(slide.title() ? "title-slide" : "slide")
                .append(slide.hasPicture() ? " has-picture" : "")
                .append("\">\n");
        html.append(slide.title() ? "<h1>" : "<h2>")
                .append(Html.escape(slide.heading()))
                .append(slide.title() ? "</h1>\n" : "</h2>\n");
        if (!slide.text().isEmpty()) {
            html.append("<div class=\"key\">").append(Html.prose(slide.text())).append("</div>\n");
        }
        List<Element> body = slide.body();
        long count = body.stream().filter(e -> e instanceof Picture).count();
        // Each picture's frame and block take their margins (deck.css) from the room too.
        int pictures = (int) ((roomForPictures(slide) - count * PICTURE_MARGINS) / Math.max(1, count));
        int from = 0;
        if (slide.sideBySide() && body.size() >= 2) {
            html.append("<div class=\"columns\">\n<div class=\"column\">")
                    .append(element(body.get(0), pictures))
                    .append("</div>\n<div class=\"column\">")
                    .append(element(body.get(1), pictures))
                    .append("</div>\n</div>\n");
            from = 2;
        }
        for (int i = from; i < body.size(); i++) {
            html.append(element(body.get(i), pictures)).append('\n');
        }
        if (!slide.notes().isEmpty() || slide.problem() != null) {
            html.append("<aside class=\"notes\">\n");
            if (slide.problem() != null) {
                html.append("<p class=\"problem\">")
                        .append(Html.escape(slide.problem()))
                        .append("</p>\n");
            }
            html.append(Html.prose(slide.notes())).append("</aside>\n");
        }
        return html.append("</section>").toString();
    }

    /**
     * The height left for pictures under the heading, the key sentence and the code: estimated from their lengths
     * (deck.css: a 44px bold heading takes about 42 characters a line, 30px prose about 72, code 18px lines).
     */
    static int roomForPictures(Slide slide) {
        int headingLines = Math.max(1, (slide.heading().length() + 41) / 42);
        int keyChars =
                slide.text().stream().mapToInt(p -> p.plainText().length()).sum();
        int keyLines = keyChars == 0 ? 0 : (keyChars + 71) / 72;
        int codeRows = slide.body().stream()
                .filter(e -> e instanceof Code)
                .mapToInt(e -> SlidePlan.rows(((Code) e).code(), SlidePlan.LINE_WIDTH) * 24 + 40)
                .sum();
        int used = 2 * 28 + headingLines * 51 + 32 + keyLines * 41 + (keyLines > 0 ? 14 : 0) + codeRows + 12;
        return Math.max(160, Math.min(PICTURES_HEIGHT, HEIGHT - used));
    }

    private static String element(Element element, int picturesHeight) {
        if (element instanceof Code code) {
            String html = Html.code(code.code(), code.language());
            return code.command() ? html.replace("<pre class=\"code\">", "<pre class=\"code command\">") : html;
        }
        if (element instanceof Output output) {
            return "<pre class=\"output\"><code class=\"nohighlight\">" + Html.escape(output.text()) + "</code></pre>";
        }
        if (element instanceof Picture picture) {
            return "<div class=\"picture-frame\">" + fit(Pictures.html(picture.view()), PICTURE_WIDTH, picturesHeight)
                    + "</div>";
        }
        Image image = (Image) element;
        return "<div class=\"picture-frame\"><img class=\"picture\" src=\"" + Html.escape(image.file()) + "\" alt=\""
                + Html.escape(image.description()) + "\"></div>";
    }

    private static String fitText(String picture, int maxWidth, int maxHeight) {
        String text = picture.replaceAll("<[^>]+>", "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
                .replace("&quot;", "\"");
        long lines = Math.max(1, text.lines().count());
        int columns = Math.max(1, text.lines().mapToInt(String::length).max().orElse(1));
        double size = Math.min(
                TEXT_PICTURE_FONT,
                Math.min((maxHeight - 24) / (lines * LINE_HEIGHT), (maxWidth - 32) / (columns * CHAR_WIDTH)));
        return picture.replaceFirst(
                "^<pre class=\"", String.format(Locale.ROOT, "<pre style=\"font-size: %.1fpx\" class=\"", size));
    }

    /** Scales a picture to fit the box: an SVG keeping its proportions, a text picture by its font size. */
    static String fit(String picture, int maxWidth, int maxHeight) {
        Matcher m = SVG_SIZE.matcher(picture);
        if (!m.find()) {
            return fitText(picture, maxWidth, maxHeight);
        }
        double w = Double.parseDouble(m.group(2));
        double h = Double.parseDouble(m.group(3));
        double scale = Math.min(1.5, Math.min(maxWidth / w, maxHeight / h));
        return m.replaceFirst("<svg " + Matcher.quoteReplacement(m.group(1))
                + String.format(Locale.ROOT, "width=\"%.0f\" height=\"%.0f\"", w * scale, h * scale));
    }
}
