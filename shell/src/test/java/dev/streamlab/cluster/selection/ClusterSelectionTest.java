package dev.streamlab.cluster.selection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.cluster.containers.DockerEngine;
import dev.streamlab.cluster.selection.ClusterSelection.Availability;
import dev.streamlab.cluster.selection.ClusterSelection.Choice;
import dev.streamlab.cluster.selection.ClusterSettings.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterSelectionTest {

    /** A machine with fixed answers that records what it was asked. */
    private static final class FixedMachine implements ClusterSelection.Machine {
        final boolean docker;
        final boolean imageAvailable;
        final List<String> asked = new ArrayList<>();

        FixedMachine(boolean docker, boolean imageAvailable) {
            this.docker = docker;
            this.imageAvailable = imageAvailable;
        }

        @Override
        public DockerEngine.Status docker() {
            asked.add("docker");
            return new DockerEngine.Status(
                    docker, docker ? "engine at unix:///var/run/docker.sock" : "no Docker engine answers");
        }

        @Override
        public String defaultImage() {
            return "apache/kafka:4.4.0";
        }

        @Override
        public Availability image(String image) {
            asked.add("image " + image);
            return new Availability(
                    imageAvailable, imageAvailable ? "" : "image " + image + " is not here and cannot be pulled");
        }
    }

    private static ClusterSettings settings(Kind kind) {
        return new ClusterSettings(kind, Optional.empty(), Optional.empty(), Optional.empty(), "--cluster");
    }

    @Test
    void autoChoosesContainersWhenDockerAnswersAndTheImageIsHere() {
        Choice choice = ClusterSelection.choose(settings(Kind.AUTO), new FixedMachine(true, true));

        assertThat(choice.kind()).isEqualTo(Kind.CONTAINERS);
        assertThat(choice.image()).isEqualTo("apache/kafka:4.4.0");
        assertThat(choice.line())
                .isEqualTo("Cluster: containers (Docker answers and image apache/kafka:4.4.0 is here)");
    }

    @Test
    void autoFallsBackToEmbeddedWithoutDockerAndSaysSo() {
        FixedMachine machine = new FixedMachine(false, true);
        Choice choice = ClusterSelection.choose(settings(Kind.AUTO), machine);

        assertThat(choice.kind()).isEqualTo(Kind.EMBEDDED);
        assertThat(choice.line())
                .isEqualTo("Cluster: embedded (no Docker engine answers; brokers run inside this JVM)");
        assertThat(machine.asked).containsExactly("docker");
    }

    @Test
    void autoFallsBackToEmbeddedWhenTheImageCannotBeHadAndPointsAtImageBuild() {
        Choice choice = ClusterSelection.choose(settings(Kind.AUTO), new FixedMachine(true, false));

        assertThat(choice.kind()).isEqualTo(Kind.EMBEDDED);
        assertThat(choice.reason())
                .contains("image apache/kafka:4.4.0 is not here and cannot be pulled")
                .contains("'streamlab image build'");
    }

    @Test
    void autoUsesTheImageThatWasAskedFor() {
        ClusterSettings settings = new ClusterSettings(
                Kind.AUTO,
                Optional.of("streamlab/kafka:4.4.0-local"),
                Optional.empty(),
                Optional.empty(),
                "the default");
        FixedMachine machine = new FixedMachine(true, true);

        Choice choice = ClusterSelection.choose(settings, machine);

        assertThat(choice.image()).isEqualTo("streamlab/kafka:4.4.0-local");
        assertThat(machine.asked).contains("image streamlab/kafka:4.4.0-local");
    }

    @Test
    void autoWithABootstrapServerMeansExternal() {
        ClusterSettings settings = new ClusterSettings(
                Kind.AUTO, Optional.empty(), Optional.of("kafka.example:9092"), Optional.empty(), "the default");

        Choice choice = ClusterSelection.choose(settings, new FixedMachine(true, true));

        assertThat(choice.kind()).isEqualTo(Kind.EXTERNAL);
        assertThat(choice.reason()).contains("kafka.example:9092");
    }

    @Test
    void anExplicitKindAsksTheMachineNothing() {
        for (Kind kind : List.of(Kind.EMBEDDED, Kind.CONTAINERS, Kind.EXTERNAL)) {
            FixedMachine machine = new FixedMachine(false, false);
            Choice choice = ClusterSelection.choose(settings(kind), machine);

            assertThat(choice.kind()).isEqualTo(kind);
            assertThat(choice.reason()).contains("chosen by --cluster");
            assertThat(machine.asked).isEmpty();
        }
    }
}
