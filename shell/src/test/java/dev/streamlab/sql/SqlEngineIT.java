package dev.streamlab.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.streamlab.cluster.EmbeddedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The SQL engine as a learner meets it: a real Flink in its own JVM on a real broker. Mistakes get Flink's message in
 * one line and the engine keeps running; a query that never ends stops on Ctrl-C; a job can be listed and stopped; an
 * engine that cannot start says why in one sentence and leaves nothing behind.
 */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SqlEngineIT {

    private static final String TABLE = "CREATE TABLE attempts (card_number STRING, `timestamp` TIMESTAMP_LTZ(3)%s) "
            + "WITH ('connector' = 'kafka', 'topic' = 'sql_it_attempts', 'scan.startup.mode' = 'earliest-offset', "
            + "'format' = 'json', 'json.timestamp-format.standard' = 'ISO-8601')";
    private static final SqlEngine.Watcher NOBODY = new SqlEngine.Watcher() {};

    private static EmbeddedCluster cluster;
    private static SqlEngine engine;

    @BeforeAll
    static void start() throws Exception {
        cluster = EmbeddedCluster.builder().brokers(1).start();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(cluster.clientConfig(), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(
                                "sql_it_attempts",
                                "4000-0001",
                                "{\"card_number\":\"4000-0001\",\"timestamp\":\"2026-03-02T09:00:0" + i + "Z\"}"))
                        .get();
            }
        }
        engine = SqlEngine.start(SqlEngine.Settings.of(cluster.clientConfig(), ""), line -> {});
        assertThat(engine.execute(
                        String.format(TABLE, ", WATERMARK FOR `timestamp` AS `timestamp` - INTERVAL '1' MINUTE"),
                        0,
                        null,
                        NOBODY))
                .isEqualTo(new SqlOutcome.Done("Table attempts created."));
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aSyntaxErrorIsFlinksMessageInOneLineNamingThePositionAndTheEngineGoesOn() {
        SqlOutcome typo = engine.execute("\nSELECT card_number FORM attempts", 0, null, NOBODY);
        assertThat(typo).isInstanceOf(SqlOutcome.Failed.class);
        String message = ((SqlOutcome.Failed) typo).message();
        assertThat(message).contains("line 2, column").doesNotContain("\n");
        assertThat(engine.execute("SELECT 1 + 1 AS two", 0, null, NOBODY))
                .isInstanceOfSatisfying(
                        SqlOutcome.Rows.class,
                        rows -> assertThat(rows.rows())
                                .extracting(SqlOutcome.Row::values)
                                .containsExactly(List.of("2")));
    }

    @Test
    void createTableAsSelectSaysHowToWriteItInstead() {
        SqlOutcome ctas = engine.execute(
                "CREATE TABLE fraud WITH ('connector' = 'kafka', 'topic' = 'fraud', 'format' = 'json') "
                        + "AS SELECT card_number FROM attempts",
                0,
                null,
                NOBODY);
        assertThat(((SqlOutcome.Failed) ctas).message()).contains("then fill it with INSERT INTO ... SELECT");
    }

    @Test
    void anUnknownColumnIsNamedWithItsPosition() {
        SqlOutcome unknown = engine.execute("SELECT card_numbr FROM attempts", 0, null, NOBODY);
        assertThat(((SqlOutcome.Failed) unknown).message())
                .isEqualTo(
                        "SQL validation failed. From line 1, column 8 to line 1, column 17: Column 'card_numbr' not found in any table");
    }

    @Test
    void aWindowOnAColumnWithoutAWatermarkSaysWhatIsWrong() {
        assertThat(engine.execute(String.format(TABLE, "").replace("attempts (", "plain_attempts ("), 0, null, NOBODY))
                .isInstanceOf(SqlOutcome.Done.class);
        SqlOutcome window = engine.execute(
                "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE plain_attempts, "
                        + "DESCRIPTOR(`timestamp`), INTERVAL '5' MINUTES)) GROUP BY window_start, window_end",
                0,
                null,
                NOBODY);
        assertThat(((SqlOutcome.Failed) window).message())
                .contains("time attribute")
                .doesNotContain("\n");
    }

    @Test
    void aCreateTableRunAgainReplacesTheTableAsTheLearnerEditedIt() {
        assertThat(engine.execute(
                        "CREATE TABLE edited (a STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '1')",
                        0,
                        null,
                        NOBODY))
                .isEqualTo(new SqlOutcome.Done("Table edited created."));
        assertThat(engine.execute(
                        "CREATE TABLE edited (a STRING, b INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1')",
                        0,
                        null,
                        NOBODY))
                .isEqualTo(new SqlOutcome.Done("Table edited replaced."));
        SqlOutcome columns = engine.execute("SELECT * FROM edited", 0, null, NOBODY);
        assertThat(((SqlOutcome.Rows) columns).columns()).containsExactly("a", "b");
    }

    @Test
    void aQueryThatNeverEndsStopsOnCtrlCAndTheEngineSurvives() {
        List<SqlOutcome.Row> seen = new ArrayList<>();
        CompletableFuture<SqlOutcome> running = CompletableFuture.supplyAsync(() ->
                engine.execute("SELECT card_number FROM attempts", 0, null, new SqlEngine.Watcher() {
                    @Override
                    public boolean row(SqlOutcome.Row row, SqlTable table, int count) {
                        synchronized (seen) {
                            seen.add(row);
                        }
                        return false;
                    }
                }));
        // The five attempts come, then the stream waits for more for ever.
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            synchronized (seen) {
                return seen.size() == 5;
            }
        });
        assertThat(running).isNotDone();
        engine.stopQuery();
        SqlOutcome stopped =
                running.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        assertThat(((SqlOutcome.Rows) stopped).ending().reason()).isEqualTo(SqlOutcome.Reason.STOPPED);
        assertThat(engine.isAlive()).isTrue();
        assertThat(engine.execute("SELECT COUNT(*) FROM attempts", 1, null, NOBODY))
                .isInstanceOf(SqlOutcome.Rows.class);
    }

    @Test
    void aRowLimitEndsTheQueryAndWhatTheWatcherAsksForToo() {
        SqlOutcome limited = engine.execute("SELECT card_number FROM attempts", 2, null, NOBODY);
        assertThat(((SqlOutcome.Rows) limited).ending().reason()).isEqualTo(SqlOutcome.Reason.LIMIT);
        assertThat(((SqlOutcome.Rows) limited).rows()).hasSize(2);
        SqlOutcome enough = engine.execute("SELECT card_number FROM attempts", 0, null, new SqlEngine.Watcher() {
            @Override
            public boolean row(SqlOutcome.Row row, SqlTable table, int count) {
                return count == 3;
            }
        });
        assertThat(((SqlOutcome.Rows) enough).ending().reason()).isEqualTo(SqlOutcome.Reason.ENOUGH);
        SqlOutcome quiet = engine.execute("SELECT card_number FROM attempts", 0, Duration.ofSeconds(3), NOBODY);
        assertThat(((SqlOutcome.Rows) quiet).ending().reason()).isEqualTo(SqlOutcome.Reason.QUIET);
        assertThat(((SqlOutcome.Rows) quiet).rows()).hasSize(5);
    }

    @Test
    void anInsertRunsAsAJobThatCanBeListedAndStoppedByThePrefixOfItsId() {
        assertThat(engine.execute(
                        "CREATE TABLE copies (card_number STRING) WITH ('connector' = 'kafka', "
                                + "'topic' = 'sql_it_copies', 'format' = 'json')",
                        0,
                        null,
                        NOBODY))
                .isInstanceOf(SqlOutcome.Done.class);
        SqlOutcome job = engine.execute("INSERT INTO copies SELECT card_number FROM attempts", 0, null, NOBODY);
        assertThat(job)
                .isInstanceOfSatisfying(
                        SqlOutcome.Job.class, j -> assertThat(j.name()).isEqualTo("INSERT INTO copies"));
        String first = ((SqlOutcome.Job) job).id();
        // Run again (the learner edited the cell): the new job replaces the running one of the same statement.
        SqlOutcome again = engine.execute("INSERT INTO copies SELECT card_number FROM attempts", 0, null, NOBODY);
        assertThat(((SqlOutcome.Job) again).replaced()).containsExactly(first);
        String id = ((SqlOutcome.Job) again).id();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> engine.jobs().stream()
                        .anyMatch(j -> j.id().equals(id) && j.status().equals("RUNNING")));
        assertThat(engine.jobs())
                .filteredOn(j -> j.id().equals(first))
                .singleElement()
                .satisfies(j -> assertThat(j.status()).isEqualTo("CANCELED"));
        assertThat(engine.stopJob("nonsense")).isEqualTo(new SqlOutcome.Failed("No job nonsense. /jobs lists them."));
        assertThat(engine.stopJob(id.substring(0, 8))).isEqualTo(new SqlOutcome.Done("Stopped " + id + "."));
        assertThat(engine.jobs())
                .filteredOn(j -> j.id().equals(id))
                .singleElement()
                .satisfies(j -> assertThat(j.status()).isEqualTo("CANCELED"));
    }

    @Test
    void everyPortTheEngineOpensIsOnLoopback() throws Exception {
        assertThat(engine.gatewayUrl()).startsWith("https://127.0.0.1:");
        Path tcp = Path.of("/proc/net/tcp6");
        if (Files.exists(tcp)) {
            assertThat(ProcessHandle.of(engine.pid())).isPresent();
            // Sockets of the engine itself: its inodes against the listening table.
            List<String> inodes = new ArrayList<>();
            try (Stream<Path> fds = Files.list(Path.of("/proc/" + engine.pid() + "/fd"))) {
                fds.forEach(fd -> {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(target.substring(8, target.length() - 1));
                        }
                    } catch (Exception gone) {
                        // closed meanwhile
                    }
                });
            }
            List<String> openToAll = Stream.concat(
                            Files.readAllLines(tcp).stream(), Files.readAllLines(Path.of("/proc/net/tcp")).stream())
                    .map(String::strip)
                    .map(l -> l.split("\\s+"))
                    .filter(f -> f.length > 9 && f[3].equals("0A"))
                    .filter(f -> f[1].startsWith("00000000000000000000000000000000:") || f[1].startsWith("00000000:"))
                    .filter(f -> inodes.contains(f[9]))
                    .map(f -> f[1])
                    .toList();
            assertThat(openToAll)
                    .as("the engine's sockets listening on every address")
                    .isEmpty();
        }
    }

    @Test
    void anEngineWithoutEnoughMemorySaysSoInOneSentenceAndLeavesNothingBehind() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = leftovers(tmp);
        Map<String, Object> config = new HashMap<>(cluster.clientConfig());
        assertThatThrownBy(
                        () -> SqlEngine.start(SqlEngine.Settings.of(config, "").heap("24m"), line -> {}))
                .isInstanceOf(SqlEngineException.class)
                .hasMessageContaining("ran out of memory (heap 24m)")
                .hasMessageContaining(SqlEngine.HEAP_VARIABLE + "=512m");
        assertThat(leftovers(tmp)).isEqualTo(before);
        assertThat(ProcessHandle.current()
                        .children()
                        .filter(p -> p.info().commandLine().orElse("").contains(SqlEngineFiles.MAIN_CLASS))
                        .filter(p -> p.pid() != engine.pid())
                        .count())
                .isZero();
    }

    @Test
    void closingTheEngineEndsItsJvmAndDeletesItsFiles() throws Exception {
        long before = leftovers(Path.of(System.getProperty("java.io.tmpdir")));
        SqlEngine own = SqlEngine.start(
                SqlEngine.Settings.of(cluster.clientConfig(), "").headless(), line -> {});
        long pid = own.pid();
        assertThat(own.execute("SELECT 1 AS n", 0, null, NOBODY))
                .isInstanceOfSatisfying(
                        SqlOutcome.Rows.class,
                        rows -> assertThat(rows.ending().reason()).isEqualTo(SqlOutcome.Reason.DONE));
        own.close();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
        assertThat(leftovers(Path.of(System.getProperty("java.io.tmpdir")))).isEqualTo(before);
    }

    private static long leftovers(Path tmp) throws Exception {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("streamlab-sql-engine-"))
                    .count();
        }
    }
}
