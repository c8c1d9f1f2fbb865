package dev.streamlab.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.lesson.Cell;
import dev.streamlab.lesson.Expectation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A learner at SQL cells: a typo, then the fix; a CREATE TABLE edited and run again; SQL typed at the prompt; a query
 * that would run for ever, stopped by Ctrl-C or by the cell's expectations; and /jobs before and after a job.
 */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SqlCellsIT {

    private static final String TABLE = """
            CREATE TABLE visits (page STRING, `at` TIMESTAMP_LTZ(3)) WITH (
              'connector' = 'kafka', 'topic' = 'sql_cells_visits', 'scan.startup.mode' = 'earliest-offset',
              'format' = 'json', 'json.timestamp-format.standard' = 'ISO-8601');
            """;

    private static EmbeddedCluster cluster;
    private static Notebook notebook;

    @BeforeAll
    static void start() throws Exception {
        cluster = EmbeddedCluster.builder().brokers(1).start();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(cluster.clientConfig(), new StringSerializer(), new StringSerializer())) {
            for (String page : List.of("home", "cart", "home", "pay")) {
                producer.send(new ProducerRecord<>(
                                "sql_cells_visits",
                                page,
                                "{\"page\":\"" + page + "\",\"at\":\"2026-03-02T09:00:00Z\"}"))
                        .get();
            }
        }
        notebook = new Notebook(cluster);
    }

    @AfterAll
    static void stop() {
        if (notebook != null) {
            notebook.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static Cell sql(String code, Expectation... expect) {
        return new Cell(Cell.Kind.SQL, code, 1, List.of(expect), expect.length == 0 ? 0 : 2, List.of());
    }

    @Test
    void aTypoFailsTheCellWithFlinksLineAndTheFixedCellThenPasses() {
        assertThat(notebook.run(sql(TABLE)).passed()).isTrue();
        Cell cell = sql(
                "SELECT page\nFORM visits;", new Expectation.OutputContains("output contains \"4 rows\"", "4 rows"));
        CellResult typo = notebook.run(cell);
        assertThat(typo.passed()).isFalse();
        assertThat(typo.outcome()).isEqualTo(JavaOutcome.EXCEPTION);
        assertThat(typo.problem())
                .startsWith("Flink: SQL parse failed.")
                .contains("Encountered \"visits\" at line 2, column 6");
        assertThat(typo.output()).startsWith("[ERROR] SQL parse failed.");

        CellResult fixed = notebook.run(cell, "SELECT page\nFROM visits;");
        assertThat(fixed.passed()).as(fixed.output()).isTrue();
        assertThat(fixed.output())
                .contains("|             home |", "4 rows so far; the query stopped when the cell's checks held.");
    }

    @Test
    void aCreateTableEditedAndRunAgainIsReplacedAndSqlTypedAtThePromptRunsAsSql() {
        assertThat(notebook.run(sql(TABLE)).output()).matches("(?s)\\[OK] Table visits (created|replaced)\\.\n");
        CellResult again = notebook.run(sql(TABLE), TABLE.replace("page STRING,", "page STRING, extra INT,"));
        assertThat(again.output()).isEqualTo("[OK] Table visits replaced.\n");
        CellResult typed = notebook.runTyped("DESCRIBE visits");
        assertThat(typed.outcome()).isEqualTo(JavaOutcome.OK);
        assertThat(typed.output()).contains("extra").contains("Received a total of 3 rows.");
    }

    @Test
    void ctrlCStopsAQueryThatWouldRunForEverAndTheNextCellRuns() {
        assertThat(notebook.run(sql(TABLE)).passed()).isTrue();
        StringBuilder live = new StringBuilder();
        notebook.watch(text -> {
            synchronized (live) {
                live.append(text);
            }
        });
        try {
            CompletableFuture<CellResult> running =
                    CompletableFuture.supplyAsync(() -> notebook.runTyped("SELECT page FROM visits"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                synchronized (live) {
                    return live.toString().split("\\| \\+I \\|", -1).length - 1 == 4;
                }
            });
            notebook.stop();
            CellResult stopped = running.join();
            assertThat(stopped.outcome()).isEqualTo(JavaOutcome.STOPPED);
            assertThat(stopped.output()).endsWith("Stopped (Ctrl-C) after 4 rows.\n");
        } finally {
            notebook.watch(null);
        }
        // A LIMIT ends a query for the learner: Flink's streaming LIMIT gives its rows, then its job waits for ever.
        CellResult limited = notebook.runTyped("SELECT page FROM visits LIMIT 2");
        assertThat(limited.outcome()).isEqualTo(JavaOutcome.OK);
        assertThat(limited.output()).endsWith("Received a total of 2 rows (the query's LIMIT).\n");
    }

    @Test
    void jobsAreListedAndStoppedFromTheShell() {
        try (Notebook fresh = new Notebook(cluster)) {
            assertThat(fresh.runTyped("/jobs").output()).contains("the SQL engine has not started");
        }
        assertThat(notebook.run(sql(TABLE + """
                CREATE TABLE pages (page STRING) WITH ('connector' = 'kafka', 'topic' = 'sql_cells_pages', 'format' = 'json');
                INSERT INTO pages SELECT page FROM visits;
                """)).output()).contains("started: INSERT INTO pages");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> notebook.runTyped("/jobs").output().contains("RUNNING"));
        assertThat(notebook.runTyped("/jobs stop").output()).contains("Say /jobs to list the SQL jobs");
        assertThat(notebook.runTyped("/jobs stop all").output()).startsWith("Stopped ");
        assertThat(notebook.runTyped("/jobs").output())
                .doesNotContain("RUNNING")
                .contains("CANCELED");
    }
}
