package dev.streamlab.diagram;

import static dev.streamlab.diagram.LogStripTest.assertFitsIn80Columns;
import static dev.streamlab.diagram.LogStripTest.stripAnsi;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.cluster.PartitionState;
import dev.streamlab.diagram.TopicView.Broker;
import dev.streamlab.terminal.Styles;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionMapTest {

    private static final PartitionMap PLAIN = new PartitionMap(Style.plain());
    private static final List<Broker> FOUR_UP = brokers(true, true, true, true);

    /** The talk's slide: one topic, four partitions over four brokers, each with a leader and followers. */
    private static final TopicView HEALTHY = new TopicView(
            "payments",
            FOUR_UP,
            List.of(
                    partition(0, 1, List.of(1, 2, 3), List.of(1, 2, 3), 0),
                    partition(1, 2, List.of(2, 3, 4), List.of(2, 3, 4), 0),
                    partition(2, 3, List.of(3, 4, 1), List.of(3, 4, 1), 0),
                    partition(3, 4, List.of(4, 1, 2), List.of(4, 1, 2), 0)));

    /** Broker 2 died: partition 1 moved to broker 3, and broker 2 left every ISR. */
    private static final TopicView BROKER_2_DOWN = new TopicView(
            "payments",
            brokers(true, false, true, true),
            List.of(
                    partition(0, 1, List.of(1, 2, 3), List.of(1, 3), 0),
                    partition(1, 3, List.of(2, 3, 4), List.of(3, 4), 1),
                    partition(2, 3, List.of(3, 4, 1), List.of(3, 4, 1), 0),
                    partition(3, 4, List.of(4, 1, 2), List.of(4, 1), 0)));

    @Test
    void eachPartitionHasOneLeaderAndFollowers() {
        check("partitions-healthy", HEALTHY, null);
        assertThat(PLAIN.render(HEALTHY)).doesNotContain("*", "down", "out of ISR");
    }

    @Test
    void aBrokerGoesDownAndTheChangesAreMarked() {
        String diagram = PLAIN.render(BROKER_2_DOWN, HEALTHY);

        check("partitions-broker-down-changes", BROKER_2_DOWN, HEALTHY);
        assertThat(diagram)
                .contains(
                        "down*",
                        "leader*",
                        "* changed since the last view",
                        "Partition 1 is led by broker 3, not by its preferred leader, broker 2.");
        assertThat(diagram.lines().filter(line -> line.startsWith("partition 2")))
                .singleElement()
                .satisfies(line -> assertThat(line).doesNotContain("*"));
    }

    @Test
    void withoutAPreviousViewNothingIsMarked() {
        assertThat(PLAIN.render(BROKER_2_DOWN)).doesNotContain("*");
    }

    @Test
    void aRestartedBrokerIsOutOfTheIsrUntilItCatchesUp() {
        TopicView restarted = new TopicView(
                "payments",
                FOUR_UP,
                List.of(
                        partition(0, 1, List.of(1, 2, 3), List.of(1, 3), 0),
                        partition(1, 3, List.of(2, 3, 4), List.of(3, 4, 2), 1),
                        partition(2, 3, List.of(3, 4, 1), List.of(3, 4, 1), 0),
                        partition(3, 4, List.of(4, 1, 2), List.of(4, 1), 0)));

        check("partitions-out-of-isr", restarted, BROKER_2_DOWN);
        assertThat(PLAIN.render(restarted, BROKER_2_DOWN)).contains("out of ISR*", "follower*", "up*");
    }

    @Test
    void aPartitionWithNoLeader() {
        TopicView noLeader = new TopicView(
                "payments",
                brokers(false, false, true),
                List.of(
                        partition(0, PartitionState.NO_LEADER, List.of(1, 2), List.of(1), -1),
                        partition(1, 3, List.of(3, 1), List.of(3), 2)));

        check("partitions-no-leader", noLeader, null);
        assertThat(PLAIN.render(noLeader)).contains("Partition 0 has no leader");
    }

    @Test
    void aBrokerTheClusterNoLongerListsIsAbsent() {
        TopicView absent = new TopicView(
                "orders", brokers(true, true), List.of(partition(0, 1, List.of(1, 2, 5), List.of(1, 2), 4)));

        check("partitions-absent-broker", absent, null);
        assertThat(PLAIN.render(absent)).contains("broker 5", "absent");
    }

    @Test
    void aNewPartitionIsMarked() {
        TopicView grown = new TopicView(
                "payments",
                FOUR_UP,
                List.of(
                        HEALTHY.partitions().get(0),
                        HEALTHY.partitions().get(1),
                        HEALTHY.partitions().get(2),
                        HEALTHY.partitions().get(3),
                        partition(4, 1, List.of(1, 2, 3), List.of(1, 2, 3), 0)));

        assertThat(PLAIN.render(grown, HEALTHY).lines().filter(l -> l.startsWith("partition 4")))
                .singleElement()
                .satisfies(line -> assertThat(line).startsWith("partition 4*"));
    }

    @Test
    void fiveBrokersFitIn80Columns() {
        TopicView five = new TopicView(
                "payments",
                brokers(true, true, true, true, false),
                List.of(
                        partition(0, 1, List.of(1, 2, 3, 4, 5), List.of(1, 2, 3), 10),
                        partition(1, 2, List.of(2, 3, 4, 5, 1), List.of(2, 3, 1), 10)));
        TopicView fiveBefore = new TopicView(
                "payments",
                brokers(true, true, true, true, true),
                List.of(
                        partition(0, 5, List.of(1, 2, 3, 4, 5), List.of(1, 2, 3, 4, 5), 9),
                        partition(1, 2, List.of(2, 3, 4, 5, 1), List.of(2, 3, 4, 5, 1), 9)));

        check("partitions-five-brokers", five, fiveBefore);
    }

    @Test
    void colourOnlyAddsEscapeCodesAndNoColourHasNone() {
        String coloured = new PartitionMap(new Styles(true).diagramStyle()).render(BROKER_2_DOWN, HEALTHY);

        assertThat(coloured).contains("\u001B[");
        assertThat(stripAnsi(coloured)).isEqualTo(PLAIN.render(BROKER_2_DOWN, HEALTHY));
        assertThat(new PartitionMap(new Styles(false).diagramStyle()).render(BROKER_2_DOWN, HEALTHY))
                .isEqualTo(PLAIN.render(BROKER_2_DOWN, HEALTHY));
    }

    private static void check(String name, TopicView now, TopicView previous) {
        String diagram = PLAIN.render(now, previous);
        assertFitsIn80Columns(diagram);
        Golden.assertMatches(name, diagram);
    }

    private static PartitionState partition(
            int number, int leader, List<Integer> replicas, List<Integer> isr, int epoch) {
        return new PartitionState("payments", number, leader, replicas, isr, epoch, 100, 100);
    }

    private static List<Broker> brokers(boolean... up) {
        return java.util.stream.IntStream.range(0, up.length)
                .mapToObj(i -> new Broker(i + 1, up[i]))
                .toList();
    }
}
