package dev.streamlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kit make} and {@code kit install} given what an instructor or attendee mistypes: one line, an exit code, nothing made. */
class KitCommandTest {

    @TempDir
    Path temp;

    @Test
    void installingFromAFolderThatIsNoKitSaysSoAndInstallsNothing() throws Exception {
        Path stick = Files.createDirectories(temp.resolve("stick"));
        Files.writeString(stick.resolve("holiday.jpg"), "not a kit");

        CommandLineRun run = CommandLineRun.of(
                "kit",
                "install",
                stick.toString(),
                "--to",
                temp.resolve("streamlab").toString(),
                "--no-doctor");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(run.errLines())
                .last()
                .isEqualTo(
                        "Error: " + stick.resolve("CHECKSUMS")
                                + " is missing, so this is not a complete kit: copy the whole kit folder again (it is made by 'streamlab kit make DIR').");
        assertThat(run.out()).isEmpty();
        assertThat(temp.resolve("streamlab")).doesNotExist();
    }

    @Test
    void makingAKitWithoutTheDistributionSaysHowToBuildIt() {
        CommandLineRun run = CommandLineRun.of(
                "kit",
                "make",
                temp.resolve("kit").toString(),
                "--no-image",
                "--dist",
                temp.resolve("streamlab-1.0.tar.gz").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(run.errLines())
                .last()
                .isEqualTo("Error: There is no distribution at " + temp.resolve("streamlab-1.0.tar.gz")
                        + ". Build it with './mvnw -B -ntp -Pdist -DskipTests package' (it writes dist/target/streamlab-VERSION.tar.gz),"
                        + " or name one with --dist FILE.");
        assertThat(temp.resolve("kit")).doesNotExist();
    }

    @Test
    void anImageAndNoImageExcludeEachOther() {
        CommandLineRun run =
                CommandLineRun.of("kit", "make", temp.resolve("kit").toString(), "--no-image", "--image", "x");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).last().isEqualTo("Error: --image and --no-image exclude each other: choose one.");
    }

    @Test
    void kitIsInTheCommandTableWithHelp() {
        assertThat(CommandLineRun.of("kit", "install", "--help").out())
                .startsWith("Usage: streamlab kit install")
                .contains("--to=DIR");
        assertThat(CommandLineRun.of("--help").out()).contains("kit ");
    }
}
