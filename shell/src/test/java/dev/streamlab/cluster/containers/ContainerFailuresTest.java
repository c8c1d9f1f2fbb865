package dev.streamlab.cluster.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.cluster.ClusterException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a learner reads when Docker fails, and how a dead owner is told from a live one. */
class ContainerFailuresTest {

    @Test
    void outOfDiskSaysHowToFreeSome() {
        ClusterException e = DockerEngine.explain(
                "start broker 2",
                new RuntimeException("Status 500: write /var/lib/docker/tmp/x: no space left on device"));

        assertThat(e)
                .hasMessage("Docker is out of disk space (start broker 2). Free some with 'docker system prune',"
                        + " or use --cluster embedded.");
    }

    @Test
    void aPortClashSaysWhichWayOut() {
        ClusterException e = DockerEngine.explain(
                "start broker 1",
                new RuntimeException("Status 500: driver failed programming"
                        + " external connectivity: Bind for 127.0.0.1:9092 failed: port is already allocated"));

        assertThat(e.getMessage())
                .startsWith("A port the cluster needs is already in use (start broker 1)")
                .endsWith("choose other ports with --port.");
    }

    @Test
    void anyOtherFailureNamesWhatDockerSaidAndTheWayOut() {
        ClusterException e =
                DockerEngine.explain("kill broker 3", new RuntimeException("Status 409: container is paused\nmore"));

        assertThat(e)
                .hasMessage("Docker could not kill broker 3: Status 409: container is paused."
                        + " Check that Docker runs ('docker info'), or use --cluster embedded.");
    }

    @Test
    void noEnginePointsAtStartingDockerOrTheEmbeddedCluster() {
        assertThat(DockerEngine.noEngine(new IllegalStateException("Could not find a valid Docker environment"))
                        .getMessage())
                .contains("No Docker engine answers")
                .contains("--cluster embedded");
    }

    @Test
    void thisProcessIsAliveAndADeadOneIsGone() throws Exception {
        Ownership mine = Ownership.ofThisProcess("c1");
        assertThat(mine.ownerIsGone()).isFalse();
        assertThat(Ownership.fromLabels(mine.labels())).contains(mine);

        Process shortLived = new ProcessBuilder("true").start();
        shortLived.waitFor();
        Ownership dead = new Ownership("c2", shortLived.pid(), "2020-01-01T00:00:00Z", mine.host());
        assertThat(dead.ownerIsGone()).isTrue();
    }

    @Test
    void aReusedPidIsNotTakenForTheOwnerAndOtherHostsAreLeftAlone() {
        Ownership mine = Ownership.ofThisProcess("c1");
        Ownership sameAsMineButStartedEarlier = new Ownership("c1", mine.pid(), "2020-01-01T00:00:00Z", mine.host());
        Ownership elsewhere = new Ownership("c3", 1, "", "another-laptop");

        assertThat(sameAsMineButStartedEarlier.ownerIsGone()).isTrue();
        assertThat(elsewhere.ownerIsGone()).isFalse();
        assertThat(Ownership.fromLabels(Map.of("org.testcontainers", "true"))).isEmpty();
    }
}
