package dev.streamlab.diagram;

import static dev.streamlab.diagram.LogStripTest.assertFitsIn80Columns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.diagram.GroupView.Member;
import dev.streamlab.diagram.GroupView.TopicPartition;
import dev.streamlab.diagram.QueueView.Batch;
import dev.streamlab.diagram.QueueView.RecordState;
import dev.streamlab.diagram.QueueView.SharePartition;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueTableTest {

    private static final TopicPartition KITCHEN_0 = new TopicPartition("kitchen", 0);

    /** Lesson 06 after the poison order: acknowledged, redelivered, archived, one order still out. */
    private static final QueueView KITCHEN = new QueueView(
            "kitchen",
            "active",
            List.of(new Member("anna", List.of(KITCHEN_0)), new Member("cleo", List.of(KITCHEN_0))),
            List.of(new SharePartition(
                    KITCHEN_0,
                    24,
                    29,
                    2,
                    List.of(
                            new Batch(20, 23, RecordState.DONE, -1),
                            new Batch(24, 24, RecordState.ACKNOWLEDGED, 2),
                            new Batch(25, 25, RecordState.ARCHIVED, 5),
                            new Batch(26, 26, RecordState.AVAILABLE, 1),
                            new Batch(27, 28, RecordState.NOT_WRITTEN, -1)))),
            true);

    @Test
    void membersAndEachRecordsStateWithItsDeliveries() {
        String table = new QueueTable(Style.plain(), 80).render(KITCHEN);

        assertFitsIn80Columns(table);
        Golden.assertMatches("queue-kitchen", table);
        assertThat(table)
                .contains("offset 25       archived      delivered 5 times")
                .contains("offsets 27-28   waiting, or held by a consumer")
                .contains(QueueTable.LEGEND.substring(0, 30));
    }

    @Test
    void withoutTheStatesOnlyStartOffsetsAndLagShowAndTheReasonIsSaid() {
        QueueView learners = new QueueView(
                "kitchen",
                "active",
                KITCHEN.members(),
                List.of(new SharePartition(KITCHEN_0, 24, 29, 2, List.of())),
                false);
        String table = new QueueTable(Style.plain(), 80).render(learners);

        assertThat(table)
                .contains("start offset 24  log end 29  not done 2")
                .contains("__share_group_state")
                .doesNotContain("acknowledged");
    }

    @Test
    void theSlidesPictureHasABoxPerRecordAndTheLegend() {
        String svg = new QueueStripSvg().render(KITCHEN);

        assertThat(svg)
                .startsWith("<svg")
                .contains("share group kitchen (active)")
                .contains("class=\"share archived\"")
                .contains(">5</text>")
                .contains("start offset")
                .contains("who holds a record now it does not show");
    }
}
