package dev.streamlab.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.PartitionState;
import dev.streamlab.diagram.LogView;
import dev.streamlab.diagram.LogView.Position;
import java.util.List;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;

class ClusterViewsTest {

    @Test
    void aPartitionWithoutALeaderHasNoOffsetsToDraw() {
        PartitionState noLeader =
                new PartitionState("orders", 0, PartitionState.NO_LEADER, List.of(1), List.of(1), -1, -1, -1);
        PartitionState leaderGone = new PartitionState("orders", 1, 1, List.of(1), List.of(1), 3, -1, -1);

        assertThatThrownBy(() -> ClusterViews.requireOffsets(noLeader))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("Partition 0 of orders has no leader");
        assertThatThrownBy(() -> ClusterViews.requireOffsets(leaderGone)).isInstanceOf(ClusterException.class);
    }

    @Test
    void positionsAreSortedAndTheLogEndIsNeverBeforeTheHighWatermark() {
        PartitionState state = new PartitionState("orders", 0, 1, List.of(1), List.of(1), 0, 10, 12);

        LogView log = ClusterViews.logView(
                state, 2, List.of(new Position("viktor", 10), new Position("ricardo", 2), new Position("robin", 5)));

        assertThat(log.positions()).extracting(Position::name).containsExactly("ricardo", "robin", "viktor");
        assertThat(List.of(log.logStartOffset(), log.highWatermark(), log.logEndOffset()))
                .containsExactly(2L, 10L, 12L);
    }

    @Test
    void groupStatesInPlainWords() {
        assertThat(ClusterViews.stateWord(GroupState.STABLE)).isEqualTo("active");
        assertThat(ClusterViews.stateWord(GroupState.EMPTY)).isEqualTo("idle");
        assertThat(ClusterViews.stateWord(GroupState.PREPARING_REBALANCE)).isEqualTo("rebalancing");
        assertThat(ClusterViews.stateWord(GroupState.RECONCILING)).isEqualTo("rebalancing");
    }
}
