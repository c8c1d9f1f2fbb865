package dev.streamlab.diagram;

import dev.streamlab.diagram.GroupView.Member;
import dev.streamlab.diagram.QueueView.Batch;
import dev.streamlab.diagram.QueueView.RecordState;
import dev.streamlab.diagram.QueueView.SharePartition;
import dev.streamlab.diagram.Style.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Draws a share group for the terminal: its members and what each was given, then per partition its start offset and
 * lag, and its records in runs of the same state with how many times Kafka delivered them.
 */
public final class QueueTable {

    /** What the picture can and cannot know, said under it. */
    public static final String LEGEND =
            "Kafka writes a record's state when it is acknowledged, released, rejected or its lock"
                    + " runs out. Who holds a record right now only the partition's leader knows, in memory: no API shows it.";

    public static final String NO_STATES =
            "Record states need read access to Kafka's internal topic __share_group_state"
                    + " (an admin's); here only the start offsets and the lag show.";

    private final Style style;
    private final int width;

    public QueueTable(Style style, int width) {
        this.style = style;
        this.width = width;
    }

    public String render(QueueView queue) {
        List<String> lines = new ArrayList<>();
        lines.add(style.paint(Part.TITLE, "share group " + queue.group()) + " (" + queue.state() + ")");
        if (queue.members().isEmpty()) {
            lines.add(style.paint(Part.MUTED, "  no members"));
        }
        int nameWidth = queue.members().stream()
                .mapToInt(m -> Text.shorten(m.clientId(), 20).length())
                .max()
                .orElse(0);
        for (Member member : queue.members()) {
            String name = Text.shorten(member.clientId(), 20);
            String reads = member.assignment().isEmpty()
                    ? "nothing"
                    : member.assignment().stream().map(Object::toString).collect(Collectors.joining(", "));
            lines.add("  " + style.paint(Part.POSITION, name) + Text.spaces(nameWidth - name.length()) + "  reads "
                    + reads);
        }
        for (SharePartition partition : queue.partitions()) {
            lines.add("");
            lines.add(style.paint(Part.TITLE, partition.partition().toString())
                    + "  start offset " + known(partition.startOffset()) + "  log end " + known(partition.logEnd())
                    + "  not done " + known(partition.lag()));
            for (Batch batch : partition.batches()) {
                lines.add(row(batch));
            }
        }
        lines.add("");
        for (String line : wrap(queue.statesKnown() ? LEGEND : NO_STATES)) {
            lines.add(style.paint(Part.MUTED, line));
        }
        return String.join("\n", lines);
    }

    private String row(Batch batch) {
        String offsets = batch.first() == batch.last()
                ? "offset " + batch.first()
                : "offsets " + batch.first() + "-" + batch.last();
        String state = batch.state().word();
        String deliveries = batch.deliveries() < 0
                ? ""
                : "delivered " + batch.deliveries() + (batch.deliveries() == 1 ? " time" : " times");
        String text = "  " + pad(offsets, 16) + style.paint(partOf(batch.state()), pad(state, 14)) + deliveries;
        return text.stripTrailing();
    }

    private static Part partOf(RecordState state) {
        return switch (state) {
            case ACKNOWLEDGED -> Part.FOLLOWER;
            case ARCHIVED -> Part.PROBLEM;
            case AVAILABLE -> Part.CHANGED;
            case DONE, NOT_WRITTEN -> Part.MUTED;
        };
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + Text.spaces(width - text.length());
    }

    private static String known(long value) {
        return value < 0 ? "?" : Long.toString(value);
    }

    private List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > Math.max(40, width)) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
