package dev.streamlab.diagram;

import dev.streamlab.diagram.GroupView.Member;
import dev.streamlab.diagram.QueueView.Batch;
import dev.streamlab.diagram.QueueView.RecordState;
import dev.streamlab.diagram.QueueView.SharePartition;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A share group as a picture for a slide: per partition a strip of its records, old on the left, each box coloured by
 * the record's state with its delivery count inside, the start offset marked; the members above, and under the strips
 * a legend of the states and of what Kafka does not tell (who holds a record now).
 */
public final class QueueStripSvg {

    private static final int LEFT = 20;
    private static final int BOX = 44;
    private static final int GAP = 4;
    private static final int MAX_BOXES = 24;
    private static final int ROW = 130;

    public String render(QueueView queue) {
        int boxes = queue.partitions().stream()
                .mapToInt(p -> Math.min(MAX_BOXES, offsets(p).size()))
                .max()
                .orElse(0);
        int width = Math.max(900, LEFT * 2 + boxes * (BOX + GAP) + 180);
        int top = 50 + 28 * Math.max(1, queue.members().size()) + 20;
        int height = top + ROW * Math.max(1, queue.partitions().size()) + 110;
        StringBuilder svg =
                new StringBuilder(Svg.open(width, height, "picture queue-strip", "Share group " + queue.group()));
        svg.append(Svg.text(LEFT, 30, "start", "title", "share group " + queue.group() + " (" + queue.state() + ")"));
        svg.append(Svg.text(width - LEFT, 30, "end", "muted", "old on the left, new on the right →"));
        int y = 62;
        if (queue.members().isEmpty()) {
            svg.append(Svg.text(LEFT, y, "start", "muted", "no members"));
        }
        for (Member member : queue.members()) {
            String reads = member.assignment().isEmpty()
                    ? "nothing"
                    : member.assignment().stream().map(Object::toString).collect(Collectors.joining(", "));
            svg.append(Svg.text(LEFT, y, "start", "position", member.clientId()));
            svg.append(Svg.text(LEFT + 140, y, "start", "muted", "reads " + reads));
            y += 28;
        }
        y = top;
        for (SharePartition partition : queue.partitions()) {
            svg.append(Svg.text(
                    LEFT, y, "start", "partition-name", partition.partition().toString()));
            svg.append(Svg.text(
                    LEFT + 200,
                    y,
                    "start",
                    "muted",
                    "start offset " + known(partition.startOffset()) + " · not done " + known(partition.lag())));
            List<Batch> cells = offsets(partition);
            int from = Math.max(0, cells.size() - MAX_BOXES);
            double x = LEFT;
            if (from > 0) {
                svg.append(Svg.text(x + BOX / 2.0, y + 52, "middle", "muted big", "…"));
                x += BOX + GAP;
            }
            for (Batch cell : cells.subList(from, cells.size())) {
                svg.append(Svg.rect(x, y + 16, BOX, BOX, "share " + cssOf(cell.state())));
                svg.append(Svg.text(
                        x + BOX / 2.0,
                        y + 46,
                        "middle",
                        "deliveries",
                        cell.deliveries() < 0 ? "" : Integer.toString(cell.deliveries())));
                svg.append(Svg.text(x + BOX / 2.0, y + 82, "middle", "muted small", Long.toString(cell.first())));
                if (cell.first() == partition.startOffset()) {
                    svg.append(Svg.arrowUp(x + BOX / 2.0, y + 88, y + 112, "position"));
                    boolean rightHalf = x > width / 2.0;
                    svg.append(Svg.text(
                            x + BOX / 2.0 + (rightHalf ? -12 : 12),
                            y + 112,
                            rightHalf ? "end" : "start",
                            "position",
                            "start offset"));
                }
                x += BOX + GAP;
            }
            if (cells.isEmpty()) {
                svg.append(Svg.text(
                        LEFT,
                        y + 46,
                        "start",
                        "muted",
                        queue.statesKnown() ? "no records yet" : "record states not readable here"));
            }
            y += ROW;
        }
        double lx = LEFT;
        for (RecordState state : RecordState.values()) {
            svg.append(Svg.rect(lx, y, 22, 22, "share " + cssOf(state)));
            svg.append(Svg.text(lx + 30, y + 18, "start", "small", state.word()));
            lx += 30 + state.word().length() * 9.5 + 24;
        }
        svg.append(Svg.text(
                LEFT,
                y + 50,
                "start",
                "muted small",
                "The number in a box: how many times Kafka delivered the record."));
        svg.append(
                Svg.text(
                        LEFT,
                        y + 74,
                        "start",
                        "muted small",
                        queue.statesKnown()
                                ? "Kafka writes a record's state on acknowledge, release, reject or an expired lock; who holds a record now it does not show."
                                : "Record states need read access to __share_group_state (an admin's); here only start offsets and lag show."));
        return svg.append("</svg>\n").toString();
    }

    /** Each offset of the partition's window as a batch of one. */
    private static List<Batch> offsets(SharePartition partition) {
        List<Batch> cells = new ArrayList<>();
        for (Batch batch : partition.batches()) {
            for (long offset = batch.first(); offset <= batch.last() && cells.size() < 10_000; offset++) {
                cells.add(new Batch(offset, offset, batch.state(), batch.deliveries()));
            }
        }
        return cells;
    }

    private static String cssOf(RecordState state) {
        return state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static String known(long value) {
        return value < 0 ? "?" : Long.toString(value);
    }
}
