package dev.streamlab.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.streams.FraudRules;
import dev.streamlab.streams.FraudTopology;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;

class TopologyDiagramTest {

    private static final TopologyDiagram PLAIN = new TopologyDiagram(Style.plain());

    @Test
    void theFraudTopologyReadsFromAttemptsToPossibleFraud() {
        String diagram =
                PLAIN.render(FraudTopology.build(FraudRules.fromTheTalk()).describe());

        Golden.assertMatches("topology-fraud", diagram);
        assertThat(diagram.lines().findFirst()).contains("Sub-topology 0");
        assertThat(diagram).contains("authorization_attempts", "store attempts-per-card", "possible_fraud");
        assertThat(diagram.indexOf("authorization_attempts")).isLessThan(diagram.indexOf("possible_fraud"));
    }

    @Test
    void everyUpdateHasNoSuppressStep() {
        String diagram = PLAIN.render(
                FraudTopology.build(FraudRules.fromTheTalk().everyUpdate()).describe());

        assertThat(diagram).doesNotContain("suppress");
        assertThat(PLAIN.render(FraudTopology.build(FraudRules.fromTheTalk()).describe()))
                .contains("suppress");
    }

    @Test
    void aBranchNamesWhereEachPathGoes() {
        StreamsBuilder builder = new StreamsBuilder();
        var attempts = builder.<String, String>stream("attempts");
        attempts.filter((card, attempt) -> attempt.contains("declined")).to("declined");
        attempts.filter((card, attempt) -> attempt.contains("approved")).to("approved");
        Topology topology = builder.build();

        Golden.assertMatches("topology-branch", PLAIN.render(topology.describe()));
    }

    @Test
    void anEmptyTopologySaysSo() {
        assertThat(PLAIN.render(new Topology().describe())).isEqualTo("An empty topology: no step reads a topic yet.");
    }
}
