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
        assertThat(run.err())
                .contains("There is no lesson `42`. The lessons are:", "00  welcome  Welcome to streamlab");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aKindOfClusterThatDoesNotExistIsAUsageErrorThatNamesTheKinds() {
        CommandLineRun run = CommandLineRun.of("cluster", "up", "--cluster", "nonsense");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines())
                .first()
                .isEqualTo(
                        "Error: 'nonsense' (--cluster) is not a kind of cluster. Use embedded, containers, external or auto.");
    }

    @Test
    void anUnexpectedErrorHasItsOwnExitCodeAndPointsAtVerbose() {
        String plain = StreamlabCommand.describe(new NullPointerException("the bug"), false);
        assertThat(plain)
                .isEqualTo("streamlab failed unexpectedly (NullPointerException: the bug). Run the command again with"
                        + " --verbose to see where; please report it with that output.");
        assertThat(StreamlabCommand.describe(new NullPointerException("the bug"), true))
                .endsWith("The stack trace follows.");
        assertThat(StreamlabCommand.exitCodeFor(new NullPointerException())).isEqualTo(ExitCode.INTERNAL);
        assertThat(StreamlabCommand.describe(
                        new dev.streamlab.cluster.ClusterException("Docker is gone. Start it."), false))
                .isEqualTo("Docker is gone. Start it.");
        assertThat(StreamlabCommand.exitCodeFor(new dev.streamlab.cluster.ClusterException("x")))
                .isEqualTo(ExitCode.ENVIRONMENT);
        // The SQL engine's failures (not built, out of memory) are written for the user too: bench --only sql meets
        // them.
        assertThat(StreamlabCommand.describe(
                        new dev.streamlab.sql.SqlEngineException("The SQL engine is not built. Build it."), false))
                .isEqualTo("The SQL engine is not built. Build it.");
        assertThat(StreamlabCommand.exitCodeFor(new dev.streamlab.sql.SqlEngineException("x")))
                .isEqualTo(ExitCode.ENVIRONMENT);
    }

    @Test
    void shellCompletionIsGeneratedByPicocli() {
        CommandLineRun run = CommandLineRun.of("generate-completion");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out())
                .contains("complete -F _complete_streamlab")
                .contains("grade")
                .contains("--github-output");
    }

    @Test
    void everySubcommandHasHelp() {
        CommandLineRun run = CommandLineRun.of("cluster", "up", "--help");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("Usage: streamlab cluster up");
        assertThat(CommandLineRun.of("bench", "-h").out())
                .startsWith("Usage: streamlab bench")
                .contains("--runs=N");
    }
}
