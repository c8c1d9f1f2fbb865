package dev.streamlab.diagram;

/** Small helpers for the SVG pictures: escaping, and the few elements they are made of. */
final class Svg {

    private Svg() {}

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    static String open(int width, int height, String cssClass, String label) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"" + cssClass + "\" viewBox=\"0 0 " + width + " "
                + height + "\" width=\"" + width + "\" height=\"" + height + "\" role=\"img\" aria-label=\""
                + escape(label) + "\">\n";
    }

    static String rect(double x, double y, double w, double h, String cssClass) {
        return String.format(
                java.util.Locale.ROOT,
                "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" rx=\"6\" class=\"%s\"/>\n",
                x,
                y,
                w,
                h,
                cssClass);
    }

    static String text(double x, double y, String anchor, String cssClass, String text) {
        return String.format(
                java.util.Locale.ROOT,
                "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"%s\" class=\"%s\">%s</text>\n",
                x,
                y,
                anchor,
                cssClass,
                escape(text));
    }

    static String line(double x1, double y1, double x2, double y2, String cssClass) {
        return String.format(
                java.util.Locale.ROOT,
                "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" class=\"%s\"/>\n",
                x1,
                y1,
                x2,
                y2,
                cssClass);
    }

    /** An arrow pointing up at ({@code x}, {@code top}) from {@code bottom}. */
    static String arrowUp(double x, double top, double bottom, String cssClass) {
        return line(x, top + 8, x, bottom, cssClass)
                + String.format(
                        java.util.Locale.ROOT,
                        "<path d=\"M%.0f %.0f l-7 10 h14 z\" class=\"%s\"/>\n",
                        x,
                        top,
                        cssClass);
    }
}
