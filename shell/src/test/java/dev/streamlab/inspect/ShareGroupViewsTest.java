package dev.streamlab.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.diagram.QueueView.Batch;
import dev.streamlab.diagram.QueueView.RecordState;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ShareGroupViewsTest {

    @Test
    void offsetsWithoutAWrittenStateAreDoneBeforeTheStartOffsetAndUnwrittenAfterIt() {
        TreeMap<Long, Batch> written = new TreeMap<>();
        written.put(2L, new Batch(2, 2, RecordState.ACKNOWLEDGED, 1));
        written.put(3L, new Batch(3, 3, RecordState.ACKNOWLEDGED, 1));
        written.put(4L, new Batch(4, 4, RecordState.ARCHIVED, 5));
        written.put(5L, new Batch(5, 5, RecordState.AVAILABLE, 1));

        assertThat(ShareGroupViews.runs(ShareGroupViews.window(written, 4, 8)))
                .containsExactly(
                        new Batch(0, 1, RecordState.DONE, -1),
                        new Batch(2, 3, RecordState.ACKNOWLEDGED, 1),
                        new Batch(4, 4, RecordState.ARCHIVED, 5),
                        new Batch(5, 5, RecordState.AVAILABLE, 1),
                        new Batch(6, 7, RecordState.NOT_WRITTEN, -1));
    }

    @Test
    void aPartitionNoConsumerHasFetchedYetIsAllUnwritten() {
        assertThat(ShareGroupViews.runs(ShareGroupViews.window(new TreeMap<>(), -1, 3)))
                .containsExactly(new Batch(0, 2, RecordState.NOT_WRITTEN, -1));
    }

    @Test
    void theWindowKeepsTheNewestOffsets() {
        assertThat(ShareGroupViews.runs(ShareGroupViews.window(new TreeMap<>(), 100, 100)))
                .containsExactly(new Batch(100 - ShareGroupViews.WINDOW, 99, RecordState.DONE, -1));
    }
}
