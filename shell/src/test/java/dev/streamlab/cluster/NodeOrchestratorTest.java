package dev.streamlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The orchestration every cluster of ours shares, with nodes that only record what was asked of them. */
class NodeOrchestratorTest {

    private final FakeDriver driver = new FakeDriver();
    private final List<String> steps = Collections.synchronizedList(new ArrayList<>());
    private FakeCluster cluster;

    @AfterEach
    void closeCluster() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (ClusterException e) {
                // a test that made a node fail to stop
            }
        }
    }

    @Test
    void brokerCountsOutsideOneToFiveAreRefusedBeforeAnyNodeExists() {
        assertThatThrownBy(() -> new FakeCluster(driver, 6, 0))
                .isInstanceOf(ClusterException.class)
                .hasMessage("A cluster has between 1 and 5 brokers; you asked for 6.");
        assertThat(driver.nodes).isEmpty();
        assertThat(driver.closed).isTrue();
    }

    @Test
    void aTakenBasePortIsNamedAndWhatTheDriverHeldIsFreed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            assertThatThrownBy(() -> new FakeCluster(driver, 1, taken.getLocalPort()))
                    .isInstanceOf(ClusterException.class)
                    .hasMessage(Ports.inUse(taken.getLocalPort()).getMessage());
        }
        assertThat(driver.closed).isTrue();
    }

    @Test
    void everyNodeGetsItsPlaceInTheQuorumAndTheDriversAddresses() {
        cluster = new FakeCluster(driver, 3, 0);

        Map<String, String> controller = driver.node(0).settings;
        assertThat(controller)
                .containsEntry("process.roles", "controller")
                .containsEntry("node.id", "0")
                .containsEntry("controller.quorum.voters", "0@fake-controller:9999")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("default.replication.factor", "3")
                .containsEntry("listeners", "CONTROLLER://fake-controller:9999");
        Map<String, String> broker2 = driver.node(2).settings;
        assertThat(broker2)
                .containsEntry("process.roles", "broker")
                .containsEntry("node.id", "2")
                .containsEntry("controller.quorum.voters", "0@fake-controller:9999")
                .containsEntry("min.insync.replicas", "2")
                .containsEntry(
                        "listeners",
                        "PLAINTEXT://127.0.0.1:" + driver.node(2).spec.hostPort());

        List<Integer> ports = List.of(1, 2, 3).stream()
                .map(id -> driver.node(id).spec.hostPort())
                .toList();
        assertThat(Set.copyOf(ports)).hasSize(3);
        assertThat(cluster.bootstrapServers())
                .isEqualTo(ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(",")));
        assertThat(cluster.brokerIds()).containsExactly(1, 2, 3);
    }

    @Test
    void aDriverMayNotChangeANodesPlaceInTheQuorum() {
        driver.extra.put("node.id", "7");

        assertThatThrownBy(() -> new FakeCluster(driver, 1, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A cluster driver may not change node.id of node 0");
        assertThat(driver.closed).isTrue();
    }

    @Test
    void startStartsEveryNodeAndWaitsForTheBrokers() {
        cluster = new FakeCluster(driver, 2, 0);
        cluster.start();

        assertThat(driver.nodes).allSatisfy(node -> assertThat(node.isRunning()).isTrue());
        assertThat(steps)
                .containsExactly(
                        "Starting the controller and brokers 1, 2 on fakes",
                        "Waiting for brokers 1, 2 to register with the controller");
    }

    @Test
    void aNodeThatStopsWhileStartingIsNamedWithItsLastWordsAndTheClusterIsClosed() {
        cluster = new FakeCluster(driver, 2, 0);
        driver.node(2).diesOnStart = true;

        assertThatThrownBy(cluster::start)
                .isInstanceOf(ClusterException.class)
                .hasMessage("Broker 2 stopped while starting. Its last log lines:\nbroker 2 ran out of disk");
        assertThat(driver.nodes).allSatisfy(node -> assertThat(node.removed).isTrue());
        assertThat(driver.closed).isTrue();
    }

    @Test
    void aNodeWhoseStartFailsFailsTheStartAndTheClusterIsClosed() {
        cluster = new FakeCluster(driver, 2, 0);
        driver.node(1).startFailure = new ClusterException("Port 1234 is taken");

        assertThatThrownBy(cluster::start).isSameAs(driver.node(1).startFailure);
        assertThatThrownBy(() -> cluster.isRunning(1)).hasMessage("This cluster is closed. Start a new one.");
        assertThat(driver.closed).isTrue();
    }

    @Test
    void stopKillAndRestartReachTheBrokerAskedFor() {
        cluster = new FakeCluster(driver, 3, 0);
        cluster.start();

        cluster.stopBroker(2);
        cluster.killBroker(3);
        assertThat(cluster.isRunning(1)).isTrue();
        assertThat(cluster.isRunning(2)).isFalse();
        assertThat(cluster.isRunning(3)).isFalse();
        cluster.restartBroker(3);

        assertThat(driver.events).containsSubsequence("stop 2", "kill 3", "restart 3");
        assertThat(cluster.isRunning(3)).isTrue();
        assertThat(steps)
                .containsSubsequence(
                        "Stopping broker 2 (fake stop)",
                        "Killing broker 3 (fake kill)",
                        "Restarting broker 3 (fake start)");
    }

    @Test
    void anUnknownBrokerIsNamedWithTheOnesThereAre() {
        cluster = new FakeCluster(driver, 3, 0);
        cluster.start();

        assertThatThrownBy(() -> cluster.killBroker(7))
                .isInstanceOf(ClusterException.class)
                .hasMessage("There is no broker 7. This cluster has brokers 1, 2, 3.");
        assertThatThrownBy(() -> cluster.stopBroker(0))
                .hasMessage("There is no broker 0. This cluster has brokers 1, 2, 3.");
        assertThat(steps).noneMatch(s -> s.contains("broker 7") || s.contains("broker 0"));
        assertThat(driver.events).noneMatch(e -> e.startsWith("kill") || e.startsWith("stop"));
    }

    @Test
    void closeRemovesTheBrokersThenTheControllerThenFreesTheDriver() {
        cluster = new FakeCluster(driver, 3, 0);
        cluster.start();

        cluster.close();

        List<String> events = driver.events;
        int controller = events.indexOf("remove 0");
        assertThat(events.indexOf("remove 1")).isBetween(0, controller);
        assertThat(events.indexOf("remove 2")).isBetween(0, controller);
        assertThat(events.indexOf("remove 3")).isBetween(0, controller);
        assertThat(events.get(events.size() - 1)).isEqualTo("driver closed");
        assertThat(steps).endsWith("Stopping the fakes");
    }

    @Test
    void closeRemovesEveryNodeEvenIfOneFailsToAndSaysWhichFailed() {
        cluster = new FakeCluster(driver, 3, 0);
        cluster.start();
        driver.node(2).removeFailure = new IllegalStateException("broker 2 is stuck");

        assertThatThrownBy(cluster::close)
                .isInstanceOf(ClusterException.class)
                .hasMessage("The cluster did not close cleanly: broker 2 is stuck")
                .hasCauseReference(driver.node(2).removeFailure);
        assertThat(driver.nodes).allSatisfy(node -> assertThat(node.removed).isTrue());
        assertThat(driver.closed).isTrue();
    }

    @Test
    void aCloseDuringStartWaitsUntilTheStartingThreadsHaveEndedBeforeTheDriverCleansUp() throws Exception {
        cluster = new FakeCluster(driver, 2, 0);
        FakeNode slow = driver.node(1);
        slow.blocksUntilRemoved = true;
        CompletableFuture<Void> starting = CompletableFuture.runAsync(cluster::start);
        assertThat(slow.startEntered.await(10, TimeUnit.SECONDS))
                .as("broker 1 is starting")
                .isTrue();

        cluster.close();

        assertThat(driver.events).containsSubsequence("start of 1 ended", "driver closed");
        assertThatThrownBy(() -> starting.get(10, TimeUnit.SECONDS))
                .hasRootCauseMessage("broker 1 was removed while starting");
    }

    @Test
    void theShutdownHookIsInPlaceWhileTheClusterRunsAndGoneAfterClose() {
        cluster = new FakeCluster(driver, 1, 0);
        cluster.start();
        Thread hook = cluster.shutdownHook();
        assertThat(Runtime.getRuntime().removeShutdownHook(hook))
                .as("registered by start")
                .isTrue();
        Runtime.getRuntime().addShutdownHook(hook);

        cluster.close();

        assertThat(Runtime.getRuntime().removeShutdownHook(hook))
                .as("removed by close")
                .isFalse();
    }

    @Test
    void aSecondCloseDoesNothingAndAClosedClusterSaysSo() {
        cluster = new FakeCluster(driver, 1, 0);
        cluster.start();
        cluster.close();
        int events = driver.events.size();

        cluster.close();

        assertThat(driver.events).hasSize(events);
        assertThatThrownBy(() -> cluster.restartBroker(1)).hasMessage("This cluster is closed. Start a new one.");
        assertThatThrownBy(() -> cluster.describeTopic("t")).hasMessage("This cluster is closed. Start a new one.");
    }

    /** A cluster of fake nodes; the brokers it calls registered are those running. */
    private final class FakeCluster extends NodeOrchestrator {
        private final FakeDriver fakes;

        FakeCluster(FakeDriver driver, int brokers, int basePort) {
            super(driver, brokers, basePort, steps::add);
            this.fakes = driver;
        }

        @Override
        public String kind() {
            return "fake";
        }

        @Override
        protected Set<Integer> registeredBrokers() {
            return fakes.nodes.stream()
                    .filter(n -> n.spec.broker() && n.isRunning())
                    .map(n -> n.spec.id())
                    .collect(Collectors.toSet());
        }
    }

    private static final class FakeDriver implements ClusterDriver {
        final List<FakeNode> nodes = Collections.synchronizedList(new ArrayList<>());
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final Map<String, String> extra = new LinkedHashMap<>();
        volatile boolean closed;

        FakeNode node(int id) {
            return nodes.stream().filter(n -> n.spec.id() == id).findFirst().orElseThrow();
        }

        @Override
        public String controllerAddress() {
            return "fake-controller:9999";
        }

        @Override
        public Map<String, String> addressSettings(NodeSpec node) {
            Map<String, String> p = new LinkedHashMap<>(extra);
            p.put(
                    "listeners",
                    node.broker() ? "PLAINTEXT://127.0.0.1:" + node.hostPort() : "CONTROLLER://" + controllerAddress());
            return p;
        }

        @Override
        public NodeDriver create(NodeSpec node, Map<String, String> settings) {
            FakeNode fake = new FakeNode(node, settings, events);
            nodes.add(fake);
            return fake;
        }

        @Override
        public void close() {
            events.add("driver closed");
            closed = true;
        }

        @Override
        public String where() {
            return " on fakes";
        }

        @Override
        public String means(BrokerAction action) {
            return switch (action) {
                case STOP -> " (fake stop)";
                case KILL -> " (fake kill)";
                case RESTART -> " (fake start)";
            };
        }

        @Override
        public String closingStep() {
            return "Stopping the fakes";
        }
    }

    private static final class FakeNode implements NodeDriver {
        final NodeSpec spec;
        final Map<String, String> settings;
        final List<String> events;
        volatile boolean running;
        volatile boolean removed;
        volatile boolean diesOnStart;
        volatile RuntimeException startFailure;
        volatile RuntimeException removeFailure;
        volatile boolean blocksUntilRemoved;
        final CountDownLatch startEntered = new CountDownLatch(1);
        private final CountDownLatch removedLatch = new CountDownLatch(1);

        FakeNode(NodeSpec spec, Map<String, String> settings, List<String> events) {
            this.spec = spec;
            this.settings = settings;
            this.events = events;
        }

        @Override
        public int id() {
            return spec.id();
        }

        @Override
        public boolean isBroker() {
            return spec.broker();
        }

        @Override
        public void start() {
            events.add("start " + id());
            startEntered.countDown();
            if (startFailure != null) {
                throw startFailure;
            }
            if (blocksUntilRemoved) {
                awaitRemoval();
            }
            running = !diesOnStart;
        }

        /** Like a broker that waits for a controller: it ends only when the cluster's close removes it. */
        private void awaitRemoval() {
            try {
                if (!removedLatch.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("broker " + id() + " was never removed");
                }
                throw new ClusterException("broker " + id() + " was removed while starting");
            } catch (InterruptedException e) {
                // close() also interrupts the starting threads; which of the two it sees first is up to the scheduler.
                Thread.currentThread().interrupt();
                throw new ClusterException(
                        "broker " + id() + (removed ? " was removed" : " was interrupted") + " while starting");
            } finally {
                events.add("start of " + id() + " ended");
            }
        }

        @Override
        public void restart() {
            events.add("restart " + id());
            running = true;
        }

        @Override
        public void stop() {
            events.add("stop " + id());
            running = false;
        }

        @Override
        public void kill() {
            events.add("kill " + id());
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public void remove() {
            events.add("remove " + id());
            running = false;
            removed = true;
            removedLatch.countDown();
            if (removeFailure != null) {
                throw removeFailure;
            }
        }

        @Override
        public String lastLogLines(int lines) {
            return describe() + " ran out of disk";
        }
    }
}
