package dev.streamlab.notebook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.streamlab.cluster.Cluster;
import dev.streamlab.cluster.PartitionState;
import dev.streamlab.diagram.GroupTable;
import dev.streamlab.diagram.LogStrip;
import dev.streamlab.diagram.PartitionMap;
import dev.streamlab.diagram.Style;
import dev.streamlab.diagram.TopicView;
import dev.streamlab.inspect.ClusterViews;

/**
 * The commands that draw the cluster: {@code /log} (a partition's log and each group's position),
 * {@code /partitions} (leaders, followers and copies out of the ISR, with what changed since the last
 * {@code /partitions} of the same topic marked) and {@code /groups}. The text is plain, so expectations
 * and transcripts read it as the learner does.
 */
final class DiagramCommands implements AutoCloseable {

    private final Cluster cluster;
    private final Style style = Style.plain();
    private final Map<String, TopicView> lastShown = new HashMap<>();
    private ClusterViews views;

    DiagramCommands(Cluster cluster) {
        this.cluster = cluster;
    }

    String partitions(String topic) {
        TopicView now = views().topic(topic, ClusterViews.brokersOf(cluster));
        String map = new PartitionMap(style).render(now, lastShown.get(topic));
        lastShown.put(topic, now);
        return map;
    }

    /** @param partitions the partitions to draw, each on its own strip */
    String log(String topic, List<PartitionState> partitions) {
        List<String> strips = new ArrayList<>();
        for (PartitionState partition : partitions) {
            strips.add(new LogStrip(style).render(views().log(topic, partition.partition())));
        }
        return String.join("\n\n", strips);
    }

    String groups() {
        return new GroupTable(style).render(views().groups());
    }

    private ClusterViews views() {
        if (views == null) {
            views = new ClusterViews(cluster.clientConfig());
        }
        return views;
    }

    @Override
    public void close() {
        if (views != null) {
            views.close();
        }
    }
}
