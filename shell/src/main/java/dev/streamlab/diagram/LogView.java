package dev.streamlab.diagram;

import java.util.Comparator;
import java.util.List;

/**
 * One partition's log, as the log strip draws it.
 *
 * @param logStartOffset the oldest offset still stored
 * @param highWatermark records below it are replicated and visible to consumers
 * @param logEndOffset the offset the next record will get
 * @param records a few records to show inside their boxes (any offsets; may be empty)
 * @param positions where each consumer group is: the offset it will read next
 */
public record LogView(
        String topic,
        int partition,
        long logStartOffset,
        long highWatermark,
        long logEndOffset,
        List<Record> records,
        List<Position> positions)
        implements View {

    public record Record(long offset, String key, String value) {}

    /** A consumer group's committed offset in this partition: the next record it will read. */
    public record Position(String name, long offset) {}

    public LogView {
        if (logStartOffset < 0 || logEndOffset < logStartOffset) {
            throw new IllegalArgumentException(
                    "log start " + logStartOffset + " must be 0 or more and at most the log end " + logEndOffset);
        }
        records = records.stream()
                .sorted(Comparator.comparingLong(Record::offset))
                .toList();
        positions = List.copyOf(positions);
    }

    public LogView(String topic, int partition, long logStartOffset, long highWatermark, long logEndOffset) {
        this(topic, partition, logStartOffset, highWatermark, logEndOffset, List.of(), List.of());
    }

    public LogView withPositions(List<Position> newPositions) {
        return new LogView(topic, partition, logStartOffset, highWatermark, logEndOffset, records, newPositions);
    }

    public LogView withRecords(List<Record> newRecords) {
        return new LogView(topic, partition, logStartOffset, highWatermark, logEndOffset, newRecords, positions);
    }

    public boolean isEmpty() {
        return logEndOffset == logStartOffset;
    }
}
