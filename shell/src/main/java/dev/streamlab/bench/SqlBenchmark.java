package dev.streamlab.bench;

import dev.streamlab.cluster.Await;
import dev.streamlab.cluster.EmbeddedCluster;
import dev.streamlab.sql.SqlEngine;
import dev.streamlab.sql.SqlOutcome;
import dev.streamlab.sql.SqlStatements;
import dev.streamlab.sql.SqlTable;
import dev.streamlab.streams.AuthorizationAttempt;
import dev.streamlab.streams.FraudApp;
import dev.streamlab.streams.FraudTopology;
import dev.streamlab.streams.JsonSerde;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The SQL engine's figures (lesson 5's SQL part, Apache Flink SQL in a JVM of its own), on a 3-broker embedded cluster
 * whose {@code authorization_attempts} has one partition, as the lesson's: the engine ready in at most 5 s, the fraud
 * query's row at most 2 s after the attempt that closes its window, the engine's JVM at most 600 MB, and the fraud
 * query's throughput beside Kafka Streams' on the same 100,000 attempts.
 *
 * <p>Each run on a fresh cluster: the attempts; Kafka Streams' throughput and window latency (the references); a
 * headless engine (bounded reads, as {@code streamlab sql FILE}) runs the fraud query twice, the second time measured;
 * then an engine as a lesson's first SQL cell starts it (with the SQL Gateway) runs the query as a streaming query,
 * and the probe measures from a closing attempt's acknowledged write to the row reaching the shell. The SQL is the
 * lesson's own, {@code lessons/sql/possible-fraud.sql}.
 */
public final class SqlBenchmark implements Benchmark {

    static final String QUERY_FILE = "lessons/sql/possible-fraud.sql";
    private static final String WARM_CARD = "sql-probe-warm";
    private static final String PROBE_CARD = "sql-probe";
    private static final String CLOCK_CARD = "sql-probe-clock";
    private static final Duration QUERY_DEADLINE = Duration.ofMinutes(3);

    @Override
    public String name() {
        return "SQL engine (Apache Flink)";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        FraudSql sql = FraudSql.read(context.projectRoot());
        List<Double> ready = new ArrayList<>();
        List<Double> firstRow = new ArrayList<>();
        List<Double> streamsFirstRow = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        List<Double> sqlThroughput = new ArrayList<>();
        List<Double> streamsThroughput = new ArrayList<>();
        for (int run = 1; run <= context.runs(); run++) {
            String of = ", run " + run + " of " + context.runs();
            context.listener().step("Cluster and " + StreamsBenchmark.ATTEMPTS + " attempts" + of);
            try (EmbeddedCluster cluster = EmbeddedCluster.builder().brokers(3).start()) {
                createAttemptsTopic(cluster);
                Instant last = StreamsBenchmark.produceAttempts(cluster, StreamsBenchmark.ATTEMPTS);
                long attempts = StreamsBenchmark.totalRecords(cluster);

                context.listener().step("Kafka Streams over the same attempts (the reference)" + of);
                try (FraudApp app = StreamsBenchmark.startWarmedUp(cluster, attempts)) {
                    streamsThroughput.add(StreamsBenchmark.throughput(cluster, attempts));
                    streamsFirstRow.add(StreamsBenchmark.closingLatency(cluster, last));
                }
                // Kafka Streams' latency probe added a few attempts; the SQL reads them too.
                long records = StreamsBenchmark.totalRecords(cluster);

                context.listener().step("Flink SQL, headless, over " + records + " attempts" + of);
                double peak = 0;
                try (SqlEngine headless = SqlEngine.start(
                        SqlEngine.Settings.of(cluster.clientConfig(), "").headless(), context.listener()::step)) {
                    sqlThroughput.add(boundedThroughput(headless, sql, records));
                    peak = Math.max(peak, peakRssMb(headless.pid()).orElse(Double.NaN));
                }

                context.listener().step("Flink SQL as a lesson's cell: ready, then the first fraud row" + of);
                try (SqlEngine engine =
                        SqlEngine.start(SqlEngine.Settings.of(cluster.clientConfig(), ""), context.listener()::step)) {
                    ready.add(engine.readyIn().toNanos() / 1e9);
                    firstRow.add(firstFraudRow(cluster, engine, sql, last));
                    peak = Math.max(peak, peakRssMb(engine.pid()).orElse(Double.NaN));
                }
                if (Double.isFinite(peak)) {
                    rss.add(peak);
                }
            }
        }
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of("SQL engine ready (start to session)", "s", ready, 5.0)
                .against("flink-sql-playground, start to first result (reported)", List.of(1.74)));
        figures.add(Figure.of("first fraud row after its closing attempt", "s", firstRow, 2.0)
                .against("Kafka Streams, same probe", streamsFirstRow));
        if (!rss.isEmpty()) {
            figures.add(Figure.of("SQL engine peak RSS", "MB", rss, 600)
                    .against("flink-sql-playground (reported 690-890 MB)", List.of(690.0, 890.0)));
        } else {
            context.listener()
                    .step(
                            "The SQL engine's memory is read from /proc, which this system does not have: no RSS figure.");
        }
        figures.add(Figure.atLeast("fraud query throughput, Flink SQL headless", "records/s", sqlThroughput, 10_000)
                .against("Kafka Streams, same attempts", streamsThroughput));
        return figures;
    }

    /** One partition, as lesson 5's topics (FraudApp creates them so): one watermark, one stream time. */
    private static void createAttemptsTopic(EmbeddedCluster cluster) throws Exception {
        try (Admin admin = Admin.create(cluster.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(FraudTopology.ATTEMPTS_TOPIC, Optional.of(1), Optional.empty())
                            .configs(Map.of("retention.ms", "-1"))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Records per second of the fraud query on an engine that reads Kafka up to the end: from submitting the query to
     * its end, which comes when every attempt is read and every window closed. A first pass over the same attempts
     * warms the engine up, as Kafka Streams' warm-up instance does.
     */
    static double boundedThroughput(SqlEngine engine, FraudSql sql, long records) {
        expectDone(engine.execute(sql.createTable(), 0, null, new SqlEngine.Watcher() {}), "CREATE TABLE");
        SqlOutcome.Rows warmUp =
                expectRows(engine.execute(sql.query(), 0, null, new SqlEngine.Watcher() {}), "warm-up");
        long start = System.nanoTime();
        SqlOutcome.Rows measured =
                expectRows(engine.execute(sql.query(), 0, null, new SqlEngine.Watcher() {}), "measured");
        double seconds = (System.nanoTime() - start) / 1e9;
        if (measured.rows().size() != warmUp.rows().size()) {
            throw new IllegalStateException(
                    "The fraud query gave " + measured.rows().size() + " rows, and "
                            + warmUp.rows().size() + " on the same attempts before: the engine did not read them all.");
        }
        return records / seconds;
    }

    /**
     * The streaming fraud query, as a lesson's cell runs it, over the attempts already in the topic. Four attempts of
     * a card in a window after them, then an attempt past that window's end and its minute of grace: a first window
     * shows that the query has caught up, a second one is measured, from the closing attempt's acknowledged write to
     * the row reaching the shell.
     */
    private static double firstFraudRow(EmbeddedCluster cluster, SqlEngine engine, FraudSql sql, Instant after)
            throws Exception {
        expectDone(engine.execute(sql.createTable(), 0, null, new SqlEngine.Watcher() {}), "CREATE TABLE");
        // Past Kafka Streams' probe (an hour after the attempts), on whole hours: windows of 5 minutes start there.
        Instant warmWindow =
                after.plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(3));
        Instant probeWindow = warmWindow.plus(Duration.ofHours(1));
        CountDownLatch caughtUp = new CountDownLatch(1);
        AtomicLong rowAt = new AtomicLong();
        SqlEngine.Watcher watcher = new SqlEngine.Watcher() {
            @Override
            public boolean row(SqlOutcome.Row row, SqlTable table, int count) {
                String card = row.values().isEmpty() ? null : row.values().get(0);
                if (PROBE_CARD.equals(card)) {
                    rowAt.compareAndSet(0, System.nanoTime());
                    return true;
                }
                if (WARM_CARD.equals(card)) {
                    caughtUp.countDown();
                }
                return false;
            }
        };
        CompletableFuture<SqlOutcome> outcome = new CompletableFuture<>();
        Thread query = new Thread(
                () -> {
                    try {
                        outcome.complete(engine.execute(sql.query(), 0, null, watcher));
                    } catch (Throwable e) {
                        outcome.completeExceptionally(e);
                    }
                },
                "bench-sql-fraud-query");
        query.setDaemon(true);
        query.start();
        try (KafkaProducer<String, AuthorizationAttempt> producer = new KafkaProducer<>(
                cluster.clientConfig(),
                new StringSerializer(),
                JsonSerde.of(AuthorizationAttempt.class).serializer())) {
            fraudWindow(producer, WARM_CARD, warmWindow);
            Await.until(
                    QUERY_DEADLINE,
                    () -> caughtUp.getCount() == 0 || outcome.isDone() ? Optional.of(true) : Optional.empty(),
                    "The fraud query gave no row for the first probe window within " + QUERY_DEADLINE.toMinutes()
                            + " minutes.");
            if (caughtUp.getCount() != 0) {
                throw new IllegalStateException(
                        "The fraud query ended before the first probe window: " + describe(outcome));
            }
            long closedAt = fraudWindow(producer, PROBE_CARD, probeWindow);
            Await.until(
                    Duration.ofSeconds(30),
                    () -> rowAt.get() != 0 || outcome.isDone() ? Optional.of(true) : Optional.empty(),
                    "The fraud query gave no row for the probe window within 30 s of its closing attempt.");
            if (rowAt.get() == 0) {
                throw new IllegalStateException("The fraud query ended before the probe window: " + describe(outcome));
            }
            return (rowAt.get() - closedAt) / 1e9;
        } finally {
            // The watcher's "enough" stops the query; on a failure, stop it here.
            if (!outcome.isDone()) {
                engine.stopQuery();
            }
            try {
                outcome.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the engine is closed next; a query that did not stop ends with it
            }
        }
    }

    /** Four attempts of {@code card} in the window at {@code start}, one closing it; when the closing one was acknowledged. */
    private static long fraudWindow(KafkaProducer<String, AuthorizationAttempt> producer, String card, Instant start)
            throws Exception {
        for (int i = 0; i < 4; i++) {
            send(producer, card, start.plusSeconds(i));
        }
        send(producer, CLOCK_CARD, start.plus(Duration.ofMinutes(6)).plusSeconds(1));
        return System.nanoTime();
    }

    private static void send(KafkaProducer<String, AuthorizationAttempt> producer, String card, Instant when)
            throws Exception {
        producer.send(new ProducerRecord<>(FraudTopology.ATTEMPTS_TOPIC, card, AuthorizationAttempt.at(card, when)))
                .get(30, TimeUnit.SECONDS);
    }

    private static String describe(CompletableFuture<SqlOutcome> outcome) {
        try {
            return String.valueOf(outcome.getNow(null));
        } catch (Exception e) {
            return e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        }
    }

    private static void expectDone(SqlOutcome outcome, String what) {
        if (!(outcome instanceof SqlOutcome.Done)) {
            throw new IllegalStateException("The benchmark's " + what + " failed: " + outcome);
        }
    }

    private static SqlOutcome.Rows expectRows(SqlOutcome outcome, String what) {
        if (outcome instanceof SqlOutcome.Rows rows
                && rows.ending().reason() == SqlOutcome.Reason.DONE
                && !rows.rows().isEmpty()) {
            return rows;
        }
        throw new IllegalStateException("The " + what + " fraud query did not end with its rows: " + outcome);
    }

    /**
     * The highest resident memory a process has had (Linux: VmHWM in /proc/PID/status), in MB; empty where there is
     * no /proc. Read while the process runs: the kernel keeps the peak, so no sampling can miss it.
     */
    static OptionalDouble peakRssMb(long pid) {
        try {
            for (String line :
                    Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                    return OptionalDouble.of(Long.parseLong(parts[0]) / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return OptionalDouble.empty();
    }

    /** The lesson's table and query, from {@value #QUERY_FILE}. */
    record FraudSql(String createTable, String query) {

        static FraudSql read(Path projectRoot) throws IOException {
            Path file = projectRoot.resolve(QUERY_FILE);
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new IOException(
                        "The benchmark runs the lesson's query, and " + file
                                + " is missing: run it from the project's folder.",
                        e);
            }
            return of(text);
        }

        static FraudSql of(String text) {
            List<String> statements = SqlStatements.split(text).stream()
                    .map(SqlStatements.Statement::written)
                    .toList();
            String create = statements.stream()
                    .filter(s -> s.matches("(?is)(--[^\\n]*\\n\\s*)*CREATE\\s+TABLE\\s.*"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("The fraud query's file has no CREATE TABLE."));
            String select = statements.stream()
                    .filter(s -> s.matches("(?is)(--[^\\n]*\\n\\s*)*SELECT\\s.*"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("The fraud query's file has no SELECT."));
            return new FraudSql(create, select);
        }
    }
}
