package dev.streamlab.diagram;

import dev.streamlab.diagram.LogView.Position;
import dev.streamlab.diagram.LogView.Record;
import dev.streamlab.diagram.Style.Part;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Draws one partition's log as a strip of boxes, old offsets on the left and new on the right, with
 * an arrow under the box each consumer group will read next, and the high watermark and log end.
 *
 * <p>A log too long for the width keeps its start, its end, and a few offsets around each arrow;
 * the offsets in between become a {@code …} box.
 */
public final class LogStrip {

    public static final int DEFAULT_WIDTH = 80;
    /** The row labels ("offset", "key", "value") take this many columns on the left. */
    private static final int MARGIN = 8;
    /** Keys and values longer than this are cut to fit in their box. */
    private static final int MAX_TEXT = 8;
    /** At most this many offsets are kept on each side of an arrow when the log is elided. */
    private static final int MAX_CONTEXT = 3;

    private static final String GAP = "…";

    private final Style style;
    private final int width;

    public LogStrip(Style style) {
        this(style, DEFAULT_WIDTH);
    }

    public LogStrip(Style style, int width) {
        this.style = style;
        this.width = width;
    }

    public String render(LogView log) {
        List<String> lines = new ArrayList<>();
        lines.add(style.paint(Part.TITLE, "Log of " + log.topic() + ", partition " + log.partition())
                + style.paint(Part.MUTED, " (old on the left, new on the right)"));
        Strip strip = layout(log);
        if (log.isEmpty()) {
            lines.add(
                    log.logStartOffset() == 0
                            ? "No records yet."
                            : "No records left: those before offset " + log.logStartOffset() + " were deleted.");
        } else if (log.logStartOffset() > 0) {
            lines.add("Records before offset " + log.logStartOffset() + " were deleted.");
        }
        lines.addAll(strip.rows());
        for (Marker marker : markers(log, strip)) {
            lines.addAll(marker.lines(width, style));
        }
        return String.join("\n", lines);
    }

    private Strip layout(LogView log) {
        long start = log.logStartOffset();
        long end = log.logEndOffset();
        Map<Long, Record> records = new TreeMap<>();
        log.records().stream()
                .filter(r -> r.offset() >= start && r.offset() < end)
                .forEach(r -> records.put(r.offset(), r));
        int textWidth = records.values().stream()
                .mapToInt(r -> Math.max(text(r.key()).length(), text(r.value()).length()))
                .max()
                .orElse(0);
        int boxWidth = Math.max(Long.toString(Math.max(start, end - 1)).length(), Math.min(MAX_TEXT, textWidth));

        TreeSet<Long> marked = new TreeSet<>();
        if (!log.isEmpty()) {
            log.positions().forEach(p -> marked.add(clamp(p.offset(), start, end - 1)));
            if (log.highWatermark() > start && log.highWatermark() < end) {
                marked.add(log.highWatermark());
                marked.add(log.highWatermark() - 1);
            }
        }
        TreeSet<Long> withEnds = new TreeSet<>(marked);
        if (!log.isEmpty()) {
            withEnds.add(start);
            withEnds.add(end - 1);
        }
        // Only a log that could fit is tried whole: a log of millions of offsets goes straight to eliding.
        Strip strip = end - start > width
                ? null
                : new Strip(log, boxWidth, records, cellsAround(withEnds, start, end, Long.MAX_VALUE));
        for (int context = MAX_CONTEXT; context >= 0 && (strip == null || strip.width() > width); context--) {
            strip = new Strip(log, boxWidth, records, cellsAround(withEnds, start, end, context));
        }
        if (strip.width() > width && !marked.isEmpty()) {
            // Very long offsets: the first and last boxes give way to the arrows.
            strip = new Strip(log, boxWidth, records, cellsAround(marked, start, end, 0));
        }
        return strip;
    }

    /** The offsets within {@code context} of a marked one; null stands for a gap of elided offsets. */
    static List<Long> cellsAround(TreeSet<Long> marked, long start, long end, long context) {
        TreeSet<Long> kept = new TreeSet<>();
        for (long mark : marked) {
            long from = Math.max(start, mark - Math.min(context, mark - start));
            long to = end - 1 - mark <= context ? end - 1 : mark + context;
            for (long offset = from; offset <= to; offset++) {
                kept.add(offset);
            }
        }
        List<Long> cells = new ArrayList<>();
        if (!kept.isEmpty() && kept.first() > start) {
            cells.add(null);
        }
        Long previous = null;
        for (long offset : kept) {
            if (previous != null && offset - previous == 2) {
                cells.add(previous + 1); // one hidden offset takes as much room as a gap, so show it
            } else if (previous != null && offset - previous > 2) {
                cells.add(null);
            }
            cells.add(offset);
            previous = offset;
        }
        if (previous != null && previous < end - 1) {
            cells.add(null);
        }
        return cells;
    }

    private List<Marker> markers(LogView log, Strip strip) {
        List<Marker> markers = new ArrayList<>();
        Map<Integer, List<String>> namesAtColumn = new TreeMap<>();
        for (Position position : log.positions()) {
            long offset = position.offset();
            if (offset < log.logStartOffset()) {
                markers.add(new Marker(
                        strip.column(log.logStartOffset()),
                        position.name() + " is at " + offset + ", before the log start",
                        Part.POSITION));
            } else if (offset > log.logEndOffset()) {
                markers.add(new Marker(
                        strip.column(log.logEndOffset()),
                        position.name() + " is at " + offset + ", past the log end",
                        Part.POSITION));
            } else {
                namesAtColumn
                        .computeIfAbsent(strip.column(offset), c -> new ArrayList<>())
                        .add(position.name());
            }
        }
        namesAtColumn.forEach((column, names) -> markers.add(new Marker(
                column, Text.listOf(names) + (names.size() == 1 ? " is here" : " are here"), Part.POSITION)));

        long highWatermark = log.highWatermark();
        if (highWatermark >= log.logStartOffset() && highWatermark <= log.logEndOffset()) {
            markers.add(new Marker(
                    strip.column(highWatermark), "high watermark: consumers read up to here", Part.WATERMARK));
        }
        markers.add(new Marker(strip.column(log.logEndOffset()), "log end: the next record goes here", Part.WATERMARK));
        markers.sort(Comparator.comparingInt(Marker::column));
        return markers;
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    private static String text(String keyOrValue) {
        return keyOrValue == null ? "" : Text.shorten(keyOrValue, MAX_TEXT);
    }

    /**
     * An arrow under a column with its label on the right; on the left when the right is too narrow;
     * on a line of its own, ending at the right edge, when neither side is wide enough.
     */
    private record Marker(int column, String label, Part part) {

        List<String> lines(int width, Style style) {
            if (column + 2 + label.length() <= width) {
                return List.of(Text.spaces(column) + style.paint(part, "↑ " + label));
            }
            if (label.length() + 1 <= column) {
                return List.of(Text.spaces(column - label.length() - 1) + style.paint(part, label + " ↑"));
            }
            return List.of(
                    Text.spaces(column) + style.paint(part, "↑"),
                    Text.spaces(width - label.length()) + style.paint(part, label));
        }
    }

    /** The boxes of the strip: which offsets they show, and where each one's middle column is. */
    private final class Strip {

        private final LogView log;
        private final int boxWidth;
        private final Map<Long, Record> records;
        private final List<Long> cells;

        Strip(LogView log, int boxWidth, Map<Long, Record> records, List<Long> cells) {
            this.log = log;
            this.boxWidth = boxWidth;
            this.records = records;
            this.cells = log.isEmpty() ? List.of() : cells;
        }

        int width() {
            return nextColumn() + Long.toString(log.logEndOffset()).length();
        }

        /** The column of an offset's box, or of the next offset after the last box. */
        int column(long offset) {
            int column = MARGIN + 1;
            for (Long cell : cells) {
                int cellWidth = cellWidth(cell);
                if (cell != null && cell == offset) {
                    return column + 1 + (boxWidth - 1) / 2;
                }
                column += cellWidth + 1;
            }
            return nextColumn() + (Long.toString(log.logEndOffset()).length() - 1) / 2;
        }

        private int nextColumn() {
            if (cells.isEmpty()) {
                return MARGIN;
            }
            return MARGIN + 1 + cells.stream().mapToInt(c -> cellWidth(c) + 1).sum() + 1;
        }

        private int cellWidth(Long cell) {
            return cell == null ? GAP.length() + 2 : boxWidth + 2;
        }

        List<String> rows() {
            List<String> rows = new ArrayList<>();
            String next = style.paint(Part.MUTED, Long.toString(log.logEndOffset()));
            if (cells.isEmpty()) {
                rows.add(Text.padRight("offset", MARGIN) + next);
                return rows;
            }
            rows.add(border('┌', '┬', '┐'));
            rows.add(row("offset", cell -> Long.toString(cell), true) + " " + next);
            if (records.values().stream().anyMatch(r -> r.key() != null && isShown(r.offset()))) {
                rows.add(row(
                        "key",
                        cell -> records.containsKey(cell)
                                ? text(records.get(cell).key())
                                : "",
                        false));
            }
            if (records.values().stream().anyMatch(r -> isShown(r.offset()))) {
                rows.add(row(
                        "value",
                        cell -> records.containsKey(cell)
                                ? text(records.get(cell).value())
                                : "",
                        false));
            }
            rows.add(border('└', '┴', '┘'));
            return rows;
        }

        private boolean isShown(long offset) {
            return cells.contains(offset);
        }

        private String border(char left, char middle, char right) {
            StringBuilder line = new StringBuilder(Text.spaces(MARGIN)).append(left);
            for (int i = 0; i < cells.size(); i++) {
                line.append("─".repeat(cellWidth(cells.get(i)))).append(i == cells.size() - 1 ? right : middle);
            }
            return line.toString();
        }

        private String row(String label, Function<Long, String> content, boolean isOffsetRow) {
            StringBuilder line = new StringBuilder(Text.padRight(label, MARGIN)).append('│');
            for (Long cell : cells) {
                if (cell == null) {
                    line.append(' ')
                            .append(isOffsetRow ? style.paint(Part.MUTED, GAP) : " ")
                            .append(' ');
                } else {
                    String text = Text.center(content.apply(cell), boxWidth);
                    boolean invisible = isOffsetRow && log.highWatermark() >= 0 && cell >= log.highWatermark();
                    line.append(' ')
                            .append(invisible ? style.paint(Part.MUTED, text) : text)
                            .append(' ');
                }
                line.append('│');
            }
            return line.toString();
        }
    }
}
