package dev.streamlab.diagram;

import dev.streamlab.cluster.PartitionState;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A topic's partitions and the brokers of the cluster, as the partition map draws them.
 *
 * @param brokers every broker the cluster knows, up or down; a replica on a broker missing from
 *                this list is shown on an "absent" broker
 */
public record TopicView(String topic, List<Broker> brokers, List<PartitionState> partitions) implements View {

    public record Broker(int id, boolean up) {}

    public TopicView {
        brokers = brokers.stream().sorted(Comparator.comparingInt(Broker::id)).toList();
        partitions = partitions.stream()
                .sorted(Comparator.comparingInt(PartitionState::partition))
                .toList();
    }

    Optional<PartitionState> partition(int number) {
        return partitions.stream().filter(p -> p.partition() == number).findFirst();
    }

    Optional<Broker> broker(int id) {
        return brokers.stream().filter(b -> b.id() == id).findFirst();
    }
}
