package dev.streamlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The class options' mistakes: each a usage error with one sentence naming the fix, and nothing started. */
class ClassWatchCommandTest {

    @Test
    void watchNeedsAClassServer() {
        CommandLineRun run = CommandLineRun.of("class", "watch");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--class-server");
    }

    @Test
    void aClassServerThatIsNotHostAndPortIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("class", "watch", "--class-server", "http://teacher");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("is not HOST:PORT").contains("localhost:9092");
    }

    @Test
    void aCsvFileInAFolderThatDoesNotExistIsAUsageError() {
        CommandLineRun run = CommandLineRun.of(
                "class", "watch", "--class-server", "localhost:1", "--csv", "/no/such/folder/class.csv");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("its folder does not exist");
    }

    @Test
    void anUnreachableClassServerIsAnEnvironmentErrorThatSaysWhatToCheck() {
        CommandLineRun run = CommandLineRun.of("class", "watch", "--class-server", "127.0.0.1:1", "--port", "0");
        assertThat(run.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(run.err()).contains("did not answer within").contains("--class-server");
    }

    @Test
    void learnWithAClassServerNeedsTheLearnersNameAndARosterName() {
        CommandLineRun noName = CommandLineRun.of("learn", "00", "--class-server", "localhost:9092");
        assertThat(noName.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noName.err()).contains("add --learner NAME");

        CommandLineRun badName = CommandLineRun.of(
                "learn", "00", "--class-server", "localhost:9092", "--learner", "<script>alert(1)</script>");
        assertThat(badName.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badName.err()).contains("is not a roster name");

        CommandLineRun nameAlone = CommandLineRun.of("learn", "00", "--learner", "ada");
        assertThat(nameAlone.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(nameAlone.err()).contains("add --class-server");
    }

    @Test
    void aClassServerWhoseHostCannotBeFoundIsAClearErrorNotACrash() {
        CommandLineRun learn =
                CommandLineRun.of("learn", "00", "--class-server", "no-such-host.invalid:9092", "--learner", "ada");
        assertThat(learn.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(learn.err()).contains("its host cannot be found").contains("leave out --class-server");

        CommandLineRun watch =
                CommandLineRun.of("class", "watch", "--class-server", "no-such-host.invalid:9092", "--port", "0");
        assertThat(watch.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(watch.err()).contains("cannot be found").contains("--class-server");
    }

    @Test
    void gradeAllWithAClassServerIsAUsageError() {
        CommandLineRun run =
                CommandLineRun.of("grade", "01", "--all", "x", "--class-server", "localhost:9092", "--learner", "ada");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("leave it out with --all");
    }
}
