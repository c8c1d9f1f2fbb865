package dev.streamlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The class limits' options on {@code cluster up} and {@code class create}: bad values are refused before anything starts. */
class ClassLimitOptionsTest {

    @Test
    void aLimitWithoutSecureIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("cluster", "up", "--max-partitions-per-topic", "5");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err())
                .contains("--max-partitions-per-topic limits a class cluster: add --secure, or leave it out.");
    }

    @Test
    void aLimitBelowOneIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("cluster", "up", "--secure", "--max-message-bytes", "0");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err())
                .contains("--max-message-bytes must be 1 or more, not 0.")
                .doesNotContain("Cluster: embedded");
    }

    @Test
    void theHelpNamesEachLimitsBrokerSettingAndDefault() {
        // Picocli wraps lines, even inside a setting's name: compare without white space.
        String help = CommandLineRun.of("cluster", "up", "--help").out().replaceAll("\\s+", "");
        assertThat(help)
                .contains(
                        "streamlab.class.max.partitions.per.topic;default:12)",
                        "default:1000)",
                        "learnersononemachinesharethis");
        String create = CommandLineRun.of("class", "create", "--help").out().replaceAll("\\s+", "");
        assertThat(create).contains("--produce-rate=BYTES", "default:1048576,1MiB/s", "--partition-rate=N");
    }
}
