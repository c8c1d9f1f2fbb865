package dev.streamlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code cluster up --listen} refuses what would open a cluster to the room without its guarantees, before it starts. */
class ClusterUpListenTest {

    @Test
    void listenWithoutSecureIsRefused() {
        CommandLineRun run = CommandLineRun.of("cluster", "up", "--cluster", "embedded", "--listen", "127.0.0.2");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).filteredOn(l -> l.contains("--listen")).singleElement().asString()
                .endsWith("--listen lets other machines reach the brokers, which only a secure cluster may do: add --secure.");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void advertiseWithoutListenIsRefused() {
        CommandLineRun run = CommandLineRun.of("cluster", "up", "--secure", "--advertise", "room-pc");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--advertise names the address learners reach the brokers by, and goes with"
                + " --listen ADDRESS: add --listen, or leave --advertise out.");
    }

    @Test
    void anAddressThatIsNotThisMachinesIsRefused() {
        CommandLineRun run = CommandLineRun.of("cluster", "up", "--secure", "--listen", "192.0.2.1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Cannot listen on 192.0.2.1", "it is not an address of this machine");
        assertThat(run.err()).doesNotContain("Starting the controller");
    }
}
