package dev.streamlab.diagram;

import dev.streamlab.cluster.PartitionState;
import dev.streamlab.diagram.Style.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Draws a topic's partitions against the cluster's brokers: which broker actually leads each
 * partition now, which hold in-sync copies (followers), which copies fell out of the ISR, and which
 * brokers are down. Given the previous view, it marks every cell that changed since with {@code *}.
 */
public final class PartitionMap {

    public static final int DEFAULT_WIDTH = 80;
    private static final String CHANGED = "*";

    private final Style style;
    private final int width;

    public PartitionMap(Style style) {
        this(style, DEFAULT_WIDTH);
    }

    public PartitionMap(Style style, int width) {
        this.style = style;
        this.width = width;
    }

    public String render(TopicView now) {
        return render(now, null);
    }

    /** @param previous the view shown before this one, or null to mark nothing as changed */
    public String render(TopicView now, TopicView previous) {
        List<Integer> brokerIds = brokerIds(now);
        List<List<Cell>> rows = new ArrayList<>();

        List<Cell> names = new ArrayList<>();
        List<Cell> statuses = new ArrayList<>();
        names.add(Cell.EMPTY);
        statuses.add(Cell.EMPTY);
        for (int id : brokerIds) {
            names.add(new Cell("broker " + id, Part.TITLE, false));
            String status = status(now, id);
            boolean changed = previous != null && !status.equals(status(previous, id));
            statuses.add(new Cell(status, status.equals("up") ? Part.MUTED : Part.PROBLEM, changed));
        }
        names.add(new Cell("leader", Part.TITLE, false));
        statuses.add(new Cell("epoch", Part.TITLE, false));
        rows.add(names);
        rows.add(statuses);

        for (PartitionState partition : now.partitions()) {
            PartitionState before = previous == null
                    ? null
                    : previous.partition(partition.partition()).orElse(null);
            List<Cell> row = new ArrayList<>();
            row.add(new Cell("partition " + partition.partition(), Part.TITLE, previous != null && before == null));
            for (int id : brokerIds) {
                Role role = role(now, partition, id);
                boolean changed = before != null && role != role(previous, before, id);
                row.add(new Cell(role.label, role.part, changed));
            }
            String epoch = partition.leaderEpoch() < 0 ? "?" : Integer.toString(partition.leaderEpoch());
            boolean epochChanged = before != null && before.leaderEpoch() != partition.leaderEpoch();
            row.add(new Cell(epoch, Part.MUTED, epochChanged));
            rows.add(row);
        }

        List<String> lines = new ArrayList<>();
        int replicationFactor = now.partitions().isEmpty()
                ? 0
                : now.partitions().get(0).replicas().size();
        lines.add(style.paint(Part.TITLE, "Topic " + now.topic()) + ": "
                + count(now.partitions().size(), "partition") + ", " + count(replicationFactor, "copy", "copies")
                + " of each");
        lines.addAll(table(rows));
        lines.addAll(notes(now, rows.stream().flatMap(List::stream).anyMatch(Cell::changed)));
        return String.join("\n", lines);
    }

    private List<String> table(List<List<Cell>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<Cell> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).text().length());
            }
        }
        int total = 0;
        for (int w : widths) {
            total += w + 2;
        }
        int gap = total - 2 <= width ? 2 : 1;
        List<String> lines = new ArrayList<>();
        for (List<Cell> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                Cell cell = row.get(i);
                line.append(style.paint(cell.part(), cell.label()));
                if (cell.changed()) {
                    line.append(style.paint(Part.CHANGED, CHANGED));
                }
                if (i < columns - 1) {
                    line.append(Text.spaces(widths[i] - cell.text().length() + gap));
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private List<String> notes(TopicView now, boolean anyChange) {
        List<String> notes = new ArrayList<>();
        for (PartitionState p : now.partitions()) {
            String name = "Partition " + p.partition();
            if (!p.hasLeader()) {
                notes.add(style.paint(
                        Part.PROBLEM, name + " has no leader: no writes or reads until an in-sync copy is back."));
            } else if (!status(now, p.leader()).equals("up")) {
                notes.add(name + ": its leader, broker " + p.leader() + ", is down; a new one will be elected.");
            } else if (p.leader() != p.preferredLeader()) {
                notes.add(name + " is led by broker " + p.leader() + ", not by its preferred leader, broker "
                        + p.preferredLeader() + ".");
            }
        }
        boolean anyOutOfSync = now.partitions().stream()
                .anyMatch(p -> p.outOfSyncReplicas().stream()
                        .anyMatch(id -> status(now, id).equals("up")));
        if (anyOutOfSync) {
            notes.add("out of ISR: a copy that fell behind; it cannot lead until it catches up.");
        }
        if (anyChange) {
            notes.add(style.paint(Part.CHANGED, CHANGED) + " changed since the last view");
        }
        return notes;
    }

    private static List<Integer> brokerIds(TopicView view) {
        TreeSet<Integer> ids = new TreeSet<>();
        view.brokers().forEach(b -> ids.add(b.id()));
        view.partitions().forEach(p -> ids.addAll(p.replicas()));
        return List.copyOf(ids);
    }

    private static String status(TopicView view, int id) {
        return view.broker(id).map(b -> b.up() ? "up" : "down").orElse("absent");
    }

    private static Role role(TopicView view, PartitionState partition, int brokerId) {
        if (!partition.replicas().contains(brokerId)) {
            return Role.NO_COPY;
        }
        if (!status(view, brokerId).equals("up")) {
            return Role.DOWN;
        }
        if (partition.leader() == brokerId) {
            return Role.LEADER;
        }
        return partition.isr().contains(brokerId) ? Role.FOLLOWER : Role.OUT_OF_SYNC;
    }

    private static String count(int n, String one) {
        return count(n, one, one + "s");
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private enum Role {
        LEADER("leader", Part.LEADER),
        FOLLOWER("follower", Part.FOLLOWER),
        OUT_OF_SYNC("out of ISR", Part.OUT_OF_SYNC),
        DOWN("down", Part.DOWN),
        NO_COPY("·", Part.MUTED);

        final String label;
        final Part part;

        Role(String label, Part part) {
            this.label = label;
            this.part = part;
        }
    }

    /** One cell of the grid; {@code text} is what it takes on screen, with the change mark. */
    private record Cell(String label, Part part, boolean changed) {

        static final Cell EMPTY = new Cell("", Part.MUTED, false);

        String text() {
            return changed ? label + CHANGED : label;
        }
    }
}
