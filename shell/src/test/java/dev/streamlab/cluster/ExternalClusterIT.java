package dev.streamlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlab.drill.FailoverDrill;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An external cluster is used, never controlled: here an embedded cluster plays the classroom's shared cluster. */
class ExternalClusterIT {

    private static EmbeddedCluster classroom;

    @TempDir
    Path dir;

    @BeforeAll
    static void startClassroomCluster() {
        classroom = EmbeddedCluster.builder().brokers(3).start();
    }

    @AfterAll
    static void stopClassroomCluster() {
        classroom.close();
    }

    @Test
    void connectsWithTheClientSettingsOfTheCommandConfigFile() throws Exception {
        Path commandConfig =
                Files.writeString(dir.resolve("client.properties"), "client.id=learner-7\nrequest.timeout.ms=20000\n");

        try (ExternalCluster cluster =
                ExternalCluster.connect(classroom.bootstrapServers(), commandConfig, ClusterListener.SILENT)) {
            assertThat(cluster.kind()).isEqualTo("external");
            assertThat(cluster.canControlBrokers()).isFalse();
            assertThat(cluster.brokerIds()).containsExactly(1, 2, 3);
            assertThat(cluster.clientConfig())
                    .containsEntry("client.id", "learner-7")
                    .containsEntry("bootstrap.servers", classroom.bootstrapServers());
            try (Admin admin = Admin.create(cluster.clientConfig())) {
                admin.createTopics(List.of(new NewTopic("external", 2, (short) 3)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
            assertThat(cluster.describeTopic("external")).hasSize(2);
        }
    }

    @Test
    void brokersCannotBeKilledStoppedOrRestartedAndTheMessageSaysWhy() {
        try (ExternalCluster cluster =
                ExternalCluster.connect(classroom.bootstrapServers(), null, ClusterListener.SILENT)) {
            assertThatThrownBy(() -> cluster.killBroker(2))
                    .isInstanceOf(ClusterException.class)
                    .hasMessage("Broker 2 cannot be killed from here: the cluster at " + classroom.bootstrapServers()
                            + " is an external one, and streamlab does not control its machines."
                            + " Steps that break brokers need --cluster embedded or --cluster containers.");
            assertThatThrownBy(() -> cluster.stopBroker(1)).hasMessageContaining("cannot be stopped from here");
            assertThatThrownBy(() -> cluster.restartBroker(1)).hasMessageContaining("cannot be restarted from here");
            assertThatThrownBy(() -> new FailoverDrill(cluster, ClusterListener.SILENT, 10).run())
                    .isInstanceOf(ClusterException.class)
                    .hasMessageContaining("cannot be killed from here");
        }
        assertThat(classroom.brokerIds()).allMatch(classroom::isRunning);
    }

    @Test
    void anAddressWhereNoKafkaAnswersSaysSo() {
        int nobody = Ports.free();
        assertThatThrownBy(() -> ExternalCluster.connect("127.0.0.1:" + nobody, null, ClusterListener.SILENT))
                .isInstanceOf(ClusterException.class)
                .hasMessageStartingWith("No Kafka cluster answers at 127.0.0.1:" + nobody)
                .hasMessageContaining("--cluster embedded");
    }

    @Test
    void aMissingCommandConfigFileIsNamed() {
        Path missing = dir.resolve("nope.properties");
        assertThatThrownBy(() -> ExternalCluster.connect(classroom.bootstrapServers(), missing, ClusterListener.SILENT))
                .hasMessage("Cannot read the client settings file " + missing
                        + ". Check the path given to --command-config.");
    }
}
