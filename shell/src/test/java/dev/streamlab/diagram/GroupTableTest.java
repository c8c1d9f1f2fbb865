package dev.streamlab.diagram;

import static dev.streamlab.diagram.LogStripTest.assertFitsIn80Columns;
import static dev.streamlab.diagram.LogStripTest.stripAnsi;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.diagram.GroupView.Member;
import dev.streamlab.diagram.GroupView.PartitionOffset;
import dev.streamlab.diagram.GroupView.TopicPartition;
import dev.streamlab.terminal.Styles;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class GroupTableTest {

    private static final GroupTable PLAIN = new GroupTable(Style.plain());
    private static final TopicPartition ORDERS_0 = new TopicPartition("orders", 0);
    private static final TopicPartition ORDERS_1 = new TopicPartition("orders", 1);

    /** Lesson 2: Ricardo stopped early, Robin shares the work between two consumers, Viktor has a third one idle. */
    private static final List<GroupView> READERS = List.of(
            new GroupView(
                    "viktor",
                    "active",
                    List.of(new Member("viktor-1", List.of(ORDERS_0, ORDERS_1)), new Member("viktor-2", List.of())),
                    List.of(offset(ORDERS_0, 10, 10), offset(ORDERS_1, 4, 4)),
                    "consumer"),
            new GroupView(
                    "ricardo", "idle", List.of(), List.of(offset(ORDERS_0, 2, 10), offset(ORDERS_1, 1, 4)), "classic"),
            new GroupView(
                    "robin",
                    "active",
                    List.of(new Member("robin-1", List.of(ORDERS_0)), new Member("robin-2", List.of(ORDERS_1))),
                    List.of(offset(ORDERS_0, 5, 10), new PartitionOffset(ORDERS_1, OptionalLong.empty(), 4)),
                    "consumer"));

    @Test
    void groupsMembersCommittedOffsetsAndLag() {
        String table = PLAIN.render(READERS);

        assertFitsIn80Columns(table);
        Golden.assertMatches("groups-three-readers", table);
        assertThat(table.lines().toList().get(1)).startsWith("ricardo");
        assertThat(table).contains("viktor-2");
        assertThat(table.lines().toList().get(1)).endsWith("classic");
        assertThat(table.lines().toList().get(3)).endsWith("consumer");
    }

    @Test
    void aNewGroupThatCommittedNothing() {
        String table = PLAIN.render(List.of(new GroupView("robin", "rebalancing", List.of(), List.of())));

        Golden.assertMatches("groups-nothing-committed", table);
    }

    @Test
    void noGroups() {
        assertThat(PLAIN.render(List.of())).isEqualTo("No consumer groups yet.");
    }

    @Test
    void lagCountsOnlyWhatIsLeftToRead() {
        assertThat(offset(ORDERS_0, 3, 10).lag()).hasValue(7);
        assertThat(offset(ORDERS_0, 10, 10).lag()).hasValue(0);
        assertThat(new PartitionOffset(ORDERS_0, OptionalLong.of(3), -1).lag()).isEmpty();
    }

    @Test
    void colourOnlyAddsEscapeCodes() {
        String coloured = new GroupTable(new Styles(true).diagramStyle()).render(READERS);

        assertThat(coloured).contains("\u001B[");
        assertThat(stripAnsi(coloured)).isEqualTo(PLAIN.render(READERS));
    }

    private static PartitionOffset offset(TopicPartition partition, long committed, long logEnd) {
        return new PartitionOffset(partition, OptionalLong.of(committed), logEnd);
    }
}
