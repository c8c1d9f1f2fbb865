package dev.streamlab.diagram;

import dev.streamlab.diagram.GroupView.Member;
import dev.streamlab.diagram.GroupView.TopicPartition;
import java.util.Comparator;
import java.util.List;

/**
 * One share group, as the queue picture draws it: its members, and per partition the records' states as Kafka's
 * share coordinator last wrote them.
 *
 * @param state a short word for the group's state, as in {@link GroupView}
 * @param statesKnown whether the record states could be read (Kafka keeps them in its internal topic
 *                    {@code __share_group_state}, which needs an admin's rights); without them only start offsets and lag show
 */
public record QueueView(
        String group, String state, List<Member> members, List<SharePartition> partitions, boolean statesKnown)
        implements View {

    /**
     * A record's state as Kafka wrote it: available again (after a release or an expired lock), acknowledged,
     * archived; or, with nothing written about it, done (before the start offset) or not written yet (waiting for a
     * consumer, or held by one now: Kafka does not write who holds a record).
     */
    public enum RecordState {
        AVAILABLE("available"),
        ACKNOWLEDGED("acknowledged"),
        ARCHIVED("archived"),
        DONE("done"),
        NOT_WRITTEN("waiting, or held by a consumer");

        private final String word;

        RecordState(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** Records {@code first} to {@code last} in the same state, delivered {@code deliveries} times (-1: not known). */
    public record Batch(long first, long last, RecordState state, int deliveries) {}

    /**
     * @param startOffset Kafka's share-partition start offset: every record before it is done; -1 when unknown
     * @param logEnd the high watermark, or -1 when unknown
     * @param lag records from the start offset on that are not done yet, as Kafka counts them; -1 when unknown
     * @param batches the states written about records in the picture's window, in offset order
     */
    public record SharePartition(
            TopicPartition partition, long startOffset, long logEnd, long lag, List<Batch> batches) {

        public SharePartition {
            batches = batches.stream()
                    .sorted(Comparator.comparingLong(Batch::first))
                    .toList();
        }
    }

    public QueueView {
        members = List.copyOf(members);
        partitions = partitions.stream()
                .sorted(Comparator.comparing(SharePartition::partition))
                .toList();
    }
}
