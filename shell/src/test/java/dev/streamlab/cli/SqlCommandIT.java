package dev.streamlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlab.demodata.DemoDataFiles;
import dev.streamlab.files.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code streamlab sql FILE} as someone types it: the lesson's file, then the mistakes a file can hold. */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SqlCommandIT {

    private static final Path ROOT = ProjectRoot.find();

    @Test
    void theLessonsFilePrintsExactlyThePlantedFraudAndExitsZero() throws Exception {
        CommandLineRun run = CommandLineRun.of(
                "sql",
                ROOT.resolve("lessons/sql/possible-fraud.sql").toString(),
                "--demo-data",
                "--cluster",
                "embedded",
                "--brokers",
                "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> rows =
                run.out().lines().filter(l -> l.startsWith("| +I |")).toList();
        var planted = DemoDataFiles.readManifest(ROOT.resolve("demo-data/authorization-attempts.manifest.json"))
                .possibleFraud();
        assertThat(rows).hasSameSizeAs(planted).hasSize(10);
        for (var window : planted) {
            String start = window.windowStart().replace('T', ' ').replace("Z", ".000");
            assertThat(rows).anyMatch(r -> r.contains(window.cardNumber()) && r.contains(start));
        }
        assertThat(run.out())
                .contains("[OK] Table authorization_attempts created.")
                .contains("Received a total of 10 rows.");
        assertThat(run.err())
                .contains("Loading 1090 demo attempts into authorization_attempts")
                .contains("SQL engine ready in");
    }

    @Test
    void aMistakeInTheFileNamesItsLineAndExitsOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("typo.sql");
        Files.writeString(
                file, "-- a file with a typo\nSELECT 1 AS n;\n\nSELECT card_number\nFORM attempts;\nSELECT 2;\n");
        CommandLineRun run = CommandLineRun.of("sql", file.toString(), "--cluster", "embedded", "--brokers", "1");
        assertThat(run.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(run.out()).contains("Received a total of 1 row.").doesNotContain("| +I |        2 |");
        assertThat(run.err())
                .contains(file + ", the statement on line 4: SQL parse failed.")
                .contains("Encountered \"attempts\" at line 5, column 6");
    }

    @Test
    void whatIsNoFileOfStatementsIsRefusedBeforeAnythingStarts(@TempDir Path dir) throws Exception {
        CommandLineRun missing =
                CommandLineRun.of("sql", dir.resolve("nothing.sql").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("There is no file " + dir.resolve("nothing.sql"));
        CommandLineRun folder = CommandLineRun.of("sql", dir.toString());
        assertThat(folder.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(folder.err()).contains("is not a file");
        Path comments = Files.writeString(dir.resolve("comments.sql"), "-- nothing to run;\n/* ; */\n");
        CommandLineRun empty = CommandLineRun.of("sql", comments.toString());
        assertThat(empty.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(empty.err()).contains("holds no SQL statement");
        assertThat(empty.err()).doesNotContain("Starting the SQL engine");
    }
}
