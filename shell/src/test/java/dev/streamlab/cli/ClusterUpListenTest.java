package dev.streamlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code cluster up --secure} and {@code --listen} refuse what they cannot do, with one sentence, before anything starts. */
class ClusterUpListenTest {

    @Test
    void listenWithoutSecureIsRefused() {
        CommandLineRun run = CommandLineRun.of("cluster", "up", "--cluster", "embedded", "--listen", "127.0.0.2");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines())
                .filteredOn(l -> l.contains("--listen"))
                .singleElement()
                .asString()
                .endsWith(
                        "--listen lets other machines reach the brokers, which only a secure cluster may do: add --secure.");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void advertiseWithoutListenIsRefused() {
        CommandLineRun run = CommandLineRun.of("cluster", "up", "--secure", "--advertise", "room-pc");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err())
                .contains("--advertise names the address learners reach the brokers by, and goes with"
                        + " --listen ADDRESS: add --listen, or leave --advertise out.");
    }

    @Test
    void listenIsForEmbeddedBrokersOnly() {
        CommandLineRun run =
                CommandLineRun.of("cluster", "up", "--secure", "--cluster", "containers", "--listen", "127.0.0.2");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err())
                .contains("--listen starts embedded brokers only (a containers cluster is reached on"
                        + " 127.0.0.1): use --cluster embedded.");
    }

    @Test
    void secureDoesNotStartAnExternalCluster() {
        CommandLineRun run = CommandLineRun.of("cluster", "up", "--secure", "--cluster", "external");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--secure starts a cluster, and an external one is already running");
    }

    @Test
    void anAddressThatIsNotThisMachinesIsRefused() {
        CommandLineRun run = CommandLineRun.of("cluster", "up", "--secure", "--listen", "240.0.0.1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Cannot listen on 240.0.0.1", "it is not an address of this machine");
        assertThat(run.err()).doesNotContain("Starting the controller");
    }
}
