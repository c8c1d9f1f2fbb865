package dev.streamlab.diagram;

import dev.streamlab.cluster.PartitionState;
import java.util.List;
import java.util.TreeSet;

/**
 * The partition map as a picture for a slide: the talk's "four brokers with leaders and followers". A broker per
 * column, a partition per row; a broker that is down is crossed out, and the copy that took over leads.
 */
public final class PartitionMapSvg {

    private static final int LABEL = 150;
    private static final int COLUMN = 200;
    private static final int ROW = 64;
    private static final int TOP = 96;

    public String render(TopicView view) {
        List<Integer> brokers = brokerIds(view);
        int width = LABEL + brokers.size() * COLUMN + 20;
        int height = TOP + Math.max(1, view.partitions().size()) * ROW + 46;
        StringBuilder svg =
                new StringBuilder(Svg.open(width, height, "picture partition-map", "Partitions of " + view.topic()));
        int copies = view.partitions().isEmpty()
                ? 0
                : view.partitions().get(0).replicas().size();
        svg.append(Svg.text(
                10,
                30,
                "start",
                "title",
                view.topic() + ": " + view.partitions().size()
                        + (view.partitions().size() == 1 ? " partition, " : " partitions, ") + copies
                        + (copies == 1 ? " copy" : " copies") + " of each"));
        for (int i = 0; i < brokers.size(); i++) {
            int id = brokers.get(i);
            double x = LABEL + i * COLUMN;
            boolean up = view.broker(id).map(TopicView.Broker::up).orElse(false);
            svg.append(Svg.rect(x + 6, TOP - 44, COLUMN - 12, 34, up ? "broker" : "broker down"));
            svg.append(Svg.text(
                    x + COLUMN / 2.0,
                    TOP - 20,
                    "middle",
                    up ? "broker-name" : "broker-name down",
                    "broker " + id + (up ? "" : " (down)")));
            if (!up) {
                double bottom = TOP + view.partitions().size() * ROW - 8;
                svg.append(Svg.line(x + 12, TOP - 44, x + COLUMN - 12, bottom, "cross"));
                svg.append(Svg.line(x + COLUMN - 12, TOP - 44, x + 12, bottom, "cross"));
            }
        }
        int row = 0;
        for (PartitionState p : view.partitions()) {
            double y = TOP + row++ * ROW;
            svg.append(Svg.text(10, y + ROW / 2.0 + 6, "start", "partition-name", view.topic() + "-" + p.partition()));
            for (int i = 0; i < brokers.size(); i++) {
                int id = brokers.get(i);
                double x = LABEL + i * COLUMN;
                String role = role(view, p, id);
                if (!role.isEmpty()) {
                    svg.append("<g><title>")
                            .append(Svg.escape(view.topic() + "-" + p.partition() + " on broker " + id + ": " + role))
                            .append("</title>\n");
                    svg.append(Svg.rect(x + 14, y + 10, COLUMN - 28, ROW - 20, "copy " + role.replace(' ', '-')));
                    svg.append(Svg.text(
                            x + COLUMN / 2.0, y + ROW / 2.0 + 6, "middle", "role " + role.replace(' ', '-'), role));
                    svg.append("</g>\n");
                }
            }
            if (!p.hasLeader()) {
                svg.append(Svg.text(width - 10, y + ROW / 2.0 + 6, "end", "problem", "no leader"));
            }
        }
        svg.append(Svg.text(10, height - 14, "start", "muted", "leader: takes the writes · follower: an in-sync copy"));
        return svg.append("</svg>\n").toString();
    }

    private static String role(TopicView view, PartitionState p, int id) {
        if (!p.replicas().contains(id)) {
            return "";
        }
        if (!view.broker(id).map(TopicView.Broker::up).orElse(false)) {
            return "down";
        }
        if (p.leader() == id) {
            return "leader";
        }
        return p.isr().contains(id) ? "follower" : "out of ISR";
    }

    private static List<Integer> brokerIds(TopicView view) {
        TreeSet<Integer> ids = new TreeSet<>();
        view.brokers().forEach(b -> ids.add(b.id()));
        view.partitions().forEach(p -> ids.addAll(p.replicas()));
        return List.copyOf(ids);
    }
}
