package dev.streamlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamlabCommandTest {

    @Test
    void tooManyBrokersNameTheAllowedRange() {
        CommandLineRun run = CommandLineRun.of("cluster", "up", "--brokers", "9");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).first().isEqualTo("--brokers must be between 1 and 5, not 9.");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void zeroBrokersNameTheAllowedRange() {
        CommandLineRun run = CommandLineRun.of("cluster", "up", "--brokers", "0");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).first().isEqualTo("--brokers must be between 1 and 5, not 0.");
    }

    @Test
    void versionNamesTheKafkaVersion() {
        CommandLineRun run = CommandLineRun.of("--version");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out().lines()).contains("Apache Kafka 4.4.0");
    }

    @Test
    void anUnknownLessonListsTheLessons() {
        CommandLineRun run = CommandLineRun.of("check", "42");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("There is no lesson `42`. The lessons are:", "00  welcome  Welcome to streamlab");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void everySubcommandHasHelp() {
        CommandLineRun run = CommandLineRun.of("cluster", "up", "--help");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("Usage: streamlab cluster up");
        assertThat(CommandLineRun.of("bench", "-h").out()).startsWith("Usage: streamlab bench").contains("--runs=N");
    }
}
