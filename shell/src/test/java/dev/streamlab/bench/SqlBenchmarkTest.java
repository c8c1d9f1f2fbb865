package dev.streamlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.streamlab.files.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the SQL benchmark takes from the project without starting anything (the benchmark itself takes minutes and runs
 * in {@code ./streamlab bench --only sql}): the lesson's own table and query, and a process's peak memory.
 */
class SqlBenchmarkTest {

    @Test
    void theBenchmarkRunsTheLessonsTableAndQuery() throws Exception {
        SqlBenchmark.FraudSql sql = SqlBenchmark.FraudSql.read(ProjectRoot.find());

        assertThat(sql.createTable())
                .contains("CREATE TABLE authorization_attempts")
                .contains("'scan.watermark.emit.strategy' = 'on-event'")
                .doesNotEndWith(";");
        assertThat(sql.query())
                .startsWith("SELECT card_number")
                .contains("HAVING COUNT(*) > 3")
                .doesNotEndWith(";");
    }

    @Test
    void aQueryFileWithoutItsQueryIsOneClearSentence(@TempDir Path project) throws Exception {
        Files.createDirectories(project.resolve("lessons/sql"));
        Files.writeString(
                project.resolve(SqlBenchmark.QUERY_FILE),
                "-- only a table\nCREATE TABLE t (a INT) WITH ('connector' = 'kafka');\n");

        assertThatThrownBy(() -> SqlBenchmark.FraudSql.read(project))
                .hasMessage("The fraud query's file has no SELECT.");
    }

    @Test
    void aMissingQueryFileNamesTheFileAndWhereToRunFrom(@TempDir Path project) {
        assertThatThrownBy(() -> SqlBenchmark.FraudSql.read(project))
                .hasMessageContaining(project.resolve(SqlBenchmark.QUERY_FILE).toString())
                .hasMessageEndingWith("run it from the project's folder.");
    }

    @Test
    void peakMemoryComesFromTheKernelAndNothingForAProcessThatIsGone() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "Linux only: /proc");

        OptionalDouble mine = SqlBenchmark.peakRssMb(ProcessHandle.current().pid());
        assertThat(mine).isPresent();
        assertThat(mine.getAsDouble()).isBetween(10.0, 100_000.0);
        assertThat(SqlBenchmark.peakRssMb(Long.MAX_VALUE)).isEmpty();
    }
}
