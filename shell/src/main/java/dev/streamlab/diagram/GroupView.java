package dev.streamlab.diagram;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * One consumer group, as the group table draws it.
 *
 * @param state a short word for the group's state, e.g. "active", "idle" or "rebalancing"
 * @param members the consumers in the group and the partitions each was given
 * @param offsets per partition: what the group committed, and where the log ends
 * @param protocol the group's protocol as Kafka names its type, e.g. "consumer" (KIP-848) or "classic"; empty when unknown
 */
public record GroupView(
        String group, String state, List<Member> members, List<PartitionOffset> offsets, String protocol)
        implements View {

    public GroupView(String group, String state, List<Member> members, List<PartitionOffset> offsets) {
        this(group, state, members, offsets, "");
    }

    public record TopicPartition(String topic, int partition) implements Comparable<TopicPartition> {

        private static final Comparator<TopicPartition> ORDER =
                Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

        @Override
        public int compareTo(TopicPartition other) {
            return ORDER.compare(this, other);
        }

        @Override
        public String toString() {
            return topic + "-" + partition;
        }
    }

    /** @param clientId the name the consumer gave itself ({@code client.id}) */
    public record Member(String clientId, List<TopicPartition> assignment) {

        public Member {
            assignment = List.copyOf(assignment);
        }
    }

    /**
     * @param committed the offset the group will read next, or empty when it committed none
     * @param logEnd where a caught-up consumer would be: the high watermark, or -1 when unknown
     */
    public record PartitionOffset(TopicPartition partition, OptionalLong committed, long logEnd) {

        /** Records the group has not read yet, or empty when it cannot be told. */
        public OptionalLong lag() {
            return committed.isPresent() && logEnd >= 0
                    ? OptionalLong.of(Math.max(0, logEnd - committed.getAsLong()))
                    : OptionalLong.empty();
        }
    }

    public GroupView {
        protocol = protocol == null ? "" : protocol;
        members = List.copyOf(members);
        offsets = offsets.stream()
                .sorted(Comparator.comparing(PartitionOffset::partition))
                .toList();
    }
}
