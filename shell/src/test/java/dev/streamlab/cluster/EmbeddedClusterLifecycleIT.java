package dev.streamlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Starting and closing clusters: nothing may be left behind, and bad situations get clear messages. */
class EmbeddedClusterLifecycleIT {

    /** Yammer's metric ticker threads are started once per JVM by Kafka's metrics library and shared by all brokers. */
    private static final Set<String> JVM_WIDE_THREADS =
            Set.of("metrics-meter-tick-thread-1", "metrics-meter-tick-thread-2");

    @Test
    void closeLeavesNoThreadsPortsOrDirectories() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<Path> dirsBefore = ourDirectories(tmp);

        EmbeddedCluster cluster = EmbeddedCluster.builder().brokers(2).start();
        List<Integer> ports = Arrays.stream(cluster.bootstrapServers().split(","))
                .map(a -> Integer.parseInt(a.substring(a.lastIndexOf(':') + 1)))
                .toList();
        Set<Path> dirsWhileRunning = ourDirectories(tmp);
        assertThat(dirsWhileRunning).hasSize(dirsBefore.size() + 1);

        cluster.close();

        List<String> leftover = Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !before.contains(t))
                .map(Thread::getName)
                .filter(name -> !JVM_WIDE_THREADS.contains(name))
                .toList();
        assertThat(leftover).as("threads still alive after close()").isEmpty();
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
        assertThat(ourDirectories(tmp)).isEqualTo(dirsBefore);
    }

    @Test
    void aPortInUseIsNamedWithTheWayOut() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedCluster.builder()
                            .brokers(1)
                            .basePort(taken.getLocalPort())
                            .start())
                    .isInstanceOf(ClusterException.class)
                    .hasMessage("Port " + taken.getLocalPort() + " is already in use, perhaps by another Kafka."
                            + " Stop that program, or choose other ports with --port.");
        }
    }

    @Test
    void directoriesLeftByACrashedRunAreRemovedAtTheNextStart() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path leftover = Files.createTempDirectory(tmp, "streamlab-cluster-");
        Files.writeString(leftover.resolve("owner.pid"), String.valueOf(gone.pid()));
        Files.createDirectories(leftover.resolve("broker-1"));

        try (EmbeddedCluster cluster = EmbeddedCluster.builder().brokers(1).start()) {
            assertThat(leftover).doesNotExist();
            assertThat(cluster.brokerIds()).containsExactly(1);
        }
    }

    @Test
    void aClosedClusterSaysSo() {
        EmbeddedCluster cluster = EmbeddedCluster.builder().brokers(1).start();
        cluster.close();
        assertThatThrownBy(() -> cluster.restartBroker(1))
                .isInstanceOf(ClusterException.class)
                .hasMessage("This cluster is closed. Start a new one.");
    }

    /** Cluster directories this JVM owns: other programs may start clusters in the same temp folder meanwhile. */
    private static Set<Path> ourDirectories(Path tmp) throws Exception {
        String pid = String.valueOf(ProcessHandle.current().pid());
        try (var paths = Files.list(tmp)) {
            return paths.filter(p -> p.getFileName().toString().startsWith("streamlab-cluster-"))
                    .filter(p -> ownedBy(p, pid))
                    .collect(Collectors.toSet());
        }
    }

    private static boolean ownedBy(Path dir, String pid) {
        try {
            return Files.readString(dir.resolve("owner.pid")).trim().equals(pid);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
