package dev.streamlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    void anUnknownDemoListsTheDemosAndLessons() {
        CommandLineRun run = CommandLineRun.of("demo", "no-such-demo", "--rehearse");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err())
                .contains("There is no demo `no-such-demo`.")
                .contains("streaming-first")
                .contains("01  the-log");
        assertThat(run.out()).isEmpty();
    }
}
