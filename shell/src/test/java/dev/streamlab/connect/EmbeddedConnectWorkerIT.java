package dev.streamlab.connect;

import dev.streamlab.cluster.EmbeddedCluster;
import org.junit.jupiter.api.BeforeAll;

/** A real Connect worker in the JVM beside a real embedded cluster. */
class EmbeddedConnectWorkerIT extends ConnectWorkerContract {

    @BeforeAll
    static void start() {
        cluster = EmbeddedCluster.builder().brokers(1).start();
        worker = ConnectWorkers.start(cluster);
    }
}
