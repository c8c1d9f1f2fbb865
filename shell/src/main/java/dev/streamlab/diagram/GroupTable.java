package dev.streamlab.diagram;

import dev.streamlab.diagram.GroupView.Member;
import dev.streamlab.diagram.GroupView.PartitionOffset;
import dev.streamlab.diagram.GroupView.TopicPartition;
import dev.streamlab.diagram.Style.Part;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Draws consumer groups as a table: one row per partition a group reads, with the member that owns
 * it, the committed offset, the log end and the lag, and the group's protocol on its first row. Members
 * without a partition get a row too, so an idle consumer shows.
 */
public final class GroupTable {

    private static final String[] HEADERS = {
        "group", "state", "partition", "member", "committed", "log end", "lag", "protocol"
    };
    private static final int LAG = 6;
    private static final int MAX_MEMBER = 20;
    private static final String NONE = "-";

    private final Style style;

    public GroupTable(Style style) {
        this.style = style;
    }

    public String render(List<GroupView> groups) {
        if (groups.isEmpty()) {
            return "No consumer groups yet.";
        }
        List<Row> rows = new ArrayList<>();
        groups.stream().sorted(Comparator.comparing(GroupView::group)).forEach(group -> rows.addAll(rowsOf(group)));

        int[] widths = new int[HEADERS.length];
        for (int i = 0; i < HEADERS.length; i++) {
            widths[i] = HEADERS[i].length();
        }
        for (Row row : rows) {
            for (int i = 0; i < HEADERS.length; i++) {
                widths[i] = Math.max(widths[i], row.cells[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(HEADERS, widths, i -> Part.TITLE));
        for (Row row : rows) {
            lines.add(line(row.cells, widths, i -> partOf(row, i)));
        }
        lines.add(style.paint(Part.MUTED, "lag: records the group has not read yet (log end - committed)"));
        lines.add(style.paint(Part.MUTED, "protocol: consumer (KIP-848: the brokers assign partitions) or classic"));
        return String.join("\n", lines);
    }

    private List<Row> rowsOf(GroupView group) {
        Map<TopicPartition, String> owners = new TreeMap<>();
        List<String> idle = new ArrayList<>();
        for (Member member : group.members()) {
            member.assignment().forEach(tp -> owners.put(tp, Text.shorten(member.clientId(), MAX_MEMBER)));
            if (member.assignment().isEmpty()) {
                idle.add(Text.shorten(member.clientId(), MAX_MEMBER));
            }
        }
        Map<TopicPartition, PartitionOffset> offsets = new TreeMap<>();
        group.offsets().forEach(o -> offsets.put(o.partition(), o));
        TreeSet<TopicPartition> partitions = new TreeSet<>(owners.keySet());
        partitions.addAll(offsets.keySet());

        List<Row> rows = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            PartitionOffset offset = offsets.get(tp);
            OptionalLong committed = offset == null ? OptionalLong.empty() : offset.committed();
            OptionalLong lag = offset == null ? OptionalLong.empty() : offset.lag();
            String logEnd = offset == null || offset.logEnd() < 0 ? "?" : Long.toString(offset.logEnd());
            rows.add(new Row(
                    new String[] {
                        "", "", tp.toString(), owners.getOrDefault(tp, NONE), number(committed), logEnd, number(lag), ""
                    },
                    lag.orElse(0) > 0));
        }
        for (String member : idle) {
            rows.add(new Row(new String[] {"", "", NONE, member, NONE, NONE, NONE, ""}, false));
        }
        if (rows.isEmpty()) {
            rows.add(new Row(new String[] {"", "", NONE, NONE, NONE, NONE, NONE, ""}, false));
        }
        rows.get(0).cells[0] = group.group();
        rows.get(0).cells[1] = group.state();
        rows.get(0).cells[HEADERS.length - 1] = group.protocol().isEmpty() ? NONE : group.protocol();
        return rows;
    }

    private String line(String[] cells, int[] widths, java.util.function.IntFunction<Part> part) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(style.paint(part.apply(i), cells[i]));
            if (i < cells.length - 1) {
                line.append(Text.spaces(widths[i] - cells[i].length() + 2));
            }
        }
        return line.toString().stripTrailing();
    }

    private static Part partOf(Row row, int column) {
        if (row.cells[column].equals(NONE)) {
            return Part.MUTED;
        }
        if (column == 0) {
            return Part.TITLE;
        }
        if (column == LAG) {
            return row.behind ? Part.OUT_OF_SYNC : Part.FOLLOWER;
        }
        return column == 3 ? Part.POSITION : Part.PLAIN;
    }

    private static String number(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : NONE;
    }

    private record Row(String[] cells, boolean behind) {}
}
