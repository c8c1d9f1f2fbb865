package dev.streamlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/**
 * A room with a real network between two machines: {@code cluster up --secure --listen} and {@code class create} on the
 * instructor's, and a learner's {@code check --class} on another (network namespaces joined by a veth pair that the
 * test makes and removes), which reaches the brokers only through that network, by the address in its join file.
 */
class RoomNetworkIT {

    @Test
    void aLearnerOnAnotherMachinePassesALessonWithOnlyTheJoinFile() throws Exception {
        assumeTrue(RoomNetwork.possible(), "needs root and iproute2 to make network namespaces");
        Path tmp = Files.createTempDirectory("streamlab-it-");
        Path admin = tmp.resolve("admin.properties");
        try (RoomNetwork room = RoomNetwork.create()) {
            try (StreamlabProcess clusterUp = StreamlabProcess.start(
                    room.onInstructorsMachine(),
                    "512m",
                    tmp,
                    "cluster",
                    "up",
                    "--secure",
                    "--listen",
                    RoomNetwork.INSTRUCTOR_ADDRESS,
                    "--brokers",
                    "1",
                    "--admin-config",
                    admin.toString())) {
                clusterUp.awaitErr("Press Ctrl-C to stop.", Duration.ofSeconds(120));
                String bootstrap = clusterUp.firstOut(Duration.ofSeconds(5));
                assertThat(bootstrap).startsWith(RoomNetwork.INSTRUCTOR_ADDRESS + ":");

                Path roster = Files.writeString(tmp.resolve("roster.txt"), "kim\n");
                try (StreamlabProcess create = StreamlabProcess.start(
                        room.onInstructorsMachine(),
                        "256m",
                        tmp,
                        "class",
                        "create",
                        "--roster",
                        roster.toString(),
                        "--bootstrap-server",
                        bootstrap,
                        "--command-config",
                        admin.toString(),
                        "--out",
                        tmp.resolve("joins").toString())) {
                    assertThat(create.awaitExit(Duration.ofSeconds(120)))
                            .as(String.join("\n", create.stderr()))
                            .isZero();
                }

                Path join = tmp.resolve("joins").resolve("join-kim.properties");
                try (StreamlabProcess learner = StreamlabProcess.start(
                        room.onLearnersMachine(), "512m", tmp, "check", "--class", join.toString(), "01")) {
                    int exit = learner.awaitExit(Duration.ofSeconds(300));
                    assertThat(exit)
                            .as(String.join("\n", learner.stdout()) + String.join("\n", learner.stderr()))
                            .isZero();
                    assertThat(learner.stdout()).anyMatch(l -> l.matches("[1-9]\\d* passed, 0 failed.*"));
                }

                assertThat(clusterUp.interrupt(Duration.ofSeconds(60)))
                        .as("cluster up stops on Ctrl-C")
                        .isTrue();
            }
        } finally {
            try (var paths = Files.walk(tmp)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
