package dev.streamlab.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.files.OtherUser;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real Connect worker in the JVM beside a real embedded cluster. */
class EmbeddedConnectWorkerIT extends ConnectWorkerContract {

    @BeforeAll
    static void start() {
        cluster = EmbeddedCluster.builder().brokers(1).start();
        worker = ConnectWorkers.start(cluster);
    }

    /**
     * Another user of the machine finds the worker's port on loopback (a connector would read files and topics with the
     * learner's rights), gets no answer from it, and cannot read the certificate that would get one.
     */
    @Test
    void anotherUserOfTheMachineGetsNoAnswerAndCannotReadTheCertificate() throws Exception {
        String other = OtherUser.require("the Connect worker's REST API");
        String url = worker.restUrl() + "/connectors";
        OtherUser.Run curl =
                OtherUser.runAs(other, "curl", "-sk", "-m", "10", "-o", "-", "-w", "\nHTTP %{http_code}", url);
        assertThat(curl.output()).as(url + " as " + other).endsWith("HTTP 000");
        assertThat(curl.exit()).isNotZero();
        int port = URI.create(worker.restUrl()).getPort();
        OtherUser.Run plain = OtherUser.runAs(
                other,
                "curl",
                "-s",
                "-m",
                "10",
                "-o",
                "-",
                "-w",
                "\nHTTP %{http_code}",
                "http://127.0.0.1:" + port + "/connectors");
        assertThat(plain.output())
                .as("plain HTTP as " + other)
                .doesNotContain("HTTP 2")
                .doesNotStartWith("[");

        Path keystore = ((EmbeddedConnectWorker) worker).keystore().file();
        assertThat(OtherUser.runAs(other, "cat", keystore.toString()).exit())
                .as(other + " reads the keystore")
                .isNotZero();
        assertThat(OtherUser.runAs(other, "ls", keystore.getParent().toString()).exit())
                .as(other + " lists its folder")
                .isNotZero();
        assertThat(Files.getPosixFilePermissions(keystore))
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }
}
