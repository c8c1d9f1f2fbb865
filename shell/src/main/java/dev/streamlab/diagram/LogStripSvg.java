package dev.streamlab.diagram;

import dev.streamlab.diagram.LogView.Position;
import dev.streamlab.diagram.LogView.Record;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The log strip as a picture for a slide: the talk's "old on the left, new on the right", each group's arrow under
 * the offset it reads next ("ricardo is here"), the high watermark and the log end. The same offsets are kept as
 * in the terminal's {@link LogStrip}: a long log keeps its ends and the offsets around each arrow.
 */
public final class LogStripSvg {

    private static final int MAX_BOXES = 12;
    private static final int BOX = 96;
    private static final int GAP = 6;
    private static final int LEFT = 20;
    private static final int TOP = 56;
    private static final int BOX_HEIGHT = 96;
    private static final int MAX_TEXT = 9;
    /** About how wide a character of a label is, in pixels (20px sans-serif). */
    private static final double LABEL_CHAR = 11.5;

    public String render(LogView log) {
        List<Long> cells = cells(log);
        int width = Math.max(760, LEFT * 2 + cells.size() * (BOX + GAP) + BOX);
        List<Placed> placed = place(markers(log, cells), width);
        int rows = placed.stream().mapToInt(Placed::row).max().orElse(0) + 1;
        int height = TOP + BOX_HEIGHT + 30 + rows * 34 + 10;
        StringBuilder svg = new StringBuilder(Svg.open(
                width, height, "picture log-strip", "Log of " + log.topic() + ", partition " + log.partition()));
        svg.append(Svg.text(LEFT, 30, "start", "title", log.topic() + ", partition " + log.partition()));
        svg.append(Svg.text(width - LEFT, 30, "end", "muted", "old on the left, new on the right →"));
        if (log.isEmpty()) {
            svg.append(Svg.text(
                    LEFT,
                    TOP + 40,
                    "start",
                    "muted",
                    log.logStartOffset() == 0
                            ? "No records yet."
                            : "No records left: those before offset " + log.logStartOffset() + " were deleted."));
        }
        Map<Long, Record> records = new TreeMap<>();
        log.records().forEach(r -> records.put(r.offset(), r));
        for (int i = 0; i < cells.size(); i++) {
            double x = LEFT + i * (BOX + GAP);
            Long offset = cells.get(i);
            if (offset == null) {
                svg.append(Svg.text(x + BOX / 2.0, TOP + BOX_HEIGHT / 2.0 + 8, "middle", "muted big", "…"));
                continue;
            }
            boolean visible = log.highWatermark() < 0 || offset < log.highWatermark();
            svg.append(Svg.rect(x, TOP, BOX, BOX_HEIGHT, visible ? "record" : "record unreplicated"));
            svg.append(Svg.text(x + BOX / 2.0, TOP + 26, "middle", "offset", Long.toString(offset)));
            Record record = records.get(offset);
            if (record != null) {
                svg.append(Svg.text(x + BOX / 2.0, TOP + 56, "middle", "key", shorten(record.key())));
                svg.append(Svg.text(x + BOX / 2.0, TOP + 80, "middle", "value", shorten(record.value())));
            }
        }
        if (!log.isEmpty()) {
            double next = LEFT + cells.size() * (BOX + GAP);
            svg.append(Svg.rect(next, TOP, BOX, BOX_HEIGHT, "next"));
            svg.append(
                    Svg.text(next + BOX / 2.0, TOP + 26, "middle", "offset muted", Long.toString(log.logEndOffset())));
        }
        for (Placed label : placed) {
            Marker marker = label.marker();
            double labelY = TOP + BOX_HEIGHT + 40 + label.row() * 34;
            svg.append(Svg.arrowUp(marker.x(), TOP + BOX_HEIGHT + 4, labelY - 20, marker.css()));
            svg.append(
                    label.leftOfArrow()
                            ? Svg.text(marker.x() + 6, labelY, "end", marker.css(), marker.label())
                            : Svg.text(marker.x() - 6, labelY, "start", marker.css(), marker.label()));
        }
        return svg.append("</svg>\n").toString();
    }

    /** Which offsets get a box (null: a gap of elided offsets), as the terminal's strip chooses them. */
    static List<Long> cells(LogView log) {
        if (log.isEmpty()) {
            return List.of();
        }
        long start = log.logStartOffset();
        long end = log.logEndOffset();
        if (end - start <= MAX_BOXES) {
            List<Long> all = new ArrayList<>();
            for (long o = start; o < end; o++) {
                all.add(o);
            }
            return all;
        }
        TreeSet<Long> marked = new TreeSet<>();
        log.positions().forEach(p -> marked.add(Math.max(start, Math.min(end - 1, p.offset()))));
        marked.add(start);
        marked.add(end - 1);
        for (int context = 3; context >= 0; context--) {
            List<Long> cells = LogStrip.cellsAround(marked, start, end, context);
            if (cells.size() <= MAX_BOXES || context == 0) {
                return cells;
            }
        }
        throw new AssertionError("unreachable");
    }

    private record Marker(double x, String label, String css) {}

    private static List<Marker> markers(LogView log, List<Long> cells) {
        List<Marker> markers = new ArrayList<>();
        if (log.isEmpty()) {
            return markers;
        }
        Map<Long, List<String>> byOffset = new TreeMap<>();
        for (Position p : log.positions()) {
            long at = Math.max(log.logStartOffset(), Math.min(log.logEndOffset(), p.offset()));
            byOffset.computeIfAbsent(at, o -> new ArrayList<>()).add(p.name());
        }
        byOffset.forEach((offset, names) -> markers.add(new Marker(
                center(offset, log, cells),
                Text.listOf(names) + (names.size() == 1 ? " is here" : " are here"),
                "position")));
        if (log.highWatermark() >= log.logStartOffset() && log.highWatermark() < log.logEndOffset()) {
            markers.add(new Marker(center(log.highWatermark(), log, cells), "high watermark", "watermark"));
        }
        markers.add(new Marker(center(log.logEndOffset(), log, cells), "log end: the next record", "watermark"));
        markers.sort(Comparator.comparingDouble(Marker::x));
        return markers;
    }

    private static double center(long offset, LogView log, List<Long> cells) {
        int index = cells.indexOf(offset);
        if (index < 0) {
            index = cells.size(); // the log end's "next" box
        }
        return LEFT + index * (BOX + GAP) + BOX / 2.0;
    }

    /** A marker's label: on the right of its arrow, or on the left where the picture ends; in the first row it fits. */
    private record Placed(Marker marker, int row, boolean leftOfArrow, double from, double to) {}

    private static List<Placed> place(List<Marker> markers, int width) {
        List<Placed> placed = new ArrayList<>();
        for (Marker m : markers) {
            double length = m.label().length() * LABEL_CHAR + 12;
            boolean left = m.x() - 6 + length > width - 8;
            double from = left ? m.x() + 6 - length : m.x() - 6;
            double to = from + length;
            int row = 0;
            while (true) {
                int r = row;
                if (placed.stream().noneMatch(p -> p.row() == r && p.from() < to + 8 && from < p.to() + 8)) {
                    break;
                }
                row++;
            }
            placed.add(new Placed(m, row, left, from, to));
        }
        return placed;
    }

    private static String shorten(String text) {
        return text == null ? "" : Text.shorten(text, MAX_TEXT);
    }
}
